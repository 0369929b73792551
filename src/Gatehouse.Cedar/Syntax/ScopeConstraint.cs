namespace Gatehouse.Cedar.Syntax;

internal enum ScopeKind
{
    Any,
    Equal,
    In,
    Is,
    IsIn,
    InSet,
}

/// <summary>
/// One scope element. The target is either <see cref="Entity"/> or a <see cref="Slot"/> (templates);
/// <see cref="InSet"/> is only for <c>action in [...]</c>.
/// </summary>
internal sealed record ScopeConstraint(ScopeKind Kind, EntityUid? Entity, string? Slot, string? EntityType, IReadOnlyList<EntityUid> Entities)
{
    public static readonly ScopeConstraint Any = new(ScopeKind.Any, null, null, null, []);

    public bool HasSlot => Slot is not null;

    public ScopeConstraint Link(IReadOnlyDictionary<string, EntityUid> slots)
    {
        if (Slot is null)
        {
            return this;
        }

        if (!slots.TryGetValue(Slot, out var value))
        {
            throw new CedarException($"no value given for slot {Slot}");
        }

        return this with { Entity = value, Slot = null };
    }
}
