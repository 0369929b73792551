using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.Policy;

public sealed class SameActionTests
{
    [Fact]
    public void Equals_SameContentInDifferentLists_IsTheSameAction()
    {
        var first = Action(["workspace-local"]);
        var second = Action([.. new[] { "workspace-local" }]);

        SameAction.Instance.Equals(first, second).ShouldBeTrue();
        SameAction.Instance.GetHashCode(first).ShouldBe(SameAction.Instance.GetHashCode(second));
    }

    [Fact]
    public void Equals_DifferentTags_IsADifferentAction() =>
        SameAction.Instance.Equals(Action(["workspace-local"]), Action([Tags.CredentialAccess])).ShouldBeFalse();

    [Fact]
    public void Decide_RepeatedAndDistinctActions_EveryActionKeepsItsOwnVerdict()
    {
        var script = "psql -h db.staging.internal <<'SQL'\nSELECT 1 FROM users;\nSELECT 1 FROM users;\nDROP TABLE users;\nSELECT 1 FROM users;\nSQL";
        var classification = ActionClassifier.Classify(InputKind.Shell, script);

        var verdict = PolicyDecider.Default.Decide(classification, DecisionContext.Anonymous(TimeProvider.System));

        verdict.Decision.ShouldBe(Decision.Deny);
        verdict.Actions.ShouldNotBeNull().Count.ShouldBe(classification.Actions.Count);
        for (var i = 0; i < classification.Actions.Count; i++)
        {
            verdict.Actions[i].Action.ShouldBeSameAs(classification.Actions[i]);
        }
    }

    private static AgentAction Action(IReadOnlyList<string> tags) => new()
    {
        Verb = Verb.Update,
        Target = new ResourceRef("file", "notes.md", []),
        Tool = "tee",
        Reversible = true,
        Risk = Risk.Low,
        Path = "shell>tee",
        RuleId = "fs.tee",
        Reason = "writes notes.md",
        Tags = tags,
    };
}
