using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>
/// What decides when the configured policies cannot be loaded: nothing that can change state, reveal a
/// credential or touch Gatehouse's own files is allowed; plain reads still pass, so the agent can keep
/// looking while a person fixes the policy. The load error is in every reason.
/// </summary>
public sealed class PolicyFailureDecider : IDecider
{
    public PolicyFailureDecider(string loadError)
    {
        ArgumentNullException.ThrowIfNull(loadError);
        LoadError = loadError;
    }

    public string LoadError { get; }

    public Verdict Decide(Classification classification, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(classification);
        var risk = Risk.None;
        foreach (var action in classification.Actions)
        {
            risk = action.Risk > risk ? action.Risk : risk;
        }

        foreach (var action in classification.Actions)
        {
            if (!IsPlainRead(action))
            {
                return new Verdict(Decision.Deny, risk, ["gatehouse.policy-load-failed"],
                    $"Gatehouse's policies could not be loaded, so nothing that can change state is allowed until a person fixes them: {LoadError}");
            }
        }

        return new Verdict(Decision.Allow, risk, ["gatehouse.policy-load-failed"],
            $"Only reads pass while Gatehouse's policies cannot be loaded: {LoadError}");
    }

    private static bool IsPlainRead(AgentAction action) =>
        action.Verb is Verb.Read or Verb.List
        && action.Risk <= Risk.Low
        && !action.HasTag(Tags.CredentialAccess)
        && !action.HasTag(Tags.Tampering);
}
