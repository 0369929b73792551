using Gatehouse.Core.Hooks;

namespace Gatehouse.Cli;

/// <summary>
/// The command hook's time limit. The hook decides on its main thread (no thread pool to start in a process that answers
/// one call); this background thread sleeps through the budget and, if no answer was written by then, writes the blocking
/// reply itself and ends the process with its exit code. Exactly one of the two answers: whoever claims <see cref="Progress"/> first.
/// </summary>
internal sealed class HookWatchdog
{
    /// <summary>The call as far as it got, so an over-budget answer uses the agent's event name and is logged with its tool.</summary>
    public HookCallProgress Progress { get; } = new();

    /// <summary>True for the first caller only: that caller writes the answer.</summary>
    public bool TryClaim() => Progress.TryClaim();

    /// <summary>Starts the watch; if it outlasts <paramref name="budget"/> unclaimed, answers and passes the exit code to <paramref name="exit"/>.</summary>
    public void Start(TimeSpan budget, Func<HookCallProgress, int> answerOverBudget, Action<int> exit)
    {
        var thread = new Thread(() =>
        {
            Thread.Sleep(budget);
            if (TryClaim())
            {
                exit(answerOverBudget(Progress));
            }
        })
        {
            IsBackground = true,
            Name = "gatehouse hook watchdog",
        };
        thread.Start();
    }
}
