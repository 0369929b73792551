using Gatehouse.Core.Model;

namespace Gatehouse.Core.Reporting;

/// <summary>The lower-case names enums have on the wire (JSON output, policies, audit).</summary>
public static class WireNames
{
    public static string Of(Decision decision) => decision switch
    {
        Decision.Allow => "allow",
        Decision.Approve => "approve",
        Decision.Deny => "deny",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string Of(Risk risk) => risk switch
    {
        Risk.None => "none",
        Risk.Low => "low",
        Risk.Medium => "medium",
        Risk.High => "high",
        Risk.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, null),
    };

    public static string Of(Verb verb) => verb switch
    {
        Verb.Unknown => "unknown",
        Verb.Read => "read",
        Verb.List => "list",
        Verb.Create => "create",
        Verb.Update => "update",
        Verb.Delete => "delete",
        Verb.Execute => "execute",
        Verb.Grant => "grant",
        Verb.Revoke => "revoke",
        Verb.Deploy => "deploy",
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
    };
}
