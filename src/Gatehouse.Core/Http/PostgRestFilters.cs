using System.Collections.Frozen;
using System.Globalization;

namespace Gatehouse.Core.Http;

/// <summary>
/// Reads PostgREST query strings (<c>?id=eq.42&amp;select=id</c>) to tell a targeted write from one that reaches
/// every row: no filter at all, or only filters any real row satisfies (<c>id=gt.0</c>, <c>id=not.is.null</c>).
/// </summary>
internal static class PostgRestFilters
{
    // Parameters that shape the request or response but do not narrow which rows are written.
    private static readonly FrozenSet<string> NonFilterParameters = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "select", "order", "columns", "on_conflict", "apikey");

    // A limit bounds a write to a few rows, whatever the filters say.
    private static readonly FrozenSet<string> BoundingParameters = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "limit");

    /// <summary>True when the query leaves every row of the table selected.</summary>
    public static bool MatchesEveryRow(IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        foreach (var pair in query)
        {
            if (BoundingParameters.Contains(pair.Key))
            {
                return false;
            }

            if (NonFilterParameters.Contains(pair.Key))
            {
                continue;
            }

            if (!IsTautology(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An operator expression every stored row satisfies. Unknown shapes count as real filters.</summary>
    internal static bool IsTautology(string? expression)
    {
        if (string.IsNullOrEmpty(expression))
        {
            // "?id" or "?id=" filters nothing PostgREST can apply; it selects no narrower set.
            return true;
        }

        var text = expression.Trim();
        if (text.Equals("not.is.null", StringComparison.OrdinalIgnoreCase) || text.Equals("is.not.null", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        var op = text[..dot];
        var operand = text[(dot + 1)..];
        return op.ToLowerInvariant() switch
        {
            // Serial and identity keys start at 1: "> 0" or ">= 1" is every row.
            "gt" => IsNumberAtMost(operand, 0),
            "gte" => IsNumberAtMost(operand, 1),
            "like" or "ilike" => IsOnlyWildcards(operand),
            "match" or "imatch" => operand is "" or ".*" or "^" or "^.*" or ".*$" or "^.*$",
            _ => false,
        };
    }

    private static bool IsNumberAtMost(string operand, decimal bound) =>
        decimal.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value <= bound;

    private static bool IsOnlyWildcards(string operand)
    {
        if (operand.Length == 0)
        {
            return false;
        }

        foreach (var c in operand)
        {
            if (c is not ('*' or '%'))
            {
                return false;
            }
        }

        return true;
    }
}
