namespace Gatehouse.Cedar;

/// <summary>An entity: its uid, attributes, direct parents and tags.</summary>
public sealed class Entity
{
    public Entity(
        EntityUid uid,
        IReadOnlyDictionary<string, CedarValue> attributes,
        IReadOnlyCollection<EntityUid> parents,
        IReadOnlyDictionary<string, CedarValue>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(parents);
        RejectNullValues(attributes, "attribute", uid);
        if (tags is not null)
        {
            RejectNullValues(tags, "tag", uid);
        }

        Uid = uid;
        Attributes = attributes;
        Parents = parents;
        Tags = tags ?? CedarRecord.Empty.Fields;
    }

    public EntityUid Uid { get; }

    public IReadOnlyDictionary<string, CedarValue> Attributes { get; }

    public IReadOnlyCollection<EntityUid> Parents { get; }

    public IReadOnlyDictionary<string, CedarValue> Tags { get; }

    /// <summary>Cedar has no null: a null value is a caller's mistake, reported here rather than as a crash mid-decision.</summary>
    private static void RejectNullValues(IReadOnlyDictionary<string, CedarValue> values, string what, EntityUid uid)
    {
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                throw new CedarException($"entity {uid}: {what} '{name}' has no value (Cedar has no null)");
            }
        }
    }
}
