using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

/// <summary>Every suite of policies/tests, read and run exactly as <c>gatehouse policy test</c> does, against the default set.</summary>
public sealed class DefaultSuitesTests
{
    private static readonly Lazy<PolicyTestReport> Report = new(() =>
    {
        var directory = Path.Combine(PolicyToolsFixture.DefaultPolicyDirectory, "tests");
        var suites = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(PolicyTestSuiteReader.Load).ToList();
        return new PolicyTestRunner(PolicyLoader.LoadDefault(TimeProvider.System), TimeProvider.System).Run(suites);
    });

    [Fact]
    public void DefaultSuites_EveryCase_Passes()
    {
        var failures = Report.Value.Results.Where(result => !result.Passed)
            .Select(result => $"{result.Case.Location} {result.Case.Name}: {string.Join("; ", result.Differences)} ({result.Reason})");

        failures.ShouldBeEmpty();
        Report.Value.Results.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void DefaultSuites_Coverage_IsEveryPolicy()
    {
        var coverage = Report.Value.Coverage;

        coverage.Uncovered.ShouldBeEmpty();
        coverage.Total.ShouldBe(PolicyLoader.LoadDefault(TimeProvider.System).PolicyNames.Count);
        coverage.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void PocketOsLayout_VolumeDeleteFromStaging_IsDeniedAndReadsAllowed()
    {
        var path = Path.Combine(PolicyToolsFixture.DefaultPolicyDirectory, "tests", "pocketos-layout.yaml");
        var suite = PolicyTestSuiteReader.Load(path);

        suite.Cases[0].Inventory!.Path!.ShouldEndWith(Path.Combine("examples", "pocketos", "inventory.yaml"));
        var results = new PolicyTestRunner(PolicyLoader.LoadDefault(TimeProvider.System), TimeProvider.System).Run([suite]).Results;
        results.First(r => r.Case.Input == "railway volume delete --volume vol-pocketos-data").Decision.ShouldBe(Model.Decision.Deny);
        results.First(r => r.Case.Input == "railway volume list").Decision.ShouldBe(Model.Decision.Allow);
    }
}
