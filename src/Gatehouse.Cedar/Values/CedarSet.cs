namespace Gatehouse.Cedar;

/// <summary>A Cedar set: duplicates removed, order irrelevant to equality.</summary>
public sealed class CedarSet : CedarValue
{
    public static readonly CedarSet Empty = new([]);

    private readonly CedarValue[] _items;
    private HashSet<CedarValue>? _lookup;

    private CedarSet(CedarValue[] items) => _items = items;

    public IReadOnlyList<CedarValue> Items => _items;

    public int Count => _items.Length;

    public override string TypeName => "set";

    public static CedarSet Of(IEnumerable<CedarValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var seen = new HashSet<CedarValue>();
        var unique = new List<CedarValue>();
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (seen.Add(item))
            {
                unique.Add(item);
            }
        }

        return unique.Count == 0 ? Empty : new CedarSet([.. unique]) { _lookup = unique.Count > 8 ? seen : null };
    }

    public bool Contains(CedarValue value)
    {
        if (_items.Length <= 8)
        {
            foreach (var item in _items)
            {
                if (item.Equals(value))
                {
                    return true;
                }
            }

            return false;
        }

        _lookup ??= [.. _items];
        return _lookup.Contains(value);
    }

    public override bool Equals(CedarValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not CedarSet set || set._items.Length != _items.Length)
        {
            return false;
        }

        foreach (var item in _items)
        {
            if (!set.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = _items.Length;
        foreach (var item in _items)
        {
            hash += item.GetHashCode();
        }

        return hash;
    }

    public override string ToString() => "[" + string.Join(", ", _items.Select(i => i.ToString())) + "]";
}
