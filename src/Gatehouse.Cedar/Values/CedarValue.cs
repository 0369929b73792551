using System.Text.Json;
using Gatehouse.Cedar.Json;

namespace Gatehouse.Cedar;

/// <summary>An immutable Cedar value; Equals and GetHashCode follow Cedar's <c>==</c>.</summary>
public abstract class CedarValue : IEquatable<CedarValue>
{
    private protected CedarValue()
    {
    }

    /// <summary>Cedar's name for the value's type, as used in error messages (bool, long, string, entity, set, record, …).</summary>
    public abstract string TypeName { get; }

    public static CedarBool Of(bool value) => value ? CedarBool.True : CedarBool.False;

    /// <summary>Small longs (counts, levels, offsets) come from a shared table, so arithmetic in a policy rarely allocates.</summary>
    public static CedarLong Of(long value) =>
        (ulong)(value - SmallLongs.Minimum) < (ulong)SmallLongs.Table.Length ? SmallLongs.Table[value - SmallLongs.Minimum] : new(value);

    public static CedarString Of(string value) => new(value);

    public static CedarEntityRef Of(EntityUid value) => new(value);

    /// <summary>Reads Cedar's JSON value format (with <c>__entity</c> and <c>__extn</c> escapes).</summary>
    public static CedarValue FromJson(JsonElement json) => JsonInput.Guard(() => CedarJsonReader.ReadValue(json, "value", 0), "value");

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CedarJsonWriter.Write(writer, this);
    }

    public abstract bool Equals(CedarValue? other);

    public sealed override bool Equals(object? obj) => obj is CedarValue other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>The value in Cedar syntax.</summary>
    public abstract override string ToString();
}
