using Gatehouse.Cedar;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Evaluates every policy of a set on its own, so an explanation can list every policy whose scope and
/// conditions held — not only the determining ones (a deny reports only forbids, hiding the permits
/// that also matched) — and every policy whose evaluation errored.
/// </summary>
internal sealed class PolicyProbe
{
    private readonly (Cedar.Policy Policy, PolicyInfo Info, Authorizer Alone)[] _policies;

    public PolicyProbe(PolicySnapshot snapshot)
    {
        var policies = snapshot.Policies.Policies;
        _policies = new (Cedar.Policy, PolicyInfo, Authorizer)[policies.Count];
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            // The printed text parses back to the same policy; alone in its set, "determining" means "satisfied".
            _policies[i] = (policy, snapshot.Infos[policy.Id], new Authorizer(PolicySet.Parse(policy.ToString(), snapshot.Infos[policy.Id].Location)));
        }
    }

    public (List<PolicyMatch> Satisfied, List<PolicyMatch> Errored) Evaluate(AuthorizationRequest request, Entities entities)
    {
        var satisfied = new List<PolicyMatch>();
        var errored = new List<PolicyMatch>();
        foreach (var (policy, info, alone) in _policies)
        {
            AuthorizationResponse response;
            try
            {
                response = alone.IsAuthorized(request, entities);
            }
            catch (CedarException exception)
            {
                errored.Add(new PolicyMatch(info.Name, policy.Effect, info.Location, info.Approval, exception.Message));
                continue;
            }

            if (response.Errors.Count > 0)
            {
                errored.Add(new PolicyMatch(info.Name, policy.Effect, info.Location, info.Approval, response.Errors[0].Message));
            }
            else if (response.DeterminingPolicies.Count > 0)
            {
                satisfied.Add(new PolicyMatch(info.Name, policy.Effect, info.Location, info.Approval, null));
            }
        }

        return (satisfied, errored);
    }
}

/// <summary>A policy that matched a request (its scope and conditions held), or whose evaluation errored.</summary>
/// <param name="Name">The policy's <c>@id</c>, else file:line.</param>
/// <param name="Effect">Permit or forbid.</param>
/// <param name="Location">file:line.</param>
/// <param name="Approval">The approval requirement of an approval permit; null for a plain permit or a forbid.</param>
/// <param name="Error">The evaluation error, for a policy that errored.</param>
public sealed record PolicyMatch(string Name, PolicyEffect Effect, string Location, ApprovalRequirement? Approval, string? Error);
