namespace Gatehouse.Cli.Tests;

/// <summary>
/// The doctor runs whatever command the settings hold. These tests install scripts standing in for hooks that behave well
/// or badly, so each fail-open trap of reference A is shown to be reported.
/// </summary>
public sealed class DoctorCommandTests
{
    /// <summary>Blocks anything mentioning rm -rf by exit 2 with a reason; allows everything else.</summary>
    private const string ExitTwoHook = """
        input=$(cat)
        case "$input" in *"rm -rf"*) echo "gatehouse: blocked rm -rf" >&2; exit 2;; esac
        exit 0
        """;

    /// <summary>Denies through JSON, the one way Copilot honours.</summary>
    private const string JsonDenyHook = """
        input=$(cat)
        case "$input" in *"rm -rf"*) echo '{"permissionDecision":"deny","permissionDecisionReason":"destructive"}'; exit 0;; esac
        echo '{"permissionDecision":"allow"}'
        """;

    private static string ClaudeSettings(string command, string extraHandler = "\"onFailure\": \"block\", \"timeout\": 30", string matcher = "*") => $$$"""
        {"hooks": {"PreToolUse": [{"matcher": "{{{matcher}}}", "hooks": [{"type": "command", "command": "{{{command}}}", {{{extraHandler}}}}]}]}}
        """;

    [Fact]
    public void Doctor_HookThatBlocksAndAllows_IsSound()
    {
        using var tree = new SetupTestTree();
        var hook = tree.Script("gatehouse-fake", ExitTwoHook);
        tree.Write(".claude/settings.json", ClaudeSettings($"{hook} hook claude"));

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(0, stdout);
        stdout.ShouldContain("`rm -rf ~`: blocked");
        stdout.ShouldContain("`ls`: allowed");
    }

    [Theory]
    [InlineData("claude", ".claude/settings.json")]
    [InlineData("codex", ".codex/hooks.json")]
    [InlineData("gemini", ".gemini/settings.json")]
    [InlineData("cursor", ".cursor/hooks.json")]
    [InlineData("copilot", ".github/hooks/gatehouse.json")]
    public void Doctor_HookExitingOne_IsAProblem(string agent, string settings)
    {
        using var tree = new SetupTestTree();
        tree.Gatehouse("init", "--project", tree.Project, "--agent", agent).ExitCode.ShouldBe(0);
        var hook = tree.Script("gatehouse-broken", "cat >/dev/null; echo boom >&2; exit 1");
        var path = Path.Combine(tree.Project, settings);
        var text = File.ReadAllText(path);
        var command = Launcher(text, agent);
        File.WriteAllText(path, text.Replace(command, hook, StringComparison.Ordinal));

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1, stdout);
        stdout.ShouldContain("PROBLEM");
        stdout.ShouldContain("expected blocked");
    }

    [Fact]
    public void Doctor_ClaudeWithoutOnFailureBlock_IsAProblem()
    {
        using var tree = new SetupTestTree();
        var hook = tree.Script("gatehouse-fake", ExitTwoHook);
        tree.Write(".claude/settings.json", ClaudeSettings($"{hook} hook claude", "\"timeout\": 30"));

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("onFailure");
    }

    [Theory]
    [InlineData("Bash")]
    [InlineData("Bash|Read")]
    public void Doctor_MatcherNotCoveringEveryTool_IsAProblem(string matcher)
    {
        using var tree = new SetupTestTree();
        var hook = tree.Script("gatehouse-fake", ExitTwoHook);
        tree.Write(".claude/settings.json", ClaudeSettings($"{hook} hook claude", matcher: matcher));

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain($"matcher \"{matcher}\" does not cover every tool");
    }

    [Fact]
    public void Doctor_DisableAllHooks_IsAProblem()
    {
        using var tree = new SetupTestTree();
        var hook = tree.Script("gatehouse-fake", ExitTwoHook);
        tree.Write(".claude/settings.json", ClaudeSettings($"{hook} hook claude").Replace("{\"hooks\"", "{\"disableAllHooks\": true, \"hooks\"", StringComparison.Ordinal));

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("disableAllHooks");
    }

    [Fact]
    public void Doctor_CursorWithoutFailClosed_IsAProblem()
    {
        using var tree = new SetupTestTree();
        var hook = tree.Script("gatehouse-fake", ExitTwoHook);
        tree.Write(".cursor/hooks.json", $$$"""
            {"version": 1, "hooks": {
              "beforeShellExecution": [{"command": "{{{hook}}} hook cursor", "timeout": 30}],
              "beforeMCPExecution": [{"command": "{{{hook}}} hook cursor", "timeout": 30, "failClosed": true}],
              "beforeReadFile": [{"command": "{{{hook}}} hook cursor", "timeout": 30, "failClosed": true}]}}
            """);

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("beforeShellExecution without \"failClosed\": true");
    }

    [Fact]
    public void Doctor_CopilotHookBlockingByExitCode_FailsOpen()
    {
        using var tree = new SetupTestTree();
        var exitTwo = tree.Script("gatehouse-exit2", ExitTwoHook);
        tree.Write(".github/hooks/gatehouse.json", $$$"""{"version": 1, "hooks": {"preToolUse": [{"type": "command", "bash": "{{{exitTwo}}} hook copilot", "timeoutSec": 30}]}}""");

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("copilot treats it as a warning and runs the tool");
    }

    [Fact]
    public void Doctor_CopilotHookDenyingInJson_IsSound()
    {
        using var tree = new SetupTestTree();
        var jsonDeny = tree.Script("gatehouse-json", JsonDenyHook);
        tree.Write(".github/hooks/gatehouse.json", $$$"""{"version": 1, "hooks": {"preToolUse": [{"type": "command", "bash": "{{{jsonDeny}}} hook copilot", "timeoutSec": 30}]}}""");

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(0, stdout);
        stdout.ShouldContain("note");
    }

    [Fact]
    public void Doctor_CodexHookAnsweringAsk_FailsOpen()
    {
        using var tree = new SetupTestTree();
        var ask = tree.Script("gatehouse-ask", """cat >/dev/null; echo '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask"}}'""");
        tree.Write(".codex/hooks.json", $$$"""{"hooks": {"PreToolUse": [{"hooks": [{"type": "command", "command": "{{{ask}}} hook codex", "timeout": 30}]}]}}""");

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("Codex rejects 'ask'");
    }

    [Fact]
    public void Doctor_HungHook_IsReportedWithinItsTimeout()
    {
        using var tree = new SetupTestTree();
        var hung = tree.Script("gatehouse-hung", "sleep 20");
        tree.Write(".gemini/settings.json", $$$"""{"hooks": {"BeforeTool": [{"matcher": ".*", "hooks": [{"type": "command", "command": "{{{hung}}} hook gemini", "timeout": 500}]}]}}""");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("no answer within");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
    }

    [Theory]
    [InlineData("/nonexistent/gatehouse hook claude", "does not exist")]
    [InlineData("gatehouse hook claude", "found through PATH")]
    public void Doctor_HookCommandNotAnInstalledAbsolutePath_IsAProblem(string command, string expected)
    {
        using var tree = new SetupTestTree();
        tree.Write(".claude/settings.json", ClaudeSettings(command));

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain(expected);
    }

    [Fact]
    public void Doctor_AgentUsedWithoutHook_IsAProblem()
    {
        using var tree = new SetupTestTree();
        tree.Write("GEMINI.md", "# notes\n");

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("has no Gatehouse hook");
    }

    [Fact]
    public void Doctor_NothingInstalled_IsNotSound()
    {
        using var tree = new SetupTestTree();

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("no Gatehouse hook is installed");
    }

    [Fact]
    public void Doctor_AfterInit_RealHooksBlockAndAllowEndToEnd()
    {
        using var tree = new SetupTestTree();
        tree.Gatehouse("init", "--project", tree.Project, "--agent", "claude", "--agent", "copilot").ExitCode.ShouldBe(0);

        var (exitCode, stdout, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        exitCode.ShouldBe(0, stdout);
        stdout.ShouldContain("claude (project");
        stdout.ShouldContain("`rm -rf ~`: blocked (exit 2)");
        stdout.ShouldContain("`rm -rf ~`: blocked (permissionDecision: deny)");
    }

    [Fact]
    public async Task Doctor_ResidentHook_SoundWhileTheServerAnswersAndAProblemWhenItIsDown()
    {
        using var tree = new SetupTestTree();
        var port = ServeTests.FreePort();
        tree.Gatehouse("init", "--project", tree.Project, "--agent", "claude", "--resident", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode.ShouldBe(0);

        var (downExit, downOut, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        downExit.ShouldBe(1);
        downOut.ShouldContain("no answer");
        downOut.ShouldContain("block every call");

        using var server = new HookServer(new Gatehouse.Core.Hooks.HookHandler(Gatehouse.Core.Policy.PolicyDecider.Default, null, TimeProvider.System), "127.0.0.1", port);
        using var stop = new CancellationTokenSource();
        server.Start();
        var running = server.RunAsync(stop.Token);

        var (upExit, upOut, _) = tree.Gatehouse("doctor", "--project", tree.Project);

        await stop.CancelAsync();
        await running;
        upExit.ShouldBe(0, upOut);
        upOut.ShouldContain("`rm -rf ~`: blocked (permissionDecision: deny)");
    }

    /// <summary>The launcher part of the installed command (everything before " hook agent").</summary>
    private static string Launcher(string settingsText, string agent)
    {
        var end = settingsText.IndexOf(" hook " + agent, StringComparison.Ordinal);
        var start = settingsText.LastIndexOf('"', end) + 1;
        return settingsText[start..end];
    }
}
