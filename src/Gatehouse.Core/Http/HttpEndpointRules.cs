using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>Matches a request against the provider REST rules of the HTTP catalog.</summary>
internal static class HttpEndpointRules
{
    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var host = context.Url.Host;
        foreach (var rule in HttpProviderCatalog.Instance.Rules)
        {
            if ((rule.Method != "*" && !string.Equals(rule.Method, context.Method, StringComparison.Ordinal)) ||
                !HttpProviderCatalog.HostMatches(host, rule.Host) ||
                !TryMatchPath(rule.PathSegments, context.Url.Segments, out var id))
            {
                continue;
            }

            var risk = rule.Risk;
            var tags = rule.Tags;
            var reason = rule.Reason;
            if (rule.AllRowsUnlessFiltered && PostgRestFilters.MatchesEveryRow(context.Url.Query))
            {
                risk = Risk.Critical;
                tags = [.. tags, Tags.AllRows];
                reason += context.Url.Query.Count == 0 ? " No filter: every row." : " Its filters match every row.";
            }

            return context.Action(rule.Verb, risk, rule.Kind, id ?? context.Url.Endpoint, rule.RuleId, reason, tags);
        }

        return null;
    }

    /// <summary>
    /// Pattern segments: a literal (case-insensitive), <c>*</c> for any one segment, <c>{id}</c> for any one
    /// segment captured as the target id, and a trailing <c>**</c> for any remainder.
    /// </summary>
    internal static bool TryMatchPath(string[] pattern, IReadOnlyList<string> segments, out string? id)
    {
        id = null;
        for (var i = 0; i < pattern.Length; i++)
        {
            var part = pattern[i];
            if (part == "**")
            {
                return segments.Count > i;
            }

            if (i >= segments.Count)
            {
                return false;
            }

            if (part == "*")
            {
                continue;
            }

            if (part.Length > 2 && part[0] == '{' && part[^1] == '}')
            {
                id = segments[i];
                continue;
            }

            if (!string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return pattern.Length == segments.Count;
    }
}
