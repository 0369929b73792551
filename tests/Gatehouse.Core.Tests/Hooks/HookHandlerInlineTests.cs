using Gatehouse.Core.Policy;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using static Gatehouse.Core.Tests.Hooks.HookTestPayloads;

namespace Gatehouse.Core.Tests.Hooks;

/// <summary>The command hook decides inline (its watchdog enforces the budget); the answer must be the pooled path's.</summary>
public sealed class HookHandlerInlineTests
{
    private static readonly HookHandler Handler = new(PolicyDecider.Default, null, TimeProvider.System);

    public static TheoryData<HookAgent, string> Payloads() => new()
    {
        { HookAgent.Claude, Claude("Bash", new { command = "git status" }) },
        { HookAgent.Claude, Claude("Bash", new { command = "rm -rf ~" }) },
        { HookAgent.Claude, Claude("Bash", new { command = "git push --force origin main" }) },
        { HookAgent.Claude, Claude("Write", new { file_path = ".claude/settings.json", content = "{}" }) },
        { HookAgent.Codex, Codex("Bash", new { command = "git push --force origin main" }) },
        { HookAgent.Gemini, Gemini("run_shell_command", new { command = "terraform destroy" }) },
        { HookAgent.Cursor, CursorShell("kubectl delete ns prod") },
        { HookAgent.Copilot, CopilotCamel("bash", new { command = "ls" }) },
        { HookAgent.Claude, "{ not json" },
        { HookAgent.Copilot, string.Empty },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HandleInline_Payload_SameReplyAsHandle(HookAgent agent, string payload)
    {
        var inline = Handler.HandleInline(agent, payload, new HookCallProgress());

        inline.ShouldBe(Handler.Handle(agent, payload));
    }

    [Fact]
    public void HandleInline_ParsedPayload_ProgressHoldsTheRequest()
    {
        var progress = new HookCallProgress();

        Handler.HandleInline(HookAgent.Claude, Claude("Bash", new { command = "ls" }), progress);

        progress.Request.ShouldNotBeNull();
        progress.Request.ToolName.ShouldBe("Bash");
    }

    [Theory]
    [InlineData("git status")]
    [InlineData("rm -rf ~")]
    [InlineData("{ not json")]
    public void HandleInline_ProgressClaimedByTheTimeLimit_NoReplyAndNoRecord(string command)
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-inline-");
        try
        {
            var log = new DecisionLog(System.IO.Path.Combine(directory.FullName, "decisions.jsonl"), 1_000_000, TimeProvider.System);
            var handler = new HookHandler(PolicyDecider.Default, log, TimeProvider.System);
            var progress = new HookCallProgress();
            progress.TryClaim().ShouldBeTrue();
            var payload = command.StartsWith('{') ? command : Claude("Bash", new { command });

            handler.HandleInline(HookAgent.Claude, payload, progress).ShouldBeNull();

            log.ReadRecent(10).ShouldBeEmpty();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void HandleInline_Unclaimed_ClaimsTheCallAndRecordsOnce()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-inline-");
        try
        {
            var log = new DecisionLog(System.IO.Path.Combine(directory.FullName, "decisions.jsonl"), 1_000_000, TimeProvider.System);
            var handler = new HookHandler(PolicyDecider.Default, log, TimeProvider.System);
            var progress = new HookCallProgress();

            handler.HandleInline(HookAgent.Claude, Claude("Bash", new { command = "rm -rf ~" }), progress).ShouldNotBeNull();

            progress.TryClaim().ShouldBeFalse();
            log.ReadRecent(10).ShouldHaveSingleItem().Decision.ShouldBe("deny");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(HookAgent.Claude)]
    [InlineData(HookAgent.Codex)]
    [InlineData(HookAgent.Gemini)]
    [InlineData(HookAgent.Cursor)]
    [InlineData(HookAgent.Copilot)]
    public void OverBudget_AnyAgent_BlocksNamingTheBudget(HookAgent agent)
    {
        var handler = new HookHandler(PolicyDecider.Default, null, TimeProvider.System) { Budget = TimeSpan.FromMilliseconds(250) };

        var reply = handler.OverBudget(agent, new HookCallProgress());

        HookReplies.Observed(agent, reply).ShouldBe("deny");
        (reply.Stdout + reply.Stderr).ShouldContain("over its time budget of 250 ms");
    }
}
