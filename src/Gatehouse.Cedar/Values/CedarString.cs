using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar;

public sealed class CedarString(string value) : CedarValue
{
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    public override string TypeName => "string";

    public override bool Equals(CedarValue? other) => other is CedarString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => CedarStrings.Quote(Value);
}
