namespace Gatehouse.Core.Hooks;

/// <summary>
/// How far one inline hook call got, shared with whatever enforces its time limit from another thread, so that an
/// over-budget answer names the agent's event and tool as a normal one would.
/// </summary>
public sealed class HookCallProgress
{
    private HookRequest? _request;

    internal HookRequest? Request
    {
        get => Volatile.Read(ref _request);
        set => Volatile.Write(ref _request, value);
    }
}
