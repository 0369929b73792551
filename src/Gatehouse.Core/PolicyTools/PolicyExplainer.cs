using Gatehouse.Cedar;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Explains one input against one snapshot: the decision is the decider's own (never recomputed), and
/// beside it the request the decider built and every policy evaluated on its own.
/// </summary>
public sealed class PolicyExplainer
{
    private readonly PolicySnapshot _snapshot;
    private readonly PolicyProbe _probe;

    public PolicyExplainer(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _probe = new PolicyProbe(snapshot);
    }

    public PolicyExplanation Explain(Classification classification, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(context);
        var verdict = new PolicyDecider(_snapshot).Decide(classification, context);
        var actions = new List<ActionExplanation>(verdict.Actions.Count);
        foreach (var action in verdict.Actions)
        {
            actions.Add(ExplainAction(action, context));
        }

        return new PolicyExplanation(classification, verdict, actions);
    }

    private ActionExplanation ExplainAction(ActionVerdict verdict, DecisionContext context)
    {
        var action = verdict.Action;
        var facts = verdict.Target;
        try
        {
            // The decider's own request building, on the facts it already resolved: the request shown is the one decided.
            var (request, entities) = PolicyDecider.BuildRequest(_snapshot, action, facts, context);
            var (satisfied, errored) = _probe.Evaluate(request, entities);
            List<Entity> shown = [];
            foreach (var uid in (ReadOnlySpan<EntityUid>)[request.Principal, request.Action, request.Resource])
            {
                if (entities.Find(uid) is { } entity)
                {
                    shown.Add(entity);
                }
            }

            return new ActionExplanation(verdict, request, shown, satisfied, errored);
        }
        catch (CedarException exception)
        {
            return new ActionExplanation(verdict, null, [], [], [new PolicyMatch("(request)", PolicyEffect.Forbid, string.Empty, null, exception.Message)]);
        }
    }
}
