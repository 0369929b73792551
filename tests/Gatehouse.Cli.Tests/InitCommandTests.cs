using System.Text.Json;
using Gatehouse.Core.Setup;
using Gatehouse.Core.Policy;

namespace Gatehouse.Cli.Tests;

public sealed class InitCommandTests
{
    private const string ClaudeSettings = """
        {
          "model":   "opus",
          "env": {"GREETING": "caf\u00e9 \"quoted\" <b>", "N": 1.50e3},
          "permissions": { "deny": ["Read(./.env)"], "allow": [] },
          "hooks": {
            "PostToolUse": [ {"matcher": "Edit", "hooks": [{"type":"command","command":"prettier --write"}]} ],
            "PreToolUse": [{"matcher":"Bash","hooks":[{"type":"command","command":"my-guard"}]}]
          },
          "unknownFutureKey": [1, {"x": null}]
        }
        """;

    [Fact]
    public void Init_ExistingClaudeSettings_UnrelatedValuesKeptByteForByte()
    {
        using var tree = new SetupTestTree();
        tree.Write(".claude/settings.json", ClaudeSettings);

        var (exitCode, _, stderr) = tree.Gatehouse("init", "--project", tree.Project);

        exitCode.ShouldBe(0, stderr);
        using var before = JsonDocument.Parse(ClaudeSettings);
        using var after = JsonDocument.Parse(tree.Read(".claude/settings.json"));
        foreach (var name in new[] { "model", "env", "permissions", "unknownFutureKey" })
        {
            after.RootElement.GetProperty(name).GetRawText().ShouldBe(before.RootElement.GetProperty(name).GetRawText(), name);
        }

        var hooks = after.RootElement.GetProperty("hooks");
        hooks.GetProperty("PostToolUse").GetRawText().ShouldBe(before.RootElement.GetProperty("hooks").GetProperty("PostToolUse").GetRawText());
        var preToolUse = hooks.GetProperty("PreToolUse");
        preToolUse.GetArrayLength().ShouldBe(2);
        preToolUse[0].GetRawText().ShouldBe("""{"matcher":"Bash","hooks":[{"type":"command","command":"my-guard"}]}""");
        var ours = preToolUse[1];
        ours.GetProperty("matcher").GetString().ShouldBe("*");
        var handler = ours.GetProperty("hooks")[0];
        handler.GetProperty("onFailure").GetString().ShouldBe("block");
        handler.GetProperty("command").GetString()!.ShouldEndWith(" hook claude");
    }

    [Theory]
    [InlineData("claude", ".claude/settings.json")]
    [InlineData("cursor", ".cursor/hooks.json")]
    [InlineData("codex", ".codex/hooks.json")]
    [InlineData("gemini", ".gemini/settings.json")]
    [InlineData("copilot", ".github/hooks/gatehouse.json")]
    public void Init_RunTwice_SecondRunChangesNothing(string agent, string settings)
    {
        using var tree = new SetupTestTree();
        tree.Gatehouse("init", "--project", tree.Project, "--agent", agent).ExitCode.ShouldBe(0);
        var first = File.ReadAllBytes(Path.Combine(tree.Project, settings));
        var filesAfterFirst = Directory.GetFiles(tree.Project, "*", SearchOption.AllDirectories).Length;

        var (exitCode, stdout, _) = tree.Gatehouse("init", "--project", tree.Project, "--agent", agent);

        exitCode.ShouldBe(0);
        stdout.ShouldContain("already installed");
        File.ReadAllBytes(Path.Combine(tree.Project, settings)).ShouldBe(first);
        Directory.GetFiles(tree.Project, "*", SearchOption.AllDirectories).Length.ShouldBe(filesAfterFirst);
    }

    [Fact]
    public void Init_ChangedFile_BackupHoldsTheOriginalBytes()
    {
        using var tree = new SetupTestTree();
        var path = tree.Write(".gemini/settings.json", "{ \"theme\": \"GitHub\",\n\t\"hooks\": {\"BeforeTool\": []} }");
        var original = File.ReadAllBytes(path);

        var (exitCode, stdout, _) = tree.Gatehouse("init", "--project", tree.Project);

        exitCode.ShouldBe(0);
        var backup = Directory.GetFiles(Path.GetDirectoryName(path)!, "settings.json.gatehouse-backup-*").ShouldHaveSingleItem();
        File.ReadAllBytes(backup).ShouldBe(original);
        stdout.ShouldContain(backup);
        File.ReadAllText(path).ShouldContain("hook gemini");
    }

    [Fact]
    public void Init_NewFile_IsCreatedWithoutBackup()
    {
        using var tree = new SetupTestTree();
        Directory.CreateDirectory(Path.Combine(tree.Project, ".cursor"));

        tree.Gatehouse("init", "--project", tree.Project).ExitCode.ShouldBe(0);

        using var document = JsonDocument.Parse(tree.Read(".cursor/hooks.json"));
        document.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
        foreach (var cursorEvent in new[] { "beforeShellExecution", "beforeMCPExecution", "beforeReadFile" })
        {
            document.RootElement.GetProperty("hooks").GetProperty(cursorEvent)[0].GetProperty("failClosed").GetBoolean().ShouldBeTrue();
        }

        Directory.GetFiles(Path.Combine(tree.Project, ".cursor"), "*backup*").ShouldBeEmpty();
    }

    [Fact]
    public void Init_DryRun_WritesNothing()
    {
        using var tree = new SetupTestTree();
        tree.Write(".claude/settings.json", ClaudeSettings);

        var (exitCode, stdout, _) = tree.Gatehouse("init", "--project", tree.Project, "--agent", "codex", "--dry-run");

        exitCode.ShouldBe(0);
        stdout.ShouldContain("[dry run]");
        tree.Read(".claude/settings.json").ShouldBe(ClaudeSettings);
        Directory.Exists(Path.Combine(tree.Project, ".codex")).ShouldBeFalse();
        Directory.Exists(Path.Combine(tree.Project, ".gatehouse")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{ \"model\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"hooks\": \"none\"}")]
    [InlineData("{\"hooks\": {\"PreToolUse\": {}}}")]
    public void Init_UnusableSettings_LeftUntouchedAndFails(string content)
    {
        using var tree = new SetupTestTree();
        var path = tree.Write(".claude/settings.json", content);

        var (exitCode, stdout, _) = tree.Gatehouse("init", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("FAILED");
        File.ReadAllText(path).ShouldBe(content);
        Directory.GetFiles(Path.GetDirectoryName(path)!, "*backup*").ShouldBeEmpty();
    }

    [Fact]
    public void Init_NoAgentFound_FailsAndWritesNothing()
    {
        using var tree = new SetupTestTree();

        var (exitCode, _, stderr) = tree.Gatehouse("init", "--project", tree.Project);

        exitCode.ShouldBe(1);
        stderr.ShouldContain("--agent");
        Directory.GetFileSystemEntries(tree.Project).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("CLAUDE.md", ".claude/settings.json")]
    [InlineData(".cursorrules", ".cursor/hooks.json")]
    [InlineData(".codex/config.toml", ".codex/hooks.json")]
    [InlineData("GEMINI.md", ".gemini/settings.json")]
    [InlineData(".github/copilot-instructions.md", ".github/hooks/gatehouse.json")]
    public void Init_AgentMarker_InstallsThatAgentOnly(string marker, string settings)
    {
        using var tree = new SetupTestTree();
        tree.Write(marker, "# notes\n");

        tree.Gatehouse("init", "--project", tree.Project).ExitCode.ShouldBe(0);

        File.Exists(Path.Combine(tree.Project, settings)).ShouldBeTrue();
        var installed = AgentSettings.All.Count(agent => File.Exists(AgentSettings.SettingsPath(agent, SetupScope.Project, tree.Project) ?? "/nonexistent"));
        installed.ShouldBe(1);
    }

    [Fact]
    public void Init_HookCommand_IsAnAbsoluteExistingExecutable()
    {
        using var tree = new SetupTestTree();

        tree.Gatehouse("init", "--project", tree.Project, "--agent", "claude").ExitCode.ShouldBe(0);

        using var document = JsonDocument.Parse(tree.Read(".claude/settings.json"));
        var command = document.RootElement.GetProperty("hooks").GetProperty("PreToolUse")[0].GetProperty("hooks")[0].GetProperty("command").GetString()!;
        var words = ShellWords.Split(command);
        Path.IsPathFullyQualified(words[0]).ShouldBeTrue(command);
        File.Exists(words[0]).ShouldBeTrue(command);
        words[^2..].ShouldBe(["hook", "claude"]);
    }

    [Fact]
    public void Init_Resident_ClaudeCallsTheServerAndBlocksWhenItIsDown_ThenRevertsCleanly()
    {
        using var tree = new SetupTestTree();
        tree.Write(".claude/settings.json", ClaudeSettings);

        tree.Gatehouse("init", "--project", tree.Project, "--resident", "--port", "40123").ExitCode.ShouldBe(0);

        using (var document = JsonDocument.Parse(tree.Read(".claude/settings.json")))
        {
            var hooks = document.RootElement.GetProperty("hooks");
            var http = hooks.GetProperty("PreToolUse")[1].GetProperty("hooks").EnumerateArray().ShouldHaveSingleItem();
            http.GetProperty("type").GetString().ShouldBe("http");
            http.GetProperty("url").GetString().ShouldBe("http://127.0.0.1:40123/v1/hooks/claude");
            http.GetProperty("onFailure").GetString().ShouldBe("block");
            hooks.GetProperty("SessionStart")[0].GetProperty("hooks")[0].GetProperty("command").GetString()!.ShouldEndWith("serve --ensure --listen 127.0.0.1:40123");
        }

        tree.Gatehouse("init", "--project", tree.Project).ExitCode.ShouldBe(0);

        var text = tree.Read(".claude/settings.json");
        text.ShouldNotContain("/v1/hooks/claude");
        text.ShouldNotContain("serve --ensure");
        text.ShouldNotContain("SessionStart");
        text.ShouldContain("my-guard");
    }

    [Fact]
    public void Init_User_InstallsUnderTheGivenHome()
    {
        using var tree = new SetupTestTree();
        Directory.CreateDirectory(Path.Combine(tree.Home, ".gemini"));

        tree.Gatehouse("init", "--project", tree.Project, "--user", "--home", tree.Home).ExitCode.ShouldBe(0);

        File.ReadAllText(Path.Combine(tree.Home, ".gemini", "settings.json")).ShouldContain("hook gemini");
        File.Exists(Path.Combine(tree.Project, ".gemini", "settings.json")).ShouldBeFalse();
    }

    [Fact]
    public void Init_ExistingStarterFiles_AreKept()
    {
        using var tree = new SetupTestTree();
        tree.Write(".gatehouse/inventory.yaml", "resources: []\n");

        tree.Gatehouse("init", "--project", tree.Project, "--agent", "claude").ExitCode.ShouldBe(0);

        tree.Read(".gatehouse/inventory.yaml").ShouldBe("resources: []\n");
        File.Exists(Path.Combine(tree.Project, ".gatehouse", "policies", "10-routine.cedar")).ShouldBeTrue();
    }

    [Fact]
    public void StarterFiles_Written_LoadAsTheProjectsPolicyAndInventory()
    {
        using var tree = new SetupTestTree();

        StarterFiles.Write(tree.Project, dryRun: false);
        var files = ProjectPolicyFiles.Discover(Path.Combine(tree.Project));
        var snapshot = files.Load(TimeProvider.System);

        files.PolicyPath.ShouldBe(Path.Combine(tree.Project, ".gatehouse", "policies"));
        files.InventoryPath.ShouldBe(Path.Combine(tree.Project, ".gatehouse", "inventory.yaml"));
        snapshot.PolicyNames.Count.ShouldBe(PolicyLoader.LoadDefault(TimeProvider.System).PolicyNames.Count);
    }
}
