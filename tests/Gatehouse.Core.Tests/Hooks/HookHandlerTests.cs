using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using static Gatehouse.Core.Tests.Hooks.HookTestPayloads;

namespace Gatehouse.Core.Tests.Hooks;

public sealed class HookHandlerTests
{
    private static readonly HookHandler Handler = new(PolicyDecider.Default, null, TimeProvider.System);

    public static TheoryData<string, HookAgent, string, string> Calls() => new()
    {
        // Claude Code: every tool family.
        { "claude bash read-only", HookAgent.Claude, Claude("Bash", new { command = "git status", description = "Show status" }), "allow" },
        { "claude bash destroys home", HookAgent.Claude, Claude("Bash", new { command = "rm -rf ~" }), "deny" },
        { "claude bash force push asks", HookAgent.Claude, Claude("Bash", new { command = "git push --force origin main" }), "ask" },
        { "claude railway volume delete", HookAgent.Claude, Claude("Bash", new { command = "railway volume delete --volume vol_8f2c" }), "deny" },
        { "claude read source", HookAgent.Claude, Claude("Read", new { file_path = Cwd + "/src/app.ts" }), "allow" },
        { "claude read .env", HookAgent.Claude, Claude("Read", new { file_path = Cwd + "/.env.production" }), "ask" },
        { "claude read aws credentials", HookAgent.Claude, Claude("Read", new { file_path = "/home/dev/.aws/credentials" }), "ask" },
        { "claude read railway config", HookAgent.Claude, Claude("Read", new { file_path = "~/.railway/config.json" }), "ask" },
        { "claude grep in .env", HookAgent.Claude, Claude("Grep", new { pattern = "TOKEN", path = ".env" }), "ask" },
        { "claude glob", HookAgent.Claude, Claude("Glob", new { pattern = "**/*.ts" }), "allow" },
        { "claude write source", HookAgent.Claude, Claude("Write", new { file_path = Cwd + "/src/app.ts", content = "x" }), "allow" },
        { "claude edit own settings", HookAgent.Claude, Claude("Edit", new { file_path = Cwd + "/.claude/settings.json", old_string = "a", new_string = "b" }), "deny" },
        { "claude edit local settings", HookAgent.Claude, Claude("Edit", new { file_path = ".claude/settings.local.json", old_string = "a", new_string = "b" }), "deny" },
        { "claude write user settings", HookAgent.Claude, Claude("Write", new { file_path = "/home/dev/.claude/settings.json", content = "{}" }), "deny" },
        { "claude multiedit policy", HookAgent.Claude, Claude("MultiEdit", new { file_path = ".gatehouse/policies/main.cedar", edits = Array.Empty<object>() }), "deny" },
        { "claude write project policy source", HookAgent.Claude, Claude("Write", new { file_path = Cwd + "/policies/x.cedar", content = "permit (principal, action, resource);" }), "allow" },
        { "claude write gatehouse policy", HookAgent.Claude, Claude("Write", new { file_path = Cwd + "/.gatehouse/policies/x.cedar", content = "permit (principal, action, resource);" }), "deny" },
        { "claude write snapshot cache", HookAgent.Claude, Claude("Write", new { file_path = "/home/dev/.cache/gatehouse/snapshots/abc.json", content = "{}" }), "deny" },
        { "claude edit snapshot cache", HookAgent.Claude, Claude("Edit", new { file_path = "~/.cache/gatehouse/snapshots/abc.json", old_string = "a", new_string = "b" }), "deny" },
        { "claude write inventory", HookAgent.Claude, Claude("Write", new { file_path = ".gatehouse/inventory.yaml", content = "" }), "deny" },
        { "claude bash uninstalls gatehouse", HookAgent.Claude, Claude("Bash", new { command = "npm uninstall -g gatehouse" }), "deny" },
        { "claude bash copies over hook settings", HookAgent.Claude, Claude("Bash", new { command = "cp /tmp/x.json .claude/settings.json" }), "deny" },
        { "cursor shell switches codex hooks off", HookAgent.Cursor, CursorShell("codex -c features.hooks=false"), "deny" },
        { "claude write .env", HookAgent.Claude, Claude("Write", new { file_path = ".env", content = "A=1" }), "ask" },
        { "claude todo", HookAgent.Claude, Claude("TodoWrite", new { todos = Array.Empty<object>() }), "allow" },
        { "claude mcp select", HookAgent.Claude, Claude("mcp__postgres__query", new { sql = "SELECT count(*) FROM users" }), "allow" },
        { "claude mcp drop", HookAgent.Claude, Claude("mcp__postgres__query", new { sql = "DROP TABLE users" }), "deny" },
        { "claude mcp delete rows", HookAgent.Claude, Claude("mcp__db__execute", new { statement = "DELETE FROM orders" }), "deny" },
        { "claude mcp graphql volumeDelete", HookAgent.Claude, Claude("mcp__railway__graphql", new { query = "mutation { volumeDelete(volumeId: \"v1\") }" }), "deny" },
        { "claude mcp destructive name", HookAgent.Claude, Claude("mcp__railway__delete_service", new { id = "svc_1" }), "ask" },
        { "claude mcp list", HookAgent.Claude, Claude("mcp__github__list_issues", new { repo = "a/b" }), "allow" },
        { "claude mcp unknown mutation", HookAgent.Claude, Claude("mcp__github__create_issue", new { title = "x" }), "ask" },
        { "claude mcp shell field", HookAgent.Claude, Claude("mcp__ssh__exec", new { command = "rm -rf /" }), "deny" },
        { "claude mcp writes hook settings", HookAgent.Claude, Claude("mcp__fs__write_file", new { path = ".claude/settings.json", content = "{}" }), "deny" },
        { "claude unknown tool", HookAgent.Claude, Claude("SomeNewTool", new { x = 1 }), "ask" },

        // Cursor: the four pre-execution events.
        { "cursor shell safe", HookAgent.Cursor, CursorShell("npm test"), "allow" },
        { "cursor shell destroys", HookAgent.Cursor, CursorShell("kubectl delete ns prod"), "deny" },
        { "cursor shell asks", HookAgent.Cursor, CursorShell("git reset --hard HEAD~5"), "ask" },
        { "cursor read .env is denied (no ask on reads)", HookAgent.Cursor, CursorRead(Cwd + "/.env"), "deny" },
        { "cursor read source", HookAgent.Cursor, CursorRead(Cwd + "/README.md"), "allow" },
        { "cursor mcp drop", HookAgent.Cursor, CursorMcp("query", new { sql = "DROP DATABASE shop" }), "deny" },
        { "cursor mcp select", HookAgent.Cursor, CursorMcp("query", new { sql = "SELECT 1 FROM t" }), "allow" },
        { "cursor shell edits hooks.json", HookAgent.Cursor, CursorShell("echo '{}' > .cursor/hooks.json"), "deny" },

        // Codex CLI: Bash, exec_command with cmd, argv arrays, apply_patch, MCP; approvals become denies.
        { "codex bash safe", HookAgent.Codex, Codex("Bash", new { command = "cargo test" }), "allow" },
        { "codex bash destroys", HookAgent.Codex, Codex("Bash", new { command = "terraform destroy -auto-approve" }), "deny" },
        { "codex exec_command cmd", HookAgent.Codex, Codex("exec_command", new { cmd = "dropdb prod" }), "deny" },
        { "codex exec_command cmd safe", HookAgent.Codex, Codex("exec_command", new { cmd = "ls -la" }), "allow" },
        { "codex argv", HookAgent.Codex, Codex("shell", new { command = new[] { "bash", "-lc", "rm -rf /" } }), "deny" },
        { "codex approval is a deny", HookAgent.Codex, Codex("Bash", new { command = "git push --force origin main" }), "deny" },
        { "codex apply_patch source", HookAgent.Codex, Codex("apply_patch", new { input = "*** Begin Patch\n*** Update File: src/main.rs\n@@\n-a\n+b\n*** End Patch" }), "allow" },
        { "codex apply_patch hooks", HookAgent.Codex, Codex("apply_patch", new { input = "*** Begin Patch\n*** Add File: .codex/hooks.json\n+{}\n*** End Patch" }), "deny" },
        { "codex apply_patch deletes policy", HookAgent.Codex, Codex("apply_patch", new { command = new[] { "apply_patch", "*** Begin Patch\n*** Delete File: .gatehouse/policy.cedar\n*** End Patch" } }), "deny" },
        { "codex mcp", HookAgent.Codex, Codex("mcp__pg__query", new { sql = "TRUNCATE orders" }), "deny" },

        // Gemini CLI: run_shell_command with dir_path, file tools, MCP context.
        { "gemini shell safe", HookAgent.Gemini, Gemini("run_shell_command", new { command = "ls", description = "list", dir_path = Cwd }), "allow" },
        { "gemini shell destroys", HookAgent.Gemini, Gemini("run_shell_command", new { command = "aws s3 rb s3://b --force" }), "deny" },
        { "gemini shell in / is not the workspace", HookAgent.Gemini, Gemini("run_shell_command", new { command = "rm -rf *", dir_path = "/" }), "deny" },
        { "gemini approval is a deny", HookAgent.Gemini, Gemini("run_shell_command", new { command = "git branch -D feature" }), "deny" },
        { "gemini read_file .env", HookAgent.Gemini, Gemini("read_file", new { absolute_path = Cwd + "/.env" }), "deny" },
        { "gemini write settings", HookAgent.Gemini, Gemini("write_file", new { file_path = Cwd + "/.gemini/settings.json", content = "{}" }), "deny" },
        { "gemini replace source", HookAgent.Gemini, Gemini("replace", new { file_path = Cwd + "/src/a.py", old_string = "a", new_string = "b" }), "allow" },
        { "gemini mcp", HookAgent.Gemini, Gemini("query", new { sql = "DROP SCHEMA public CASCADE" }, new { server_name = "pg" }), "deny" },
        { "gemini web search", HookAgent.Gemini, Gemini("google_web_search", new { query = "dotnet 10" }), "allow" },

        // Copilot CLI: camelCase with toolArgs as a JSON string, and the PascalCase event.
        { "copilot camel bash safe", HookAgent.Copilot, CopilotCamel("bash", new { command = "npm run build" }), "allow" },
        { "copilot camel bash destroys", HookAgent.Copilot, CopilotCamel("bash", new { command = "heroku apps:destroy -a prod" }), "deny" },
        { "copilot camel asks", HookAgent.Copilot, CopilotCamel("bash", new { command = "git push --force origin main" }), "ask" },
        { "copilot camel view key", HookAgent.Copilot, CopilotCamel("view", new { path = "/home/dev/.ssh/id_ed25519" }), "ask" },
        { "copilot camel edit hooks", HookAgent.Copilot, CopilotCamel("edit", new { path = ".github/hooks/gatehouse.json", old_str = "a", new_str = "b" }), "deny" },
        { "copilot camel create source", HookAgent.Copilot, CopilotCamel("create", new { path = "src/new.ts", file_text = "x" }), "allow" },
        { "copilot pascal bash destroys", HookAgent.Copilot, CopilotPascal("bash", new { command = "fly volumes destroy vol_1 -y" }), "deny" },
        { "copilot pascal safe", HookAgent.Copilot, CopilotPascal("bash", new { command = "git log --oneline" }), "allow" },
        { "copilot powershell", HookAgent.Copilot, CopilotCamel("powershell", new { command = "Remove-Item -Recurse -Force C:\\" }), "deny" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Handle_DocumentedPayload_AnswersInTheAgentsTerms(string name, HookAgent agent, string payload, string expected)
    {
        var reply = Handler.Handle(agent, payload);

        HookReplies.Observed(agent, reply).ShouldBe(expected, name);
    }

    public static TheoryData<HookAgent, string> Malformed() => new()
    {
        { HookAgent.Claude, "" },
        { HookAgent.Claude, "not json" },
        { HookAgent.Claude, "[1,2]" },
        { HookAgent.Claude, "{\"tool_name\":\"Bash\",\"tool_input\":{}}" },
        { HookAgent.Claude, "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\",\"command\":\"rm -rf /\"}}" },
        { HookAgent.Claude, "{\"tool_input\":{\"command\":\"ls\"}}" },
        { HookAgent.Claude, "{\"tool_name\":\"Write\",\"tool_input\":{\"content\":\"x\"}}" },
        { HookAgent.Claude, new string('[', 10_000) + new string(']', 10_000) },
        { HookAgent.Cursor, "{\"hook_event_name\":\"beforeSubmitPrompt\",\"prompt\":\"hi\"}" },
        { HookAgent.Cursor, "{\"hook_event_name\":\"beforeShellExecution\"}" },
        { HookAgent.Codex, "{\"tool_name\":\"exec_command\",\"tool_input\":{\"workdir\":\"/\"}}" },
        { HookAgent.Codex, "{\"tool_name\":\"apply_patch\",\"tool_input\":{}}" },
        { HookAgent.Gemini, "{\"tool_name\":\"run_shell_command\",\"tool_input\":\"not an object\"}" },
        { HookAgent.Copilot, "{\"toolName\":\"bash\",\"toolArgs\":\"{not json\"}" },
        { HookAgent.Copilot, "{\"toolArgs\":\"{}\"}" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Handle_MalformedPayload_Blocks(HookAgent agent, string payload)
    {
        var reply = Handler.Handle(agent, payload);

        HookReplies.Observed(agent, reply).ShouldBe("deny");
        (reply.Stdout + reply.Stderr).ShouldContain("Gatehouse");
    }

    [Theory]
    [InlineData(HookAgent.Claude)]
    [InlineData(HookAgent.Cursor)]
    [InlineData(HookAgent.Codex)]
    [InlineData(HookAgent.Gemini)]
    [InlineData(HookAgent.Copilot)]
    public void Handle_DeciderThrows_Blocks(HookAgent agent)
    {
        var handler = new HookHandler(new ThrowingDecider(), null, TimeProvider.System);

        var reply = handler.Handle(agent, SafeCall(agent));

        HookReplies.Observed(agent, reply).ShouldBe("deny");
        (reply.Stdout + reply.Stderr).ShouldContain("internal error");
    }

    [Fact]
    public void Handle_DecisionOverBudget_Blocks()
    {
        var handler = new HookHandler(new SlowDecider(TimeSpan.FromSeconds(5)), null, TimeProvider.System) { Budget = TimeSpan.FromMilliseconds(100) };

        var reply = handler.Handle(HookAgent.Claude, SafeCall(HookAgent.Claude));

        reply.ExitCode.ShouldBe(2);
        reply.Stderr.ShouldContain("Gatehouse was over its time budget of 100 ms");
    }

    [Theory]
    [InlineData(HookAgent.Claude, 0)]
    [InlineData(HookAgent.Cursor, 0)]
    [InlineData(HookAgent.Codex, -5)]
    [InlineData(HookAgent.Gemini, 0)]
    [InlineData(HookAgent.Copilot, -5)]
    public void Handle_NoBudgetLeft_BlocksAsOverBudgetWithoutDeciding(HookAgent agent, int remainingMilliseconds)
    {
        var decider = new CountingDecider();
        var handler = new HookHandler(decider, null, TimeProvider.System) { Budget = TimeSpan.FromMilliseconds(300) };

        var reply = handler.Handle(agent, SafeCall(agent), TimeSpan.FromMilliseconds(remainingMilliseconds));

        HookReplies.Observed(agent, reply).ShouldBe("deny");
        (reply.Stdout + reply.Stderr).ShouldContain("Gatehouse was over its time budget of 300 ms");
        decider.Calls.ShouldBe(0);
    }

    [Fact]
    public void Handle_PartOfTheBudgetLeft_DecidesWithinWhatIsLeft()
    {
        var handler = new HookHandler(new SlowDecider(TimeSpan.FromSeconds(5)), null, TimeProvider.System) { Budget = TimeSpan.FromSeconds(20) };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var reply = handler.Handle(HookAgent.Claude, SafeCall(HookAgent.Claude), TimeSpan.FromMilliseconds(100));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        reply.ExitCode.ShouldBe(2);
        reply.Stderr.ShouldContain("over its time budget");
    }

    [Fact]
    public void Handle_Deny_ReasonTellsTheModelTheAlternativeAndNotToWorkAround()
    {
        var reply = Handler.Handle(HookAgent.Claude, Claude("Bash", new { command = "rm -rf ~" }));

        reply.Stderr.ShouldContain("Safe alternative");
        reply.Stderr.ShouldContain("Do not try to reach the same result another way");
    }

    [Theory]
    [InlineData(HookAgent.Codex)]
    [InlineData(HookAgent.Gemini)]
    public void Handle_ApprovalWhereAgentCannotAsk_DenyTellsHowToApprove(HookAgent agent)
    {
        var payload = agent == HookAgent.Codex
            ? Codex("Bash", new { command = "git push --force origin main" })
            : Gemini("run_shell_command", new { command = "git push --force origin main" });

        var reply = Handler.Handle(agent, payload);

        reply.ExitCode.ShouldBe(2);
        reply.Stderr.ShouldContain("ask the user to approve it");
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("Cursor")]
    [InlineData("codex")]
    [InlineData("gemini-cli")]
    [InlineData("copilot")]
    public void TryParseAgent_KnownName_Parses(string name) => HookHandler.TryParseAgent(name, out _).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("vim")]
    public void TryParseAgent_UnknownName_Fails(string name) => HookHandler.TryParseAgent(name, out _).ShouldBeFalse();

    internal static string SafeCall(HookAgent agent) => agent switch
    {
        HookAgent.Cursor => CursorShell("ls"),
        HookAgent.Codex => Codex("Bash", new { command = "ls" }),
        HookAgent.Gemini => Gemini("run_shell_command", new { command = "ls" }),
        HookAgent.Copilot => CopilotCamel("bash", new { command = "ls" }),
        _ => Claude("Bash", new { command = "ls" }),
    };

    private sealed class ThrowingDecider : IDecider
    {
        public Verdict Decide(Classification classification, DecisionContext context) => throw new InvalidOperationException("policy store unreadable");
    }

    private sealed class CountingDecider : IDecider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Verdict Decide(Classification classification, DecisionContext context)
        {
            Interlocked.Increment(ref _calls);
            return new Verdict(Decision.Allow, Risk.None, [], "counted allow");
        }
    }

    private sealed class SlowDecider(TimeSpan delay) : IDecider
    {
        public Verdict Decide(Classification classification, DecisionContext context)
        {
            Thread.Sleep(delay);
            return new Verdict(Decision.Allow, Risk.None, [], "slow allow");
        }
    }
}
