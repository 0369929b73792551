using System.Collections.Immutable;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// What one engine answered for an authorization case, in the form both engines can be compared in: refused
/// as a whole (parse error, malformed entities or request), or a decision with the determining and erroring
/// policy ids as sets. Detail carries messages for the report only; it is never compared.
/// </summary>
internal sealed record AuthorizationOutcome(
    bool Refused, bool Allow, ImmutableSortedSet<string> Determining, ImmutableSortedSet<string> Erroring, string Detail, bool Crashed = false)
{
    public static AuthorizationOutcome Refusal(string detail) => new(true, false, [], [], detail);

    /// <summary>An exception that is not a CedarException: a bug whatever the other engine says.</summary>
    public static AuthorizationOutcome Crash(Exception exception) => new(true, false, [], [], "crash: " + exception, Crashed: true);

    public bool Agrees(AuthorizationOutcome other) =>
        !Crashed && !other.Crashed
        && Refused == other.Refused
        && (Refused || (Allow == other.Allow && Determining.SetEquals(other.Determining) && Erroring.SetEquals(other.Erroring)));

    public override string ToString() => Refused
        ? "refused: " + Detail
        : $"{(Allow ? "ALLOW" : "DENY")} determining=[{string.Join(", ", Determining)}] erroring=[{string.Join(", ", Erroring)}]"
          + (Detail.Length == 0 ? "" : " (" + Detail + ")");
}

/// <summary>What one engine answered for a validation case: refused as a whole, or valid/invalid with the ids of the policies that failed.</summary>
internal sealed record ValidationOutcome(bool Refused, bool Valid, ImmutableSortedSet<string> Failing, string Detail, bool Crashed = false)
{
    public bool Agrees(ValidationOutcome other) =>
        !Crashed && !other.Crashed
        && Refused == other.Refused && (Refused || (Valid == other.Valid && Failing.SetEquals(other.Failing)));

    public override string ToString() => Refused
        ? "refused: " + Detail
        : (Valid ? "valid" : $"invalid failing=[{string.Join(", ", Failing)}]") + (Detail.Length == 0 ? "" : " (" + Detail + ")");
}
