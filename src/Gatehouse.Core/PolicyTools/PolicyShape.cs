using Gatehouse.Cedar;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// The syntactic shape of one policy, read from its canonical printed form (every policy prints the
/// same way whatever its source spacing): the three scope constraints and the condition bodies.
/// Lint reasons only about this text, so it proves nothing it cannot see.
/// </summary>
/// <param name="Effect">Permit or forbid.</param>
/// <param name="Principal">The principal constraint as printed ("principal", "principal is T", …).</param>
/// <param name="Action">The action constraint as printed.</param>
/// <param name="Resource">The resource constraint as printed.</param>
/// <param name="Conditions">Each condition as (is-when, body), in order.</param>
internal sealed record PolicyShape(PolicyEffect Effect, string Principal, string Action, string Resource, IReadOnlyList<(bool IsWhen, string Body)> Conditions)
{
    private const string WhenOpen = "\nwhen { ";
    private const string UnlessOpen = "\nunless { ";

    /// <summary>Everything but the annotations: two policies with the same body decide identically.</summary>
    public string Body => $"{Effect} ({Principal}, {Action}, {Resource}){string.Concat(Conditions.Select(c => $" {(c.IsWhen ? "when" : "unless")} {{ {c.Body} }}"))}";

    public static PolicyShape Of(Cedar.Policy policy)
    {
        var text = policy.ToString();
        var open = text.IndexOf(" (\n  ", StringComparison.Ordinal);
        var close = text.IndexOf("\n)", open, StringComparison.Ordinal);
        var scope = text[(open + 5)..close].Split(",\n  ");
        var conditions = new List<(bool, string)>();
        var rest = text[(close + 2)..];
        if (rest.EndsWith(';'))
        {
            rest = rest[..^1];
        }

        while (rest.Length > 0)
        {
            var isWhen = rest.StartsWith(WhenOpen, StringComparison.Ordinal);
            var header = isWhen ? WhenOpen : UnlessOpen;
            var next = NextCondition(rest, header.Length);
            var body = rest[header.Length..next];
            conditions.Add((isWhen, body.EndsWith(" }", StringComparison.Ordinal) ? body[..^2] : body));
            rest = rest[next..];
        }

        return new PolicyShape(policy.Effect, scope[0], scope[1], scope[2], conditions);
    }

    /// <summary>True when every constraint of <paramref name="other"/> is unconstrained or the same as this one's.</summary>
    public bool ScopeWithin(PolicyShape other) =>
        Covers(other.Principal, Principal, "principal") && Covers(other.Action, Action, "action") && Covers(other.Resource, Resource, "resource");

    private static bool Covers(string broader, string narrower, string variable) =>
        string.Equals(broader, variable, StringComparison.Ordinal) || string.Equals(broader, narrower, StringComparison.Ordinal);

    private static int NextCondition(string rest, int from)
    {
        var when = rest.IndexOf(" }" + WhenOpen, from, StringComparison.Ordinal);
        var unless = rest.IndexOf(" }" + UnlessOpen, from, StringComparison.Ordinal);
        var next = (when, unless) switch
        {
            (< 0, < 0) => rest.Length,
            (< 0, _) => unless + 2,
            (_, < 0) => when + 2,
            _ => Math.Min(when, unless) + 2,
        };
        return next;
    }
}
