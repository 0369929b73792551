namespace Gatehouse.Cli.Tests.Policy;

/// <summary><c>--policy</c>, <c>--inventory</c> and <c>--context</c>: what cannot be loaded is an error (exit 1), never a decision.</summary>
public sealed class PolicyOptionTests
{
    [Theory]
    [InlineData("--policy", "/nonexistent/policies")]
    [InlineData("--inventory", "/nonexistent/inventory.yaml")]
    [InlineData("--context", "/nonexistent/freeze.yaml")]
    public void Check_UnloadableFile_ExitsOneWithTheReason(string option, string path)
    {
        var (exitCode, stdout, stderr) = Run(string.Empty, "check", option, path, "git status");

        exitCode.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("nonexistent");
    }

    [Fact]
    public void Check_PolicyThatDoesNotValidate_ExitsOneNamingFileAndLine()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-cli-policy-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "bad.cedar"), "permit (principal, action, resource)\nwhen { resource.no_such_attribute };\n");

            var (exitCode, _, stderr) = Run(string.Empty, "check", "--policy", directory.FullName, "git status");

            exitCode.ShouldBe(1);
            stderr.ShouldContain("bad.cedar:");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_PolicyDirectory_DecidesByItsPolicies()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-cli-policy-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "strict.cedar"), """
                @id("reads-only") permit (principal, action in Gatehouse::Action::"read_only", resource);
                @id("ask-for-builds") @approval("1") permit (principal, action, resource) when { context.tool == "npm" };
                """);

            Run(string.Empty, "check", "--policy", directory.FullName, "git status").ExitCode.ShouldBe(0);
            Run(string.Empty, "check", "--policy", directory.FullName, "npm run build").ExitCode.ShouldBe(3);
            Run(string.Empty, "check", "--policy", directory.FullName, "rm -rf ./build").ExitCode.ShouldBe(2);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_BatchWithInventory_DecidesEveryLineByIt()
    {
        const string Lines = """
            {"id":"1","input":"railway volume delete --volume vol-pocketos-data","env":"staging"}
            {"id":"2","input":"git status"}
            """;

        var (exitCode, stdout, _) = Run(Lines + "\n", "check", "--inventory", "examples/pocketos/inventory.yaml", "--batch", "-");

        exitCode.ShouldBe(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain("\"decision\":\"deny\"");
        lines[0].ShouldContain("\"destroysLastBackup\":true");
        lines[1].ShouldContain("\"decision\":\"allow\"");
    }

    private static GatehouseResult Run(string stdin, params string[] args) => GatehouseRunner.Run(stdin, args, GatehouseRunner.RepositoryRoot);
}
