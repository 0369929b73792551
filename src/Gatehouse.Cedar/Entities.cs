using Gatehouse.Cedar.Json;

namespace Gatehouse.Cedar;

/// <summary>
/// The entity store for authorization. The ancestor sets (transitive closure over parents) are computed once
/// here, so <c>in</c> is a set lookup at decision time; cycles simply make entities their own ancestors.
/// </summary>
public sealed class Entities
{
    private static readonly HashSet<EntityUid> NoAncestors = [];

    private readonly Dictionary<EntityUid, Entity> _entities;
    private readonly Dictionary<EntityUid, HashSet<EntityUid>> _ancestors;

    private Entities(Dictionary<EntityUid, Entity> entities)
    {
        _entities = entities;
        _ancestors = new Dictionary<EntityUid, HashSet<EntityUid>>(entities.Count);
        foreach (var uid in entities.Keys)
        {
            _ancestors[uid] = ComputeAncestors(uid);
        }
    }

    public static Entities Empty { get; } = new([]);

    public int Count => _entities.Count;

    /// <summary>Reads Cedar's entities JSON (an array of {uid, attrs, parents, tags}).</summary>
    public static Entities FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Create(EntitiesJsonReader.Read(json));
    }

    /// <summary>Builds a store; two entities with the same uid throw <see cref="CedarException"/>.</summary>
    public static Entities Create(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var map = new Dictionary<EntityUid, Entity>();
        foreach (var entity in entities)
        {
            if (!map.TryAdd(entity.Uid, entity))
            {
                throw new CedarException($"duplicate entity {entity.Uid}");
            }
        }

        return new Entities(map);
    }

    public Entity? Find(EntityUid uid) => _entities.GetValueOrDefault(uid);

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="child"/> over parents (not reflexive).</summary>
    public bool IsDescendant(EntityUid child, EntityUid ancestor) =>
        _ancestors.TryGetValue(child, out var ancestors) && ancestors.Contains(ancestor);

    internal HashSet<EntityUid> AncestorsOf(EntityUid uid) => _ancestors.GetValueOrDefault(uid) ?? NoAncestors;

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
