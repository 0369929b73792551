using Gatehouse.Cedar.Evaluation;
using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Authorization;

/// <summary>
/// Finds the policies that can apply to a request without scanning them all: policies are bucketed by the
/// actions their scope names (a request looks up its action and that action's ancestors), then by the
/// principal their scope pins with <c>==</c>.
/// </summary>
internal sealed class ScopeIndex
{
    private readonly Dictionary<EntityUid, Bucket> _byAction = [];
    private readonly Bucket _anyAction = new();

    public ScopeIndex(IReadOnlyList<CompiledPolicy> policies)
    {
        foreach (var policy in policies)
        {
            var action = policy.Action;
            switch (action.Kind)
            {
                case ScopeKind.Equal or ScopeKind.In:
                    BucketFor(action.Target).Add(policy);
                    break;
                case ScopeKind.InSet:
                    foreach (var target in new HashSet<EntityUid>(action.Targets))
                    {
                        BucketFor(target).Add(policy);
                    }

                    break;
                default:
                    _anyAction.Add(policy);
                    break;
            }
        }
    }

    /// <summary>Marks the indexes of the policies that can apply to the request in <paramref name="candidates"/>.</summary>
    public void Collect(EvaluationContext context, Span<bool> candidates)
    {
        var request = context.Request;
        _anyAction.Collect(request.Principal, candidates);
        if (_byAction.Count == 0)
        {
            return;
        }

        if (_byAction.TryGetValue(request.Action, out var bucket))
        {
            bucket.Collect(request.Principal, candidates);
        }

        foreach (var ancestor in context.Entities.AncestorsOf(request.Action))
        {
            if (_byAction.TryGetValue(ancestor, out var inherited))
            {
                inherited.Collect(request.Principal, candidates);
            }
        }
    }

    private Bucket BucketFor(EntityUid action)
    {
        if (!_byAction.TryGetValue(action, out var bucket))
        {
            bucket = new Bucket();
            _byAction[action] = bucket;
        }

        return bucket;
    }

    private sealed class Bucket
    {
        private readonly Dictionary<EntityUid, List<int>> _byPrincipal = [];
        private readonly List<int> _otherPrincipals = [];

        public void Add(CompiledPolicy policy)
        {
            if (policy.Principal.Kind == ScopeKind.Equal)
            {
                if (!_byPrincipal.TryGetValue(policy.Principal.Target, out var list))
                {
                    list = [];
                    _byPrincipal[policy.Principal.Target] = list;
                }

                list.Add(policy.Index);
            }
            else
            {
                _otherPrincipals.Add(policy.Index);
            }
        }

        public void Collect(EntityUid principal, Span<bool> candidates)
        {
            foreach (var index in _otherPrincipals)
            {
                candidates[index] = true;
            }

            if (_byPrincipal.Count > 0 && _byPrincipal.TryGetValue(principal, out var pinned))
            {
                foreach (var index in pinned)
                {
                    candidates[index] = true;
                }
            }
        }
    }
}
