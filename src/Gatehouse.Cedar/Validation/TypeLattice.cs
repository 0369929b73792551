using Gatehouse.Cedar.Schema;

namespace Gatehouse.Cedar.Validation;

/// <summary>
/// Least upper bounds in strict mode: only equal types join (constant booleans widen to Bool); records must
/// have the same attributes with the same optionality, entities the same type, sets joinable elements.
/// </summary>
internal static class TypeLattice
{
    public static ValidationType? StrictLub(ValidationType a, ValidationType b)
    {
        if (a.Kind == SchemaTypeKind.Bool && b.Kind == SchemaTypeKind.Bool)
        {
            return a.Constant is { } x && b.Constant == x ? a : ValidationType.Bool;
        }

        if (a.Kind == SchemaTypeKind.Entity && b.Kind == SchemaTypeKind.Entity)
        {
            return string.Equals(a.Type.Name, b.Type.Name, StringComparison.Ordinal) ? new ValidationType(a.Type) : null;
        }

        return StrictLub(a.Type, b.Type, 0) is { } type ? new ValidationType(type) : null;
    }

    private static SchemaType? StrictLub(SchemaType a, SchemaType b, int depth)
    {
        if (a.Kind != b.Kind || depth > 64)
        {
            return null;
        }

        switch (a.Kind)
        {
            case SchemaTypeKind.Set:
                return StrictLub(a.Element!, b.Element!, depth + 1) is { } element ? SchemaType.Set(element) : null;
            case SchemaTypeKind.Record:
                if (a.IsOpen != b.IsOpen || a.Attributes!.Count != b.Attributes!.Count)
                {
                    return null;
                }

                var attributes = new Dictionary<string, SchemaAttribute>(StringComparer.Ordinal);
                foreach (var (name, attribute) in a.Attributes)
                {
                    if (!b.Attributes.TryGetValue(name, out var other) || other.Required != attribute.Required
                        || StrictLub(attribute.Type, other.Type, depth + 1) is not { } joined)
                    {
                        return null;
                    }

                    attributes[name] = new SchemaAttribute(joined, attribute.Required);
                }

                return SchemaType.Record(attributes, a.IsOpen);
            default:
                return a.Equals(b) ? a : null;
        }
    }
}
