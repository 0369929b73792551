using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar;

/// <summary>An entity's identity: its full type path (e.g. <c>Ns::User</c>) and its id.</summary>
public readonly record struct EntityUid(string Type, string Id)
{
    /// <summary>The Cedar spelling, e.g. <c>Ns::User::"alice"</c>, with the id escaped.</summary>
    public override string ToString() => Type + "::" + CedarStrings.Quote(Id);

    /// <summary>Reads Cedar text such as <c>User::"alice"</c>; anything else throws <see cref="CedarException"/>.</summary>
    public static EntityUid Parse(string cedarText)
    {
        ArgumentNullException.ThrowIfNull(cedarText);
        return Parser.ParseEntityUid(cedarText);
    }
}
