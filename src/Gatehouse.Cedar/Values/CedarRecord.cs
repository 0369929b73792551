using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar;

/// <summary>A Cedar record: string keys (unique) to values.</summary>
public sealed class CedarRecord : CedarValue
{
    public static readonly CedarRecord Empty = new(new Dictionary<string, CedarValue>(StringComparer.Ordinal));

    private readonly Dictionary<string, CedarValue> _fields;

    private CedarRecord(Dictionary<string, CedarValue> fields) => _fields = fields;

    public IReadOnlyDictionary<string, CedarValue> Fields => _fields;

    public override string TypeName => "record";

    /// <summary>Builds a record; a repeated key throws <see cref="CedarException"/>.</summary>
    public static CedarRecord Of(IEnumerable<KeyValuePair<string, CedarValue>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var dictionary = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!dictionary.TryAdd(key, value))
            {
                throw new CedarException($"duplicate record key '{key}'");
            }
        }

        return dictionary.Count == 0 ? Empty : new CedarRecord(dictionary);
    }

    internal static CedarRecord Wrap(Dictionary<string, CedarValue> fields) => new(fields);

    public bool TryGetValue(string key, out CedarValue value) => _fields.TryGetValue(key, out value!);

    public override bool Equals(CedarValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not CedarRecord record || record._fields.Count != _fields.Count)
        {
            return false;
        }

        foreach (var (key, value) in _fields)
        {
            if (!record._fields.TryGetValue(key, out var theirs) || !theirs.Equals(value))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = _fields.Count;
        foreach (var (key, value) in _fields)
        {
            hash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value.GetHashCode());
        }

        return hash;
    }

    public override string ToString()
    {
        var keys = _fields.Keys.Order(StringComparer.Ordinal);
        return "{" + string.Join(", ", keys.Select(k => CedarStrings.Quote(k) + ": " + _fields[k])) + "}";
    }
}
