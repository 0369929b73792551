using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Policy;

/// <summary>The decisions the default policy set (policies/*.cedar) makes without an inventory.</summary>
public sealed class DefaultPolicyDecisionTests
{
    private static AgentAction Action(Verb verb, Risk risk, params string[] environments) => new()
    {
        Verb = verb,
        Target = new ResourceRef("table", "users", environments),
        Tool = "sql",
        Reversible = false,
        Risk = risk,
        Path = "sql",
        RuleId = "test.rule",
        Reason = "test",
    };

    [Fact]
    public void Decide_NoActions_Allows() => DefaultPolicy.Decide([]).Decision.ShouldBe(Decision.Allow);

    [Theory]
    [InlineData(Risk.None, Decision.Allow)]
    [InlineData(Risk.Low, Decision.Allow)]
    [InlineData(Risk.Medium, Decision.Allow)]
    [InlineData(Risk.High, Decision.Approve)]
    [InlineData(Risk.Critical, Decision.Deny)]
    public void Decide_ByRisk_MapsToDecision(Risk risk, Decision expected) =>
        DefaultPolicy.Decide([Action(Verb.Update, risk)]).Decision.ShouldBe(expected);

    [Fact]
    public void Decide_UnknownVerb_IsNeverAllowed() =>
        DefaultPolicy.Decide([Action(Verb.Unknown, Risk.Low)]).Decision.ShouldBe(Decision.Approve);

    [Fact]
    public void Decide_ProductionUpdate_NeedsApproval() =>
        DefaultPolicy.Decide([Action(Verb.Update, Risk.Medium, "production")]).Decision.ShouldBe(Decision.Approve);

    [Fact]
    public void Decide_ProductionDelete_IsDenied() =>
        DefaultPolicy.Decide([Action(Verb.Delete, Risk.High, "production")]).Decision.ShouldBe(Decision.Deny);

    [Fact]
    public void Decide_ProductionRead_IsAllowed() =>
        DefaultPolicy.Decide([Action(Verb.Read, Risk.None, "production")]).Decision.ShouldBe(Decision.Allow);

    [Fact]
    public void Decide_CredentialAccess_NeedsApproval() =>
        DefaultPolicy.Decide([Action(Verb.Read, Risk.Medium) with { Tags = [Tags.CredentialAccess] }]).Decision.ShouldBe(Decision.Approve);

    [Fact]
    public void Decide_StrictestActionWins_AndNamesItsRule()
    {
        var verdict = DefaultPolicy.Decide([Action(Verb.Read, Risk.None), Action(Verb.Delete, Risk.Critical) with { RuleId = "sql.drop-table" }]);

        verdict.Decision.ShouldBe(Decision.Deny);
        verdict.Rules.ShouldBe(["sql.drop-table"]);
    }

    [Fact]
    public void Decide_DropOfADatabaseNamedAsTest_IsRoutine() =>
        DefaultPolicy.Decide([Action(Verb.Delete, Risk.Critical, "test") with { EnvironmentHints = ["RAILS_ENV=test"] }]).Decision.ShouldBe(Decision.Allow);

    [Fact]
    public void Decide_DropOnLocalhostAlone_IsNotAssumedDisposable() =>
        DefaultPolicy.Decide([Action(Verb.Delete, Risk.Critical, "development") with { EnvironmentHints = ["localhost"] }]).Decision.ShouldBe(Decision.Deny);

    [Fact]
    public void Decide_DevAndProductionTogether_IsNotDisposable() =>
        DefaultPolicy.Decide([Action(Verb.Delete, Risk.High, "development", "production") with { EnvironmentHints = ["app_dev", "prod-db"] }]).Decision.ShouldBe(Decision.Deny);

    [Fact]
    public void Decide_BackupInProduction_IsNotEscalated() =>
        DefaultPolicy.Decide([Action(Verb.Create, Risk.Low, "production") with { Target = new ResourceRef("backup", "acme", ["production"]) }]).Decision.ShouldBe(Decision.Allow);
}
