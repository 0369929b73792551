using Gatehouse.Cli;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Cli.Tests.Hooks;

public sealed class HookWatchdogTests
{
    [Fact]
    public void TryClaim_TwoCallers_OnlyTheFirstWrites()
    {
        var watchdog = new HookWatchdog();

        watchdog.TryClaim().ShouldBeTrue();
        watchdog.TryClaim().ShouldBeFalse();
    }

    [Fact]
    public void Start_BudgetSpentUnclaimed_AnswersAndExitsWithTheAnswersCode()
    {
        var watchdog = new HookWatchdog();
        using var exited = new ManualResetEventSlim();
        var exitCode = -1;
        HookCallProgress? answered = null;

        watchdog.Start(TimeSpan.FromMilliseconds(20), progress => { answered = progress; return 2; }, code => { exitCode = code; exited.Set(); });

        exited.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        exitCode.ShouldBe(2);
        answered.ShouldBeSameAs(watchdog.Progress);
        watchdog.TryClaim().ShouldBeFalse();
    }

    [Fact]
    public void Start_ClaimedBeforeTheBudget_NeverAnswers()
    {
        var watchdog = new HookWatchdog();
        var answers = 0;
        watchdog.TryClaim().ShouldBeTrue();

        watchdog.Start(TimeSpan.FromMilliseconds(10), _ => Interlocked.Increment(ref answers), _ => Interlocked.Increment(ref answers));
        Thread.Sleep(200);

        answers.ShouldBe(0);
    }
}
