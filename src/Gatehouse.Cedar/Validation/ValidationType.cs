using Gatehouse.Cedar.Schema;

namespace Gatehouse.Cedar.Validation;

/// <summary>
/// The type the validator gives an expression: a schema type, plus what is known statically — a boolean that
/// is always true or always false, or the exact entity (an entity literal, or the action of the request).
/// </summary>
internal sealed record ValidationType(SchemaType Type, bool? Constant = null, EntityUid? KnownEntity = null)
{
    public static readonly ValidationType Bool = new(SchemaType.Bool);
    public static readonly ValidationType True = new(SchemaType.Bool, true);
    public static readonly ValidationType False = new(SchemaType.Bool, false);
    public static readonly ValidationType Long = new(SchemaType.Long);
    public static readonly ValidationType String = new(SchemaType.String);

    public SchemaTypeKind Kind => Type.Kind;

    public static ValidationType Of(bool? constant) => constant switch
    {
        true => True,
        false => False,
        _ => Bool,
    };

    public bool IsExtension(string name) =>
        Type.Kind == SchemaTypeKind.Extension && string.Equals(Type.Name, name, StringComparison.Ordinal);

    public override string ToString() => Type.ToString();
}
