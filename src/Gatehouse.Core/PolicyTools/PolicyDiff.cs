using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>One corpus entry whose outcome differs between the two policy sets.</summary>
public sealed record DecisionChange(CorpusEntry Entry, DiffSide Old, DiffSide New);

/// <summary>The outcome on one side: decision, approval requirement (when approve) and determining policies.</summary>
public sealed record DiffSide(Decision Decision, ApprovalRequirement? Approval, IReadOnlyList<string> Policies);

/// <summary>The replay: how many entries ran and which changed.</summary>
public sealed record PolicyDiffReport(int Total, IReadOnlyList<DecisionChange> Changes);

/// <summary>
/// Replays a corpus against two policy sets and reports every outcome that changes: the decision, or
/// the approval requirement (one approver becoming two is a change a reviewer must see). Each input is
/// classified once, so only the policies differ between the sides.
/// </summary>
public static class PolicyDiff
{
    public static PolicyDiffReport Run(PolicySnapshot oldPolicies, PolicySnapshot newPolicies, IReadOnlyList<CorpusEntry> corpus, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(oldPolicies);
        ArgumentNullException.ThrowIfNull(newPolicies);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(time);
        var oldDecider = new PolicyDecider(oldPolicies);
        var newDecider = new PolicyDecider(newPolicies);
        var changes = new List<DecisionChange>();
        foreach (var entry in corpus)
        {
            var classification = ActionClassifier.Classify(entry.Kind, entry.Input, entry.Environment);
            var context = new DecisionContext(entry.Environment, null, null, null, time.GetUtcNow());
            var before = Side(oldDecider.Decide(classification, context));
            var after = Side(newDecider.Decide(classification, context));
            if (before.Decision != after.Decision || before.Approval?.Describe() != after.Approval?.Describe())
            {
                changes.Add(new DecisionChange(entry, before, after));
            }
        }

        return new PolicyDiffReport(corpus.Count, changes);
    }

    private static DiffSide Side(Verdict verdict) =>
        new(verdict.Decision, verdict.Decision == Decision.Approve ? verdict.Approval : null, verdict.Policies);
}
