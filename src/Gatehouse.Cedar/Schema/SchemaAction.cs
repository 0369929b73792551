namespace Gatehouse.Cedar.Schema;

/// <summary>
/// A declared action. Without <c>appliesTo</c> both type lists are empty and no request can use the action.
/// <see cref="Context"/> is always a record type.
/// </summary>
internal sealed record SchemaAction(
    EntityUid Uid,
    IReadOnlyList<EntityUid> MemberOf,
    IReadOnlyList<string> PrincipalTypes,
    IReadOnlyList<string> ResourceTypes,
    SchemaType Context);
