namespace Gatehouse.Core.Model;

/// <summary>
/// One normalized action found in an agent's proposal. A single command line can hold several;
/// each says what it does (verb), to what (target), through which tool, and how it was reached.
/// </summary>
public sealed record AgentAction
{
    public required Verb Verb { get; init; }

    public required ResourceRef Target { get; init; }

    /// <summary>The program or language that performs the action, e.g. <c>rm</c>, <c>kubectl</c>, <c>sql</c>.</summary>
    public required string Tool { get; init; }

    public required bool Reversible { get; init; }

    public required Risk Risk { get; init; }

    /// <summary>The wrappers it was found through, e.g. <c>shell&gt;sudo&gt;bash -c&gt;psql&gt;sql</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The catalog or classifier rule that produced this action, for explanations and policy.</summary>
    public required string RuleId { get; init; }

    /// <summary>A short human explanation of what the rule saw.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Facts that matter to policy but are not a verb, e.g. <c>recursive</c>, <c>force</c>,
    /// <c>no-final-snapshot</c>, <c>all-rows</c>, <c>opaque</c>, <c>workspace-local</c>, <c>credential-access</c>.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Raw environment evidence from the input (flag values, host names, contexts), before resolution.</summary>
    public IReadOnlyList<string> EnvironmentHints { get; init; } = [];

    public Actor Actor { get; init; } = Actor.Unknown;

    public bool HasTag(string tag)
    {
        foreach (var t in Tags)
        {
            if (string.Equals(t, tag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
