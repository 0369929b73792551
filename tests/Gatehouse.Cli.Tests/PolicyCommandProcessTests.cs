namespace Gatehouse.Cli.Tests;

/// <summary>`gatehouse policy …` as a real process, run from the repository root: the exit-code contract of each subcommand.</summary>
public sealed class PolicyCommandProcessTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("gh-policy-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static GatehouseResult Run(params string[] args) => GatehouseRunner.Run(string.Empty, args, GatehouseRunner.RepositoryRoot);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void PolicyTest_DefaultSuites_PassWithCompleteCoverage()
    {
        var (exitCode, stdout, _) = Run("policy", "test", "--min-coverage", "1");

        exitCode.ShouldBe(0, stdout);
        stdout.ShouldContain(" 0 failed");
        stdout.ShouldMatch(@"coverage: (\d+) of \1 policies determined at least one case \((\d+)/\2\)");
    }

    [Fact]
    public void PolicyTest_FailingCase_ExitsOneWithTheDifference()
    {
        var suite = Write("failing.yaml", "cases:\n  - command: rm -rf /\n    expect: allow\n");

        var (exitCode, stdout, _) = Run("policy", "test", suite);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("FAIL");
        stdout.ShouldContain("decision: expected allow, got deny");
    }

    [Fact]
    public void PolicyTest_CoverageBelowMinimum_ExitsOne()
    {
        var suite = Write("partial.yaml", "cases:\n  - command: ls\n    expect: allow\n");

        var (passing, _, _) = Run("policy", "test", suite);
        var (exitCode, stdout, _) = Run("policy", "test", "--min-coverage", "1/2", suite);

        passing.ShouldBe(0);
        exitCode.ShouldBe(1);
        stdout.ShouldContain("below the minimum 1/2");
    }

    [Theory]
    [InlineData("cases:\n  - command: ls\n    expext: allow\n", "3:5: unknown key 'expext'")]
    [InlineData("cases: [\n", "invalid YAML")]
    public void PolicyTest_BadSuite_ExitsOneWithLocatedError(string yaml, string expected)
    {
        var suite = Write("bad.yaml", yaml);

        var (exitCode, _, stderr) = Run("policy", "test", suite);

        exitCode.ShouldBe(1);
        stderr.ShouldContain(expected);
    }

    [Fact]
    public void PolicyLint_DefaultSet_ExitsZero() => Run("policy", "lint").ExitCode.ShouldBe(0);

    [Fact]
    public void PolicyLint_UnknownAttribute_ExitsOne()
    {
        Write("bad/p.cedar", "@id(\"x\")\npermit (principal, action, resource) when { resource.colour == \"red\" };\n");

        var (exitCode, stdout, _) = Run("policy", "lint", "--policy", Path.Combine(_scratch, "bad"));

        exitCode.ShouldBe(1);
        stdout.ShouldContain("error[load-error]");
        stdout.ShouldContain("colour");
    }

    [Fact]
    public void PolicyLint_WarningOnly_ExitsZeroUnlessStrict()
    {
        Write("warn/p.cedar", "@id(\"x\")\npermit (principal, action, resource) when { false };\n");
        var directory = Path.Combine(_scratch, "warn");

        Run("policy", "lint", "--policy", directory).ExitCode.ShouldBe(0);
        Run("policy", "lint", "--strict", "--policy", directory).ExitCode.ShouldBe(1);
    }

    [Fact]
    public void PolicyLint_SyntaxError_ExitsOne()
    {
        Write("broken/p.cedar", "permit (principal, action, resource) when { ;\n");

        Run("policy", "lint", "--policy", Path.Combine(_scratch, "broken")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public void PolicyExplain_PocketOsVolumeDelete_ExitsTwoAndShowsTheBlastRadius()
    {
        var (exitCode, stdout, _) = Run("policy", "explain", "--inventory", "examples/pocketos/inventory.yaml", "--env", "staging", "railway volume delete --volume vol-pocketos-data");

        exitCode.ShouldBe(2);
        stdout.ShouldContain("Gatehouse::Resource::\"volume:vol-pocketos-data\"");
        stdout.ShouldContain("reaches       staging, production");
        stdout.ShouldContain("no-backup-destruction");
        stdout.ShouldContain("declared_environment = \"staging\"");
    }

    [Theory]
    [InlineData("ls -la", 0)]
    [InlineData("git push --force origin main", 3)]
    public void PolicyExplain_ExitCodeFollowsTheDecision(string input, int expected) =>
        Run("policy", "explain", input).ExitCode.ShouldBe(expected);

    [Fact]
    public void PolicyExplain_MissingInventory_ExitsOne() =>
        Run("policy", "explain", "--inventory", "nowhere.yaml", "ls").ExitCode.ShouldBe(1);

    [Fact]
    public void PolicyDiff_SamePolicies_ExitsZero()
    {
        var corpus = Write("corpus.jsonl", "{\"id\":\"1\",\"input\":\"ls\"}\n{\"id\":\"2\",\"input\":\"rm -rf /\"}\n");

        var (exitCode, stdout, _) = Run("policy", "diff", "policies", "policies", "--corpus", corpus);

        exitCode.ShouldBe(0);
        stdout.ShouldContain("0 of 2 decisions changed");
    }

    [Fact]
    public void PolicyDiff_RemovedProductionPolicies_ExitsThreeAndListsTheChange()
    {
        var newer = Path.Combine(_scratch, "newer");
        Directory.CreateDirectory(newer);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(GatehouseRunner.RepositoryRoot, "policies"), "*.cedar"))
        {
            if (!file.EndsWith("30-production.cedar", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(newer, Path.GetFileName(file)));
            }
        }

        var corpus = Write("corpus.jsonl", "{\"id\":\"restart\",\"input\":\"kubectl --context production rollout restart deployment/web\"}\n{\"id\":\"ls\",\"input\":\"ls\"}\n");

        var (exitCode, stdout, _) = Run("policy", "diff", "policies", newer, "--corpus", corpus);

        exitCode.ShouldBe(3, stdout);
        stdout.ShouldContain("restart: approve (2 approvers");
        stdout.ShouldContain("old: production-change-needs-two-approvers");
        stdout.ShouldContain("→ deny");
        stdout.ShouldContain("1 of 2 decisions changed");
    }

    [Fact]
    public void PolicyDiff_CorpusYaml_IsAccepted() =>
        Run("policy", "diff", "policies", "policies", "--corpus", "tests/corpus/destructive/aws.yaml").ExitCode.ShouldBe(0);

    [Theory]
    [InlineData("policy", "diff", "policies", "policies")]
    [InlineData("policy", "diff", "policies", "nowhere", "--corpus", "tests/corpus/destructive/aws.yaml")]
    [InlineData("policy", "diff", "policies", "policies", "--corpus", "nowhere.jsonl")]
    [InlineData("policy", "frobnicate")]
    [InlineData("policy", "test", "--min-coverage", "1.5")]
    public void Policy_BadArguments_ExitOne(params string[] args) => Run(args).ExitCode.ShouldBe(1);
}
