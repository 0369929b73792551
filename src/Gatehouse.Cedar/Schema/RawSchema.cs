namespace Gatehouse.Cedar.Schema;

/// <summary>How a type was written, before names are resolved against the whole schema.</summary>
internal enum RawTypeKind
{
    /// <summary>A name that may be a common type, an entity type or a built-in, resolved in that order.</summary>
    Named,
    /// <summary>A name that must be an entity type (JSON <c>"type": "Entity"</c>).</summary>
    EntityName,
    /// <summary>A name that must be a common type (JSON <c>"type": "MyType"</c>).</summary>
    CommonName,
    Bool,
    Long,
    String,
    Extension,
    Set,
    Record,
}

internal sealed record RawAttribute(string Name, RawType Type, bool Required);

internal sealed record RawType(RawTypeKind Kind, string? Name, RawType? Element, IReadOnlyList<RawAttribute>? Attributes, bool IsOpen, int Line, int Column);

internal sealed record RawEntityType(string Name, IReadOnlyList<string> MemberOf, RawType? Shape, RawType? Tags, IReadOnlyList<string>? EnumIds, int Line, int Column);

/// <summary>An action reference in <c>in [...]</c>: a type path (null for the namespace's own Action) and an id.</summary>
internal sealed record RawActionRef(string? Type, string Id);

internal sealed record RawAction(
    string Name,
    IReadOnlyList<RawActionRef> MemberOf,
    IReadOnlyList<string> Principals,
    IReadOnlyList<string> Resources,
    RawType? Context,
    int Line,
    int Column);

internal sealed record RawCommonType(string Name, RawType Type, int Line, int Column);

internal sealed class RawNamespace(string name)
{
    public string Name { get; } = name;

    public List<RawEntityType> EntityTypes { get; } = [];

    public List<RawAction> Actions { get; } = [];

    public List<RawCommonType> CommonTypes { get; } = [];
}
