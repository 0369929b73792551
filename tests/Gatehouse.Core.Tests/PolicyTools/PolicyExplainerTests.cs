using Gatehouse.Cedar;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

public sealed class PolicyExplainerTests
{
    [Fact]
    public void Explain_DeniedAction_ListsSatisfiedPermitsBesideTheForbids()
    {
        const string Cedar = """
            @id("ask")
            @approval("1")
            permit (principal, action, resource) when { context.risk >= 3 };
            @id("no-critical")
            forbid (principal, action, resource) when { context.risk >= 4 };
            @id("never")
            forbid (principal, action, resource) when { context.risk < 0 };
            """;
        var explainer = new PolicyExplainer(PolicyToolsFixture.Snapshot(Cedar));

        var explanation = explainer.Explain(ActionClassifier.Classify(InputKind.Shell, "rm -rf /"), DecisionContext.Anonymous(TimeProvider.System));

        explanation.Verdict.Decision.ShouldBe(Decision.Deny);
        var action = explanation.Actions.ShouldHaveSingleItem();
        action.Satisfied.Select(m => (m.Name, m.Effect)).ShouldBe([("ask", PolicyEffect.Permit), ("no-critical", PolicyEffect.Forbid)]);
        action.Satisfied[0].Approval!.Approvers.ShouldBe(1);
        action.Errored.ShouldBeEmpty();
        action.Entities.Select(e => e.Uid.Type).ShouldBe(["Gatehouse::Agent", "Gatehouse::Action", "Gatehouse::Resource"]);
        action.Request!.Context.Fields["risk"].ShouldBe(CedarValue.Of(4L));
    }

    [Fact]
    public void Explain_ErroringPolicy_IsListedAsErrored()
    {
        const string Cedar = """
            @id("routine")
            permit (principal, action, resource);
            @id("broken")
            forbid (principal, action, resource) when { context.risk + 9223372036854775807 + 1 > 0 };
            """;

        var explanation = new PolicyExplainer(PolicyToolsFixture.Snapshot(Cedar)).Explain(ActionClassifier.Classify(InputKind.Shell, "ls"), DecisionContext.Anonymous(TimeProvider.System));

        var action = explanation.Actions.ShouldHaveSingleItem();
        action.Errored.ShouldHaveSingleItem().Name.ShouldBe("broken");
        explanation.Verdict.Decision.ShouldBe(Decision.Deny);
    }
}
