namespace Gatehouse.Cedar;

public sealed class CedarBool : CedarValue
{
    internal static readonly CedarBool True = new(true);
    internal static readonly CedarBool False = new(false);

    private CedarBool(bool value) => Value = value;

    public bool Value { get; }

    public override string TypeName => "bool";

    public override bool Equals(CedarValue? other) => other is CedarBool b && b.Value == Value;

    public override int GetHashCode() => Value ? 1 : 2;

    public override string ToString() => Value ? "true" : "false";
}
