using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;

namespace Gatehouse.Cli;

/// <summary>
/// A decider whose policies load on a thread of their own while the command hook reads and classifies the call: the two
/// are independent, and on a machine with a second core the hook then waits for the longer of them instead of both.
/// <see cref="Decide"/> waits for the load; a load that fails in any way decides as <see cref="PolicyFailureDecider"/>.
/// </summary>
internal sealed class BackgroundLoadedDecider : IDecider
{
    private readonly Thread _thread;
    private IDecider? _loaded;

    private BackgroundLoadedDecider(Func<IDecider> load)
    {
        _thread = new Thread(() =>
        {
            try
            {
                _loaded = load();
            }
            catch (Exception exception)
            {
                // An exception escaping this thread would end the process with a crash, which some agents read as "proceed".
                _loaded = new PolicyFailureDecider(exception.Message);
            }
        })
        {
            IsBackground = true,
            Name = "gatehouse policy load",
        };
    }

    /// <summary>Starts <paramref name="load"/> now, on its own thread.</summary>
    public static BackgroundLoadedDecider Start(Func<IDecider> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var decider = new BackgroundLoadedDecider(load);
        decider._thread.Start();
        return decider;
    }

    /// <summary>Waits for the load; the hook's watchdog bounds the wait, as it bounds the rest of the call.</summary>
    public Verdict Decide(Classification classification, DecisionContext context)
    {
        _thread.Join();
        return (_loaded ?? new PolicyFailureDecider("the policies did not load")).Decide(classification, context);
    }
}
