using System.Collections.Concurrent;
using Gatehouse.Cedar.Json;

namespace Gatehouse.Cedar;

/// <summary>
/// The entity store for authorization. An entity's ancestor set (transitive over parents) is computed once, on
/// first use, so <c>in</c> is a set lookup afterwards. A cyclic hierarchy is refused, as the official engine does.
/// </summary>
public sealed class Entities
{
    private static readonly HashSet<EntityUid> NoAncestors = [];

    private readonly Dictionary<EntityUid, Entity> _entities;

    // Filled on first use: a full closure up front costs O(n²) memory on a long chain of parents.
    private readonly ConcurrentDictionary<EntityUid, HashSet<EntityUid>> _ancestors = new();

    // Held once: a method group passed to GetOrAdd would allocate a delegate on every lookup.
    private readonly Func<EntityUid, HashSet<EntityUid>> _computeAncestors;

    private Entities(Dictionary<EntityUid, Entity> entities)
    {
        _entities = entities;
        _computeAncestors = ComputeAncestors;
    }

    public static Entities Empty { get; } = new([]);

    public int Count => _entities.Count;

    /// <summary>Reads Cedar's entities JSON (an array of {uid, attrs, parents, tags}).</summary>
    public static Entities FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Create(EntitiesJsonReader.Read(json));
    }

    /// <summary>Builds a store; conflicting entities with one uid, or a cyclic hierarchy, throw <see cref="CedarException"/>.</summary>
    public static Entities Create(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var map = new Dictionary<EntityUid, Entity>();
        foreach (var entity in entities)
        {
            // The official engine accepts an exact repeat of an entity and refuses a conflicting one.
            if (!map.TryAdd(entity.Uid, entity) && !SameEntity(map[entity.Uid], entity))
            {
                throw new CedarException($"duplicate entity {entity.Uid} with different attributes, parents or tags");
            }
        }

        var store = new Entities(map);
        store.RefuseCycles();
        return store;
    }

    private static bool SameEntity(Entity a, Entity b) =>
        SameFields(a.Attributes, b.Attributes) && SameFields(a.Tags, b.Tags) && new HashSet<EntityUid>(a.Parents).SetEquals(b.Parents);

    private static bool SameFields(IReadOnlyDictionary<string, CedarValue> a, IReadOnlyDictionary<string, CedarValue> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !other.Equals(value))
            {
                return false;
            }
        }

        return true;
    }

    public Entity? Find(EntityUid uid) => _entities.GetValueOrDefault(uid);

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="child"/> over parents (not reflexive).</summary>
    public bool IsDescendant(EntityUid child, EntityUid ancestor) => AncestorsOf(child).Contains(ancestor);

    internal HashSet<EntityUid> AncestorsOf(EntityUid uid)
    {
        if (_ancestors.TryGetValue(uid, out var known))
        {
            return known;
        }

        return _entities.ContainsKey(uid) ? _ancestors.GetOrAdd(uid, _computeAncestors) : NoAncestors;
    }

    /// <summary>Iterative depth-first search with three colours: linear time, no recursion, any depth.</summary>
    private void RefuseCycles()
    {
        var state = new Dictionary<EntityUid, bool>(_entities.Count);
        var stack = new Stack<(EntityUid Uid, IEnumerator<EntityUid> Parents)>();
        foreach (var root in _entities.Keys)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            state[root] = false;
            stack.Push((root, _entities[root].Parents.GetEnumerator()));
            while (stack.Count > 0)
            {
                var (uid, parents) = stack.Peek();
                if (!parents.MoveNext())
                {
                    state[uid] = true;
                    stack.Pop();
                    continue;
                }

                var parent = parents.Current;
                if (!_entities.TryGetValue(parent, out var entity))
                {
                    continue;
                }

                if (!state.TryGetValue(parent, out var done))
                {
                    state[parent] = false;
                    stack.Push((parent, entity.Parents.GetEnumerator()));
                }
                else if (!done)
                {
                    throw new CedarException($"entity hierarchy has a cycle through {parent}");
                }
            }
        }
    }

    private HashSet<EntityUid> ComputeAncestors(EntityUid uid)
    {
        var result = new HashSet<EntityUid>();
        var pending = new Stack<EntityUid>();
        foreach (var parent in _entities[uid].Parents)
        {
            pending.Push(parent);
        }

        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!result.Add(next) || !_entities.TryGetValue(next, out var entity))
            {
                continue;
            }

            foreach (var parent in entity.Parents)
            {
                pending.Push(parent);
            }
        }

        return result;
    }
}
