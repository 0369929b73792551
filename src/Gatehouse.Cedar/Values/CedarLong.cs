using System.Globalization;

namespace Gatehouse.Cedar;

public sealed class CedarLong(long value) : CedarValue
{
    public long Value { get; } = value;

    public override string TypeName => "long";

    public override bool Equals(CedarValue? other) => other is CedarLong l && l.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
