namespace Gatehouse.Core.Policy;

/// <summary>A code freeze: while it is in force, policies see <c>context.code_freeze</c> for actions reaching its environments.</summary>
/// <param name="Environments">The environments frozen; empty means every environment.</param>
/// <param name="From">When it starts; null for "already in force".</param>
/// <param name="Until">When it ends; null for "until lifted".</param>
/// <param name="Reason">Why, for explanations.</param>
public sealed record CodeFreeze(IReadOnlyList<string> Environments, DateTimeOffset? From, DateTimeOffset? Until, string Reason)
{
    public bool Covers(IReadOnlyList<string> reached, DateTimeOffset time)
    {
        if ((From is { } from && time < from) || (Until is { } until && time >= until))
        {
            return false;
        }

        if (Environments.Count == 0)
        {
            return true;
        }

        foreach (var environment in reached)
        {
            foreach (var frozen in Environments)
            {
                if (string.Equals(environment, frozen, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
