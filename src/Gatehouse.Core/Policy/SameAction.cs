using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Actions equal in everything a decision reads. An input often repeats one action (150 identical
/// <c>SELECT</c>s in a heredoc); deciding it once and reusing the verdict keeps a long input linear in what
/// is distinct rather than in its length. Lists are compared by content, which record equality does not do.
/// </summary>
internal sealed class SameAction : IEqualityComparer<AgentAction>
{
    public static SameAction Instance { get; } = new();

    private SameAction()
    {
    }

    public bool Equals(AgentAction? x, AgentAction? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return x.Verb == y.Verb
            && x.Reversible == y.Reversible
            && x.Risk == y.Risk
            && string.Equals(x.Target.Kind, y.Target.Kind, StringComparison.Ordinal)
            && string.Equals(x.Target.Id, y.Target.Id, StringComparison.Ordinal)
            && string.Equals(x.Tool, y.Tool, StringComparison.Ordinal)
            && string.Equals(x.Path, y.Path, StringComparison.Ordinal)
            && string.Equals(x.RuleId, y.RuleId, StringComparison.Ordinal)
            && string.Equals(x.Reason, y.Reason, StringComparison.Ordinal)
            && x.Actor == y.Actor
            && SameItems(x.Target.Environments, y.Target.Environments)
            && SameItems(x.Tags, y.Tags)
            && SameItems(x.EnvironmentHints, y.EnvironmentHints);
    }

    public int GetHashCode(AgentAction obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Verb, obj.Risk, obj.Target.Kind, obj.Target.Id, obj.RuleId, obj.Path, obj.Tags.Count, obj.EnvironmentHints.Count);
    }

    private static bool SameItems(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
