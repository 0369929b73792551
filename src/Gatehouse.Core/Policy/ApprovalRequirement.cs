namespace Gatehouse.Core.Policy;

/// <summary>
/// What an approval must look like before an action may run: how many distinct people (never the
/// requester), from which groups, how long the approval stays valid, and how long to wait after it.
/// </summary>
/// <param name="Approvers">The number of distinct approvers required (at least 1).</param>
/// <param name="ApproverGroups">
/// Every group any matching policy named. Each listed group must be represented among the approvers;
/// empty means anyone allowed to approve may. Sorted, without duplicates.
/// </param>
/// <param name="Ttl">How long a request stays approvable, and an approval usable; null when no policy limits it.</param>
/// <param name="Cooldown">How long after approval before the action may run (anyone can cancel meanwhile); zero when none.</param>
public sealed record ApprovalRequirement(int Approvers, IReadOnlyList<string> ApproverGroups, TimeSpan? Ttl, TimeSpan Cooldown)
{
    /// <summary>The stricter of two requirements: more approvers, every group, the shorter expiry, the longer cool-down.</summary>
    public ApprovalRequirement CombineStrictest(ApprovalRequirement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ApprovalRequirement(
            Math.Max(Approvers, other.Approvers),
            UnionSorted(ApproverGroups, other.ApproverGroups),
            (Ttl, other.Ttl) switch
            {
                (null, var right) => right,
                (var left, null) => left,
                ({ } left, { } right) => left <= right ? left : right,
            },
            Cooldown >= other.Cooldown ? Cooldown : other.Cooldown);
    }

    /// <summary>One line for people: "2 approvers (production-owners), valid 15m, 5m cool-down".</summary>
    public string Describe()
    {
        var text = Approvers == 1 ? "1 approver" : $"{Approvers} approvers";
        if (ApproverGroups.Count > 0)
        {
            text += $" ({string.Join(", ", ApproverGroups)})";
        }

        if (Ttl is { } ttl)
        {
            text += $", valid {DurationText.Format(ttl)}";
        }

        if (Cooldown > TimeSpan.Zero)
        {
            text += $", {DurationText.Format(Cooldown)} cool-down";
        }

        return text;
    }

    private static string[] UnionSorted(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var set = new SortedSet<string>(left, StringComparer.Ordinal);
        set.UnionWith(right);
        return [.. set];
    }
}
