using Gatehouse.Cedar.Evaluation;
using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Authorization;

/// <summary>
/// Finds the policies that can apply to a request without scanning them all: policies are bucketed by the
/// actions their scope names (a request looks up its action and that action's ancestors), then by the
/// principal their scope pins with <c>==</c> or the group it requires with <c>in</c>; the policies that leave the
/// principal open are bucketed the same way by their resource, since those are most of a typical set.
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
        _anyAction.Collect(context, candidates);
        if (_byAction.Count == 0)
        {
            return;
        }

        if (_byAction.TryGetValue(request.Action, out var bucket))
        {
            bucket.Collect(context, candidates);
        }

        foreach (var ancestor in context.Entities.AncestorsOf(request.Action))
        {
            if (_byAction.TryGetValue(ancestor, out var inherited))
            {
                inherited.Collect(context, candidates);
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
        private readonly Dictionary<EntityUid, List<int>> _byPrincipalGroup = [];
        private readonly Dictionary<EntityUid, List<int>> _byResource = [];
        private readonly Dictionary<EntityUid, List<int>> _byResourceGroup = [];
        private readonly List<int> _unindexed = [];

        public void Add(CompiledPolicy policy)
        {
            switch (policy.Principal.Kind)
            {
                case ScopeKind.Equal:
                    ListFor(_byPrincipal, policy.Principal.Target).Add(policy.Index);
                    break;
                case ScopeKind.In or ScopeKind.IsIn:
                    ListFor(_byPrincipalGroup, policy.Principal.Target).Add(policy.Index);
                    break;
                default:
                    AddByResource(policy);
                    break;
            }
        }

        private void AddByResource(CompiledPolicy policy)
        {
            switch (policy.Resource.Kind)
            {
                case ScopeKind.Equal:
                    ListFor(_byResource, policy.Resource.Target).Add(policy.Index);
                    break;
                case ScopeKind.In or ScopeKind.IsIn:
                    ListFor(_byResourceGroup, policy.Resource.Target).Add(policy.Index);
                    break;
                default:
                    _unindexed.Add(policy.Index);
                    break;
            }
        }

        public void Collect(EvaluationContext context, Span<bool> candidates)
        {
            foreach (var index in _unindexed)
            {
                candidates[index] = true;
            }

            var resource = context.Request.Resource;
            Mark(_byResource, resource, candidates);
            if (_byResourceGroup.Count > 0)
            {
                MarkGroups(_byResourceGroup, resource, context.ResourceAncestors, candidates);
            }

            var principal = context.Request.Principal;
            Mark(_byPrincipal, principal, candidates);
            if (_byPrincipalGroup.Count > 0)
            {
                MarkGroups(_byPrincipalGroup, principal, context.PrincipalAncestors, candidates);
            }
        }

        // `x in G` can hold only when G is x itself or one of its ancestors.
        private static void MarkGroups(Dictionary<EntityUid, List<int>> map, EntityUid member, HashSet<EntityUid> ancestors, Span<bool> candidates)
        {
            Mark(map, member, candidates);
            foreach (var ancestor in ancestors)
            {
                Mark(map, ancestor, candidates);
            }
        }

        private static void Mark(Dictionary<EntityUid, List<int>> map, EntityUid key, Span<bool> candidates)
        {
            if (map.Count > 0 && map.TryGetValue(key, out var list))
            {
                foreach (var index in list)
                {
                    candidates[index] = true;
                }
            }
        }

        private static List<int> ListFor(Dictionary<EntityUid, List<int>> map, EntityUid key)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = [];
                map[key] = list;
            }

            return list;
        }
    }
}
