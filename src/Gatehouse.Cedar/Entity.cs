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
        Uid = uid;
        Attributes = attributes;
        Parents = parents;
        Tags = tags ?? CedarRecord.Empty.Fields;
    }

    public EntityUid Uid { get; }

    public IReadOnlyDictionary<string, CedarValue> Attributes { get; }

    public IReadOnlyCollection<EntityUid> Parents { get; }

    public IReadOnlyDictionary<string, CedarValue> Tags { get; }
}
