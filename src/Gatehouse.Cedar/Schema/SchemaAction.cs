namespace Gatehouse.Cedar.Schema;

/// <summary>
/// A declared action. <see cref="AppliesTo"/> is false when the schema gives no <c>appliesTo</c>, in which
/// case no request can use the action. <see cref="Context"/> is always a record type.
/// </summary>
internal sealed record SchemaAction(
    EntityUid Uid,
    IReadOnlyList<EntityUid> MemberOf,
    bool AppliesTo,
    IReadOnlyList<string> PrincipalTypes,
    IReadOnlyList<string> ResourceTypes,
    SchemaType Context);
