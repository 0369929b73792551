namespace Gatehouse.Cedar;

public sealed class CedarEntityRef(EntityUid uid) : CedarValue
{
    public EntityUid Uid { get; } = uid;

    public override string TypeName => "entity";

    public override bool Equals(CedarValue? other) => other is CedarEntityRef e && e.Uid == Uid;

    public override int GetHashCode() => Uid.GetHashCode();

    public override string ToString() => Uid.ToString();
}
