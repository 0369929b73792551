namespace Gatehouse.Cedar.Schema;

/// <summary>
/// A declared entity type: its full path, the types its entities may be members of, its attributes,
/// its tag type (null when it has no tags) and, for an enumerated type, the only ids it allows.
/// </summary>
internal sealed record SchemaEntityType(
    string Name,
    IReadOnlyList<string> MemberOfTypes,
    SchemaType Shape,
    SchemaType? Tags,
    IReadOnlyList<string>? EnumIds);
