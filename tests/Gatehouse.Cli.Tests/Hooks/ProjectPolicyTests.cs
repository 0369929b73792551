namespace Gatehouse.Cli.Tests.Hooks;

/// <summary>The hook decides with the project's own <c>.gatehouse/</c> policies and inventory, and a broken policy blocks changes.</summary>
public sealed class ProjectPolicyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gatehouse-project-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Hook_ProjectPolicyForbidsEverything_DeniesARead()
    {
        Write(".gatehouse/policies/only.cedar", "@id(\"closed\")\nforbid (principal, action, resource);\n");

        var (exitCode, stdout, _) = RunHook(Path.Combine(_root, "src"), "ls -la");

        exitCode.ShouldBe(2);
        stdout.ShouldContain("closed");
    }

    [Fact]
    public void Hook_BrokenProjectPolicy_BlocksChangesButLetsReadsThrough()
    {
        Write(".gatehouse/policies/bad.cedar", "permit (principal, action, resource) when { bogus };\n");

        var read = RunHook(_root, "ls -la");
        var change = RunHook(_root, "git push origin main");

        read.ExitCode.ShouldBe(0);
        change.ExitCode.ShouldBe(2);
        change.Stderr.ShouldContain("could not be loaded");
        change.Stderr.ShouldContain("bad.cedar:1:");
    }

    [Fact]
    public void Hook_ProjectInventory_MakesASharedVolumeProduction()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".gatehouse"));
        File.Copy(Path.Combine(GatehouseRunner.RepositoryRoot, "examples", "pocketos", "inventory.yaml"), Path.Combine(_root, ".gatehouse", "inventory.yaml"));

        var (exitCode, _, stderr) = RunHook(_root, "railway volume delete --volume vol-pocketos-data");

        exitCode.ShouldBe(2);
        stderr.ShouldContain("production");
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        File.WriteAllText(path, content);
    }

    private GatehouseResult RunHook(string workingDirectory, string command)
    {
        Directory.CreateDirectory(workingDirectory);
        var payload = "{\"session_id\":\"s\",\"cwd\":" + System.Text.Json.JsonSerializer.Serialize(workingDirectory)
            + ",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":" + System.Text.Json.JsonSerializer.Serialize(command) + "}}";
        return GatehouseRunner.Run(
            payload,
            ["hook", "claude"],
            workingDirectory,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["XDG_STATE_HOME"] = Path.Combine(_root, "state") });
    }
}
