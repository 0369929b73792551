using System.Text.Json;

namespace Gatehouse.Cli.Tests.Hooks;

/// <summary>
/// Each agent's documented payload shapes through the real process: stdin in, stdout, stderr and exit code out, read
/// the way the agent reads them (exit 2 blocks in Claude Code, Cursor, Codex and Gemini; Copilot only reads JSON on exit 0).
/// </summary>
public sealed class HookProtocolTests : IDisposable
{
    private const string Cwd = "/home/dev/shop";

    private readonly string _state = Path.Combine(Path.GetTempPath(), "gatehouse-hook-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    public static TheoryData<string, string, string> Calls() => new()
    {
        // Claude Code PreToolUse.
        { "claude", Json(new { session_id = "s", transcript_path = "/t", cwd = Cwd, permission_mode = "default", hook_event_name = "PreToolUse", tool_name = "Bash", tool_input = new { command = "npm test", description = "Run tests", timeout = 120000, run_in_background = false }, tool_use_id = "t1" }), "allow" },
        { "claude", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "Bash", tool_input = new { command = "railway volume delete --volume vol_8f2c" } }), "deny" },
        { "claude", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "Bash", tool_input = new { command = "git push --force origin main" } }), "ask" },
        { "claude", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "Edit", tool_input = new { file_path = Cwd + "/.claude/settings.json", old_string = "a", new_string = "b" } }), "deny" },
        { "claude", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "mcp__postgres__query", tool_input = new { sql = "DROP TABLE users" } }), "deny" },

        // Cursor: shell, MCP (tool_input as a JSON string), file reads.
        { "cursor", Json(new { hook_event_name = "beforeShellExecution", conversation_id = "c", generation_id = "g", workspace_roots = new[] { Cwd }, command = "ls -la", cwd = Cwd }), "allow" },
        { "cursor", Json(new { hook_event_name = "beforeShellExecution", conversation_id = "c", generation_id = "g", workspace_roots = new[] { Cwd }, command = "kubectl delete ns prod", cwd = Cwd }), "deny" },
        { "cursor", Json(new { hook_event_name = "beforeShellExecution", conversation_id = "c", generation_id = "g", workspace_roots = new[] { Cwd }, command = "git reset --hard HEAD~5", cwd = Cwd }), "ask" },
        { "cursor", Json(new { hook_event_name = "beforeMCPExecution", conversation_id = "c", generation_id = "g", workspace_roots = new[] { Cwd }, tool_name = "query", tool_input = Json(new { sql = "TRUNCATE orders" }), url = "http://localhost:3333/mcp" }), "deny" },
        { "cursor", Json(new { hook_event_name = "beforeReadFile", conversation_id = "c", generation_id = "g", workspace_roots = new[] { Cwd }, file_path = Cwd + "/.env", content = "A=1" }), "deny" },

        // Codex CLI: Bash, exec_command with cmd, an approval turned into a deny.
        { "codex", Json(new { session_id = "s", turn_id = "t", cwd = Cwd, hook_event_name = "PreToolUse", model = "gpt-5-codex", permission_mode = "default", tool_name = "Bash", tool_input = new { command = "cargo build" }, tool_use_id = "u" }), "allow" },
        { "codex", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "exec_command", tool_input = new { cmd = "dropdb prod" } }), "deny" },
        { "codex", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "Bash", tool_input = new { command = "git push --force origin main" } }), "deny" },

        // Gemini CLI BeforeTool.
        { "gemini", Json(new { session_id = "s", transcript_path = "/t", cwd = Cwd, hook_event_name = "BeforeTool", timestamp = "2026-11-22T00:00:00Z", tool_name = "run_shell_command", tool_input = new { command = "ls", description = "list", dir_path = Cwd, is_background = false } }), "allow" },
        { "gemini", Json(new { session_id = "s", cwd = Cwd, hook_event_name = "BeforeTool", tool_name = "run_shell_command", tool_input = new { command = "gcloud sql instances delete prod-db" } }), "deny" },

        // Copilot CLI: camelCase with toolArgs as a JSON string, and the PascalCase event.
        { "copilot", Json(new { sessionId = "s", timestamp = 1763770000000, cwd = Cwd, toolName = "bash", toolArgs = Json(new { command = "npm run lint" }) }), "allow" },
        { "copilot", Json(new { sessionId = "s", timestamp = 1763770000000, cwd = Cwd, toolName = "bash", toolArgs = Json(new { command = "aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot" }) }), "deny" },
        { "copilot", Json(new { sessionId = "s", timestamp = 1763770000000, cwd = Cwd, toolName = "edit", toolArgs = Json(new { path = ".github/hooks/gatehouse.json", old_str = "a", new_str = "b" }) }), "deny" },
        { "copilot", Json(new { hook_event_name = "PreToolUse", session_id = "s", cwd = Cwd, tool_name = "bash", tool_input = new { command = "git push --force origin main" } }), "ask" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Hook_DocumentedPayload_ExitCodeAndOutputFollowTheProtocol(string agent, string payload, string expected)
    {
        var (exitCode, stdout, stderr) = Run(_state, payload, "hook", agent);

        Observed(agent, exitCode, stdout).ShouldBe(expected, $"stdout: {stdout} stderr: {stderr}");
        if (expected == "deny")
        {
            // A block or an approval the agent cannot ask for: either way the model is told Gatehouse stopped it.
            (stdout + stderr).ShouldContain("Gatehouse");
            (stdout + stderr).ShouldContain("another way");
        }
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("cursor")]
    [InlineData("codex")]
    [InlineData("gemini")]
    [InlineData("copilot")]
    public void Hook_MalformedPayload_BlocksInTheAgentsTerms(string agent)
    {
        var (exitCode, stdout, _) = Run(_state, "{\"tool_name\": ", "hook", agent);

        Observed(agent, exitCode, stdout).ShouldBe("deny");
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    public async Task Hook_StdinNeverClosed_TheTimeLimitStillBlocks(string agent)
    {
        // An agent that times a hook out itself lets the call through, so a hook stuck reading must block on its own clock.
        var start = GatehouseRunner.StartInfo("hook", agent);
        start.RedirectStandardInput = true;
        foreach (var (name, value) in Environment(_state))
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync("{\"session_id\": \"s\", \"tool_name\": \"Bash\"");
        await process.StandardInput.FlushAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        Observed(agent, process.ExitCode, await stdout).ShouldBe("deny");
        (await stderr + await stdout).ShouldContain("over its time budget");
    }

    [Fact]
    public void Hook_InvalidUtf8Payload_Blocks()
    {
        byte[] garbage = [0xC3, 0x28, 0xFF, 0xFE, .. "{\"tool_name\":\"Bash\"}"u8];

        var (exitCode, _, _) = Run(_state, garbage, "hook", "claude");

        exitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("vim")]
    public void Hook_UnknownOrMissingAgent_Blocks(string agent)
    {
        string[] args = agent.Length == 0 ? ["hook"] : ["hook", agent];

        var (exitCode, _, stderr) = Run(_state, "{}", args);

        exitCode.ShouldBe(2);
        stderr.ShouldContain("blocked");
    }

    [Fact]
    public void Hook_Decision_IsLoggedRedactedAndShownByLog()
    {
        var payload = Json(new { session_id = "sess-42", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "Bash", tool_input = new { command = "psql postgres://admin:hunter2@db.prod/app -c 'DROP DATABASE app'", description = "Reset the database" } });

        Run(_state, payload, "hook", "claude").ExitCode.ShouldBe(2);
        var (exitCode, stdout, _) = Run(_state, string.Empty, "log", "--count", "5", "--json");

        exitCode.ShouldBe(0);
        stdout.ShouldNotContain("hunter2");
        using var entry = JsonDocument.Parse(stdout.Trim());
        entry.RootElement.GetProperty("decision").GetString().ShouldBe("deny");
        entry.RootElement.GetProperty("session").GetString().ShouldBe("sess-42");
        entry.RootElement.GetProperty("intent").GetString().ShouldBe("Reset the database");
        entry.RootElement.GetProperty("agent").GetString().ShouldBe("claude");
    }

    [Fact]
    public void Hook_StateDirectoryUnwritable_StillBlocks()
    {
        Directory.CreateDirectory(_state);
        var blocker = Path.Combine(_state, "not-a-directory");
        File.WriteAllText(blocker, "x");
        var payload = Json(new { session_id = "s", cwd = Cwd, hook_event_name = "PreToolUse", tool_name = "Bash", tool_input = new { command = "rm -rf ~" } });

        var (exitCode, _, stderr) = Run(blocker, payload, "hook", "claude");

        exitCode.ShouldBe(2);
        stderr.ShouldContain("Gatehouse blocked");
    }

    [Fact]
    public void Log_NoDecisionsYet_SaysSo()
    {
        var (exitCode, stdout, _) = Run(_state, string.Empty, "log");

        exitCode.ShouldBe(0);
        stdout.ShouldContain("No hook decisions recorded yet");
    }

    [Fact]
    public void Log_BadArgument_IsAnError() =>
        Run(_state, string.Empty, "log", "--count", "many").ExitCode.ShouldBe(1);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static string Observed(string agent, int exitCode, string stdout)
    {
        if (agent == "copilot")
        {
            exitCode.ShouldBe(0, "Copilot skips hooks that exit non-zero");
            return stdout.Length == 0 ? "allow" : Field(stdout, "permissionDecision");
        }

        if (exitCode == 2)
        {
            return "deny";
        }

        exitCode.ShouldBe(0, "any other exit code is a non-blocking error in these agents");
        if (agent == "cursor")
        {
            return Field(stdout, "permission");
        }

        if (agent == "claude" && stdout.Length > 0)
        {
            using var document = JsonDocument.Parse(stdout);
            return document.RootElement.GetProperty("hookSpecificOutput").GetProperty("permissionDecision").GetString()!;
        }

        stdout.ShouldBeEmpty();
        return "allow";
    }

    private static string Field(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString()!;
    }

    private static GatehouseResult Run(string stateDirectory, string stdin, params string[] args) =>
        Run(stateDirectory, System.Text.Encoding.UTF8.GetBytes(stdin), args);

    private static GatehouseResult Run(string stateDirectory, byte[] stdin, params string[] args) =>
        GatehouseRunner.Run(stdin, args, environment: Environment(stateDirectory));

    /// <summary>The decision log and the policy snapshot cache go to the test's own directory.</summary>
    private static Dictionary<string, string> Environment(string stateDirectory) => new(StringComparer.Ordinal)
    {
        ["XDG_STATE_HOME"] = stateDirectory,
        ["XDG_CACHE_HOME"] = Path.Combine(stateDirectory, "cache"),
    };
}
