using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

public sealed class PolicyTestRunnerTests
{
    private static PolicyTestReport Run(string yaml) =>
        new PolicyTestRunner(PolicyLoader.LoadDefault(TimeProvider.System), TimeProvider.System).Run([PolicyTestSuiteReader.Parse(yaml, "/t/suite.yaml")]);

    [Fact]
    public void Run_WrongExpectation_FailsWithEveryDifference()
    {
        var result = Run("cases:\n  - command: git push --force origin main\n    expect: approve\n    approvers: 2\n    policies: [no-tampering]\n").Results.Single();

        result.Passed.ShouldBeFalse();
        result.Differences.ShouldBe([
            "approvals: expected 2, got 1",
            "policies: expected among the determining [no-tampering], got [destructive-needs-one-approver]; missing no-tampering",
        ]);
    }

    [Fact]
    public void Run_WrongDecision_NamesBoth()
    {
        var result = Run("cases:\n  - command: rm -rf /\n    expect: allow\n").Results.Single();

        result.Differences.ShouldBe(["decision: expected allow, got deny"]);
    }

    [Fact]
    public void Run_InlineFreeze_DeniesChangesAndCoversTheFreezePolicy()
    {
        const string Yaml = """
            cases:
              - action: { verb: update, kind: database, id: app, risk: medium, reversible: true, environments: [production] }
                context: { code_freeze: true }
                expect: deny
                policies: [no-changes-during-code-freeze]
              - action: { verb: update, kind: database, id: app, risk: medium, reversible: true, environments: [production] }
                expect: approve
                approvers: 2
            """;

        var report = Run(Yaml);

        report.AllPassed.ShouldBeTrue(string.Join("\n", report.Results.SelectMany(r => r.Differences)));
        report.Coverage.Covered.ShouldBe(["production-change-needs-two-approvers", "no-changes-during-code-freeze"], ignoreOrder: true);
        report.Coverage.Fraction.ShouldBe($"2/{report.Coverage.Total}");
    }

    [Fact]
    public void Run_InlineInventory_ResolvesTheTargetAgainstIt()
    {
        const string Yaml = """
            inventory:
              environments: [{ name: staging }, { name: production }]
              resources:
                - id: shared-volume
                  kind: volume
                  environments: [staging, production]
            cases:
              - action: { verb: delete, kind: volume, id: shared-volume, environments: [staging] }
                env: staging
                expect: deny
                policies: [no-destruction-in-production]
            """;

        var result = Run(Yaml).Results.Single();

        result.Passed.ShouldBeTrue(string.Join("; ", result.Differences) + " " + result.Reason);
    }

    [Fact]
    public void Run_MissingInventoryFile_FailsTheCaseInsteadOfThrowing()
    {
        var result = Run("inventory: nowhere.yaml\ncases:\n  - command: ls\n    expect: allow\n").Results.Single();

        result.Passed.ShouldBeFalse();
        result.Decision.ShouldBe(Decision.Deny);
        result.Differences.Single().ShouldContain("could not be run");
    }
}
