using System.Text;

namespace Gatehouse.Cedar.Schema;

internal enum SchemaTypeKind
{
    Bool,
    Long,
    String,
    Set,
    Record,
    Entity,
    Extension,
}

/// <summary>One attribute of a record type; optional attributes need a <c>has</c> guard before use.</summary>
internal sealed record SchemaAttribute(SchemaType Type, bool Required);

/// <summary>
/// A resolved Cedar type: the primitives, <c>Set&lt;T&gt;</c>, records, entity types (full path) and the
/// extension types (ipaddr, decimal, datetime, duration). Equality is structural.
/// </summary>
internal sealed class SchemaType : IEquatable<SchemaType>
{
    public static readonly SchemaType Bool = new(SchemaTypeKind.Bool, null, null, false, null);
    public static readonly SchemaType Long = new(SchemaTypeKind.Long, null, null, false, null);
    public static readonly SchemaType String = new(SchemaTypeKind.String, null, null, false, null);
    public static readonly SchemaType EmptyRecord = Record(new Dictionary<string, SchemaAttribute>(StringComparer.Ordinal), false);

    private SchemaType(SchemaTypeKind kind, SchemaType? element, IReadOnlyDictionary<string, SchemaAttribute>? attributes, bool isOpen, string? name)
    {
        Kind = kind;
        Element = element;
        Attributes = attributes;
        IsOpen = isOpen;
        Name = name;
    }

    public SchemaTypeKind Kind { get; }

    /// <summary>The element type of a set.</summary>
    public SchemaType? Element { get; }

    /// <summary>The attributes of a record.</summary>
    public IReadOnlyDictionary<string, SchemaAttribute>? Attributes { get; }

    /// <summary>A record that may carry attributes beyond those listed (JSON <c>additionalAttributes</c>).</summary>
    public bool IsOpen { get; }

    /// <summary>The entity type path or the extension type name.</summary>
    public string? Name { get; }

    public static SchemaType Set(SchemaType element) => new(SchemaTypeKind.Set, element, null, false, null);

    public static SchemaType Record(IReadOnlyDictionary<string, SchemaAttribute> attributes, bool isOpen) =>
        new(SchemaTypeKind.Record, null, attributes, isOpen, null);

    public static SchemaType Entity(string name) => new(SchemaTypeKind.Entity, null, null, false, name);

    public static SchemaType Extension(string name) => new(SchemaTypeKind.Extension, null, null, false, name);

    public bool Equals(SchemaType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case SchemaTypeKind.Set:
                return Element!.Equals(other.Element);
            case SchemaTypeKind.Record:
                if (IsOpen != other.IsOpen || Attributes!.Count != other.Attributes!.Count)
                {
                    return false;
                }

                foreach (var (name, attribute) in Attributes)
                {
                    if (!other.Attributes.TryGetValue(name, out var theirs) || theirs.Required != attribute.Required || !theirs.Type.Equals(attribute.Type))
                    {
                        return false;
                    }
                }

                return true;
            case SchemaTypeKind.Entity:
            case SchemaTypeKind.Extension:
                return string.Equals(Name, other.Name, StringComparison.Ordinal);
            default:
                return true;
        }
    }

    public override bool Equals(object? obj) => obj is SchemaType other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, Attributes?.Count ?? 0);

    /// <summary>Cedar's spelling of the type, as error messages show it.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder, 0);
        return builder.ToString();
    }

    private void Append(StringBuilder builder, int depth)
    {
        if (depth > 32)
        {
            builder.Append('…');
            return;
        }

        switch (Kind)
        {
            case SchemaTypeKind.Bool: builder.Append("Bool"); break;
            case SchemaTypeKind.Long: builder.Append("Long"); break;
            case SchemaTypeKind.String: builder.Append("String"); break;
            case SchemaTypeKind.Set:
                builder.Append("Set<");
                Element!.Append(builder, depth + 1);
                builder.Append('>');
                break;
            case SchemaTypeKind.Record:
                builder.Append('{');
                var first = true;
                foreach (var (name, attribute) in Attributes!.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? " " : ", ").Append(name).Append(attribute.Required ? ": " : "?: ");
                    attribute.Type.Append(builder, depth + 1);
                    first = false;
                }

                builder.Append(first ? "}" : " }");
                break;
            default:
                builder.Append(Name);
                break;
        }
    }
}
