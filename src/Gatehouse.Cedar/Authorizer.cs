using System.Buffers;
using System.Runtime.CompilerServices;
using Gatehouse.Cedar.Authorization;
using Gatehouse.Cedar.Evaluation;

namespace Gatehouse.Cedar;

/// <summary>
/// A policy set compiled once (scope index + closures) and then used for any number of decisions.
/// Immutable and thread-safe. Forbid overrides permit; no satisfied permit means Deny.
/// </summary>
public sealed class Authorizer
{
    private const int StackLimit = 1024;

    private static readonly ConditionalWeakTable<PolicySet, Authorizer> Compiled = [];

    private readonly CompiledPolicy[] _policies;
    private readonly ScopeIndex _index;

    public Authorizer(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = new CompiledPolicy[policies.Policies.Count];
        for (var i = 0; i < _policies.Length; i++)
        {
            _policies[i] = new CompiledPolicy(policies.Policies[i], i);
        }

        _index = new ScopeIndex(_policies);
    }

    /// <summary>Convenience form; the compiled authorizer is cached per policy set instance, so repeated calls stay fast.</summary>
    public static AuthorizationResponse IsAuthorized(AuthorizationRequest r, PolicySet p, Entities e)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Compiled.GetValue(p, static set => new Authorizer(set)).IsAuthorized(r, e);
    }

    public AuthorizationResponse IsAuthorized(AuthorizationRequest request, Entities entities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(request.Context, nameof(request));
        var context = new EvaluationContext(request, entities);
        bool[]? rented = null;
        var candidates = _policies.Length <= StackLimit
            ? stackalloc bool[_policies.Length]
            : (rented = ArrayPool<bool>.Shared.Rent(_policies.Length)).AsSpan(0, _policies.Length);
        try
        {
            candidates.Clear();
            _index.Collect(context, candidates);
            return Decide(context, candidates);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<bool>.Shared.Return(rented);
            }
        }
    }

    private AuthorizationResponse Decide(EvaluationContext context, ReadOnlySpan<bool> candidates)
    {
        List<string>? permits = null;
        List<string>? forbids = null;
        List<PolicyError>? errors = null;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (!candidates[i])
            {
                continue;
            }

            var policy = _policies[i];
            if (!policy.ScopeMatches(context))
            {
                continue;
            }

            bool satisfied;
            try
            {
                satisfied = policy.ConditionsHold(context);
            }
            catch (CedarException e)
            {
                (errors ??= []).Add(new PolicyError(policy.Policy.Id, e.Message));
                continue;
            }

            if (satisfied)
            {
                (policy.Policy.Effect == PolicyEffect.Forbid ? forbids ??= [] : permits ??= []).Add(policy.Policy.Id);
            }
        }

        IReadOnlyList<PolicyError> errorList = errors ?? (IReadOnlyList<PolicyError>)[];
        if (forbids is not null)
        {
            return new AuthorizationResponse(CedarDecision.Deny, forbids, errorList);
        }

        return permits is not null
            ? new AuthorizationResponse(CedarDecision.Allow, permits, errorList)
            : new AuthorizationResponse(CedarDecision.Deny, [], errorList);
    }
}
