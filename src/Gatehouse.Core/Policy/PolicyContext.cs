namespace Gatehouse.Core.Policy;

/// <summary>
/// Organizational state policies read but do not define: code freezes (and, later, change windows).
/// Loaded from a YAML file (<c>gatehouse check --context FILE</c>) into the same snapshot as the policies.
/// </summary>
public sealed class PolicyContext
{
    public PolicyContext(IReadOnlyList<CodeFreeze> codeFreezes)
    {
        ArgumentNullException.ThrowIfNull(codeFreezes);
        CodeFreezes = codeFreezes;
    }

    public static PolicyContext Empty { get; } = new([]);

    public IReadOnlyList<CodeFreeze> CodeFreezes { get; }

    /// <summary>Whether a freeze in force at <paramref name="time"/> covers any of the <paramref name="reached"/> environments.</summary>
    public bool IsFrozen(IReadOnlyList<string> reached, DateTimeOffset time)
    {
        foreach (var freeze in CodeFreezes)
        {
            if (freeze.Covers(reached, time))
            {
                return true;
            }
        }

        return false;
    }
}
