using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using static Gatehouse.Core.Tests.Policy.PolicyTestKit;

namespace Gatehouse.Core.Tests.Policy;

public sealed class PolicyDeciderTests
{
    private const string PermitAll = """@id("all") permit (principal, action, resource);""";

    [Fact]
    public void Decide_ForbidAndPermitMatch_DeniesNamingTheForbid()
    {
        var snapshot = Snapshot(PermitAll + """
            @id("no-deletes") forbid (principal, action == Gatehouse::Action::"delete", resource);
            """);

        var verdict = Decide(snapshot, Action(Verb.Delete, Risk.Low));

        verdict.Decision.ShouldBe(Decision.Deny);
        verdict.Policies.ShouldBe(["no-deletes"]);
        verdict.Reason.ShouldContain("no-deletes");
    }

    [Fact]
    public void Decide_PlainPermitAlongsideApprovalPermit_Allows()
    {
        var snapshot = Snapshot(PermitAll + """
            @id("ask") @approval("2") permit (principal, action, resource);
            """);

        var verdict = Decide(snapshot, Action(Verb.Update, Risk.Low));

        verdict.Decision.ShouldBe(Decision.Allow);
        verdict.Approval.ShouldBeNull();
    }

    [Fact]
    public void Decide_OnlyApprovalPermits_ApprovesWithTheStrictestRequirement()
    {
        var snapshot = Snapshot("""
            @id("one") @approval("1") @approvers("security") @ttl("30m") @cooldown("1m") permit (principal, action, resource);
            @id("two") @approval("2") @approvers("dba") @ttl("15m") permit (principal, action, resource) when { context.risk >= 3 };
            """);

        var verdict = Decide(snapshot, Action(Verb.Delete, Risk.High));

        verdict.Decision.ShouldBe(Decision.Approve);
        verdict.Approval.ShouldBe(new ApprovalRequirement(2, ["dba", "security"], TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1)), new ApprovalComparer());
        verdict.Policies.ShouldBe(["one", "two"], ignoreOrder: true);
    }

    [Fact]
    public void Decide_NothingMatches_DeniesSayingNoPolicyPermits()
    {
        var snapshot = Snapshot("""@id("reads") permit (principal, action in Gatehouse::Action::"read_only", resource);""");

        var verdict = Decide(snapshot, Action(Verb.Delete, Risk.Low));

        verdict.Decision.ShouldBe(Decision.Deny);
        verdict.Reason.ShouldContain("no policy permits");
    }

    [Fact]
    public void Decide_EvaluationError_DeniesWithTheErrorEvenWhenAnotherPolicyPermits()
    {
        var snapshot = Snapshot(PermitAll + """
            @id("overflows") forbid (principal, action, resource) when { context.risk + 9223372036854775807 < 0 };
            """);

        var verdict = Decide(snapshot, Action(Verb.Update, Risk.Low));

        verdict.Decision.ShouldBe(Decision.Deny);
        verdict.Actions[0].Errors.ShouldHaveSingleItem().ShouldStartWith("overflows:");
        verdict.Reason.ShouldContain("evaluation error");
    }

    [Fact]
    public void Decide_SeveralActions_TheStrictestDecides()
    {
        var snapshot = Snapshot(PermitAll + """
            @id("ask-deletes") @approval("1") permit (principal, action, resource);
            @id("no-critical") forbid (principal, action, resource) when { context.risk == 4 };
            """);

        var verdict = Decide(snapshot, Action(Verb.Read, Risk.None), Action(Verb.Delete, Risk.Critical) with { RuleId = "sql.drop" });

        verdict.Decision.ShouldBe(Decision.Deny);
        verdict.Rules.ShouldBe(["sql.drop"]);
        verdict.Risk.ShouldBe(Risk.Critical);
        verdict.Actions.Count.ShouldBe(2);
        verdict.Actions[0].Decision.ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Decide_NoActions_Allows() =>
        Decide(Snapshot(PermitAll)).Decision.ShouldBe(Decision.Allow);

    [Theory]
    [InlineData(Verb.Delete, true, "irreversible", false)]
    [InlineData(Verb.Delete, false, "irreversible", true)]
    [InlineData(Verb.Read, true, "read_only", true)]
    [InlineData(Verb.Read, true, "mutating", false)]
    [InlineData(Verb.Unknown, true, "destructive", true)]
    [InlineData(Verb.Update, false, "destructive", false)]
    public void Decide_ActionGroups_FollowVerbAndReversibility(Verb verb, bool reversible, string group, bool member)
    {
        var snapshot = Snapshot($$"""@id("group") permit (principal, action in Gatehouse::Action::"{{group}}", resource);""");

        var verdict = Decide(snapshot, Action(verb, Risk.Low) with { Reversible = reversible });

        verdict.Decision.ShouldBe(member ? Decision.Allow : Decision.Deny);
    }

    [Fact]
    public void Decide_CredentialTag_JoinsCredentialAccessGroup()
    {
        var snapshot = Snapshot("""@id("creds") forbid (principal, action in Gatehouse::Action::"credential_access", resource);""" + PermitAll);

        Decide(snapshot, Action(Verb.Read, Risk.Low) with { Tags = [Tags.CredentialAccess] }).Decision.ShouldBe(Decision.Deny);
        Decide(snapshot, Action(Verb.Read, Risk.Low)).Decision.ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Decide_CodeFreezeInForce_PoliciesSeeIt()
    {
        var freeze = new PolicyContext([new CodeFreeze(["production"], Noon.AddDays(-1), null, "release")]);
        var snapshot = Snapshot(PermitAll + """@id("freeze") forbid (principal, action, resource) when { context.code_freeze };""", freeze);

        Decide(snapshot, Action(Verb.Update, Risk.Low, environments: "production")).Decision.ShouldBe(Decision.Deny);
        Decide(snapshot, Action(Verb.Update, Risk.Low, environments: "staging")).Decision.ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Decide_UnknownVerb_PoliciesSeeAtLeastHighRisk()
    {
        var snapshot = Snapshot("""@id("low") permit (principal, action, resource) when { context.risk <= 2 };""");

        Decide(snapshot, Action(Verb.Unknown, Risk.Low)).Decision.ShouldBe(Decision.Deny);
    }

    [Fact]
    public void Decide_PrincipalAttributes_ComeFromTheContext()
    {
        var snapshot = Snapshot("""@id("claude") permit (principal, action, resource) when { principal.name == "claude" && principal.session == "s-1" };""");

        Decide(snapshot, Action(Verb.Update, Risk.Low)).Decision.ShouldBe(Decision.Allow);
    }

    private sealed class ApprovalComparer : IEqualityComparer<ApprovalRequirement>
    {
        public bool Equals(ApprovalRequirement? x, ApprovalRequirement? y) =>
            x is not null && y is not null && x.Approvers == y.Approvers && x.ApproverGroups.SequenceEqual(y.ApproverGroups)
            && x.Ttl == y.Ttl && x.Cooldown == y.Cooldown;

        public int GetHashCode(ApprovalRequirement obj) => obj.Approvers;
    }
}
