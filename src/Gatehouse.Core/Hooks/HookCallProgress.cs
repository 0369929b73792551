namespace Gatehouse.Core.Hooks;

/// <summary>
/// How far one inline hook call got, shared with whatever enforces its time limit from another thread, so that an
/// over-budget answer names the agent's event and tool as a normal one would; and who answers: exactly one of the
/// decision and the time limit, whichever claims first, writes its reply and its log record.
/// </summary>
public sealed class HookCallProgress
{
    private HookRequest? _request;
    private int _claimed;

    /// <summary>True for the first caller only: that caller answers the call and records the answer.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    internal HookRequest? Request
    {
        get => Volatile.Read(ref _request);
        set => Volatile.Write(ref _request, value);
    }
}
