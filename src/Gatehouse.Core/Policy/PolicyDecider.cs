using Gatehouse.Cedar;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Decides every action by Cedar policy: a matching forbid denies; a matching permit without
/// <c>@approval</c> allows; matching approval permits ask for the strictest of their requirements;
/// nothing matching, or any evaluation error, denies. An input's decision is the strictest of its actions'.
/// </summary>
public sealed class PolicyDecider : IDecider
{
    private readonly Func<PolicySnapshot> _snapshot;

    /// <summary>Decides with one fixed snapshot.</summary>
    public PolicyDecider(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = () => snapshot;
    }

    /// <summary>Decides with whatever snapshot the store holds at each decision (reloads apply at once).</summary>
    public PolicyDecider(PolicySnapshotStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _snapshot = () => store.Current;
    }

    /// <summary>The built-in default policy set, without an inventory.</summary>
    public static PolicyDecider Default => DefaultHolder.Instance;

    public Verdict Decide(Classification classification, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = _snapshot();
        var actions = classification.Actions;
        if (actions.Count == 0)
        {
            return new Verdict(Decision.Allow, Risk.None, [], "Nothing in the input acts on anything.");
        }

        var verdicts = new ActionVerdict[actions.Count];
        Dictionary<AgentAction, ActionVerdict>? decided = actions.Count > 1 ? new(SameAction.Instance) : null;
        for (var i = 0; i < verdicts.Length; i++)
        {
            var action = actions[i];
            if (decided is null)
            {
                verdicts[i] = DecideAction(snapshot, action, context);
            }
            else if (decided.TryGetValue(action, out var earlier))
            {
                verdicts[i] = earlier with { Action = action };
            }
            else
            {
                verdicts[i] = DecideAction(snapshot, action, context);
                decided.Add(action, verdicts[i]);
            }
        }

        return VerdictComposer.Compose(verdicts);
    }

    /// <summary>
    /// The Cedar request and entities for one action whose target is resolved: the one place risk, disposability and
    /// freezes are weighed, so an explanation shows exactly the request that was decided.
    /// </summary>
    internal static (AuthorizationRequest Request, Entities Entities) BuildRequest(PolicySnapshot snapshot, AgentAction action, TargetFacts facts, DecisionContext context)
    {
        var disposable = AssessedRisk.IsDisposableData(action, facts);
        return BuildRequest(snapshot, action, facts, context, AssessedRisk.Of(action, disposable), disposable);
    }

    private static (AuthorizationRequest Request, Entities Entities) BuildRequest(PolicySnapshot snapshot, AgentAction action, TargetFacts facts, DecisionContext context, Risk risk, bool disposable)
    {
        var frozen = snapshot.Context.IsFrozen(facts.ReachedEnvironments, context.Time);
        return CedarRequestFactory.Build(action, facts, context, frozen, risk, disposable);
    }

    /// <summary>Decides one action; never throws for anything the engine or the inventory reports.</summary>
    internal static ActionVerdict DecideAction(PolicySnapshot snapshot, AgentAction action, DecisionContext context)
    {
        TargetFacts facts;
        try
        {
            facts = snapshot.Targets.Resolve(action);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            facts = InputTargetFacts.Instance.Resolve(action);
            return Denied(action, AssessedRisk.Of(action, false), facts, $"resolving the target failed: {exception.Message}");
        }

        var disposable = AssessedRisk.IsDisposableData(action, facts);
        var risk = AssessedRisk.Of(action, disposable);
        AuthorizationResponse response;
        try
        {
            var (request, entities) = BuildRequest(snapshot, action, facts, context, risk, disposable);
            response = snapshot.Authorizer.IsAuthorized(request, entities);
        }
        catch (CedarException exception)
        {
            return Denied(action, risk, facts, $"policy evaluation failed: {exception.Message}");
        }

        if (response.Errors.Count > 0)
        {
            var errors = new string[response.Errors.Count];
            for (var i = 0; i < errors.Length; i++)
            {
                var error = response.Errors[i];
                errors[i] = $"{NameOf(snapshot, error.PolicyId)}: {error.Message}";
            }

            return new ActionVerdict(action, Decision.Deny, risk, facts, [], [], null, errors);
        }

        var determining = response.DeterminingPolicies;
        var names = new string[determining.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = NameOf(snapshot, determining[i]);
        }

        if (response.Decision == CedarDecision.Deny)
        {
            return new ActionVerdict(action, Decision.Deny, risk, facts, names, [], null, []);
        }

        ApprovalRequirement? approval = null;
        foreach (var id in determining)
        {
            var requirement = snapshot.Infos.TryGetValue(id, out var info) ? info.Approval : null;
            if (requirement is null)
            {
                return new ActionVerdict(action, Decision.Allow, risk, facts, [], names, null, []);
            }

            approval = approval is null ? requirement : approval.CombineStrictest(requirement);
        }

        return approval is null
            ? new ActionVerdict(action, Decision.Deny, risk, facts, [], [], null, [])
            : new ActionVerdict(action, Decision.Approve, risk, facts, [], names, approval, []);
    }

    private static ActionVerdict Denied(AgentAction action, Risk risk, TargetFacts facts, string error) =>
        new(action, Decision.Deny, risk, facts, [], [], null, [error]);

    private static string NameOf(PolicySnapshot snapshot, string policyId) =>
        snapshot.Infos.TryGetValue(policyId, out var info) ? info.Name : policyId;

    private static class DefaultHolder
    {
        public static readonly PolicyDecider Instance = new(PolicyLoader.LoadDefault(TimeProvider.System));
    }
}
