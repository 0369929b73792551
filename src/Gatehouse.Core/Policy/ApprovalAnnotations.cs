using System.Globalization;
using Gatehouse.Cedar;
using CedarPolicy = Gatehouse.Cedar.Policy;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Reads a permit's approval annotations: <c>@approval("N")</c> with optional <c>@approvers("a, b")</c>,
/// <c>@ttl("15m")</c> and <c>@cooldown("5m")</c>. Checked when the snapshot loads, so a typo never
/// turns an approval into a plain allow at decision time.
/// </summary>
internal static class ApprovalAnnotations
{
    public const string Approval = "approval";
    public const string Approvers = "approvers";
    public const string Ttl = "ttl";
    public const string Cooldown = "cooldown";

    /// <summary>The requirement a policy states; null for a plain permit (or a forbid). Errors name the policy.</summary>
    public static ApprovalRequirement? Read(CedarPolicy policy, string displayName, out string? error)
    {
        error = null;
        var annotations = policy.Annotations;
        var hasApproval = annotations.TryGetValue(Approval, out var countText);
        if (!hasApproval)
        {
            foreach (var key in (ReadOnlySpan<string>)[Approvers, Ttl, Cooldown])
            {
                if (annotations.ContainsKey(key))
                {
                    // An @approvers or @ttl without @approval reads as a gate but would allow outright.
                    error = $"{displayName}: @{key} without @approval(\"N\").";
                    return null;
                }
            }

            return null;
        }

        if (policy.Effect == PolicyEffect.Forbid)
        {
            error = $"{displayName}: @approval on a forbid has no meaning; a forbid always denies.";
            return null;
        }

        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 100)
        {
            error = $"{displayName}: @approval(\"{countText}\") must be a whole number of approvers from 1 to 100.";
            return null;
        }

        string[] groups = [];
        if (annotations.TryGetValue(Approvers, out var groupText))
        {
            groups = groupText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (groups.Length == 0)
            {
                error = $"{displayName}: @approvers(\"{groupText}\") names no group.";
                return null;
            }

            Array.Sort(groups, StringComparer.Ordinal);
            groups = [.. groups.Distinct(StringComparer.Ordinal)];
        }

        TimeSpan? ttl = null;
        if (annotations.TryGetValue(Ttl, out var ttlText))
        {
            if (!DurationText.TryParse(ttlText, out var parsed) || parsed <= TimeSpan.Zero)
            {
                error = $"{displayName}: @ttl(\"{ttlText}\") is not a duration such as \"15m\".";
                return null;
            }

            ttl = parsed;
        }

        var cooldown = TimeSpan.Zero;
        if (annotations.TryGetValue(Cooldown, out var cooldownText) && !DurationText.TryParse(cooldownText, out cooldown))
        {
            error = $"{displayName}: @cooldown(\"{cooldownText}\") is not a duration such as \"5m\".";
            return null;
        }

        return new ApprovalRequirement(count, groups, ttl, cooldown);
    }
}
