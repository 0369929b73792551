namespace Gatehouse.Core.Hooks;

/// <summary>Cheap tests for whether a tool argument is SQL or a GraphQL document, before the real classifiers see it.</summary>
internal static class NestedLanguage
{
    private static readonly string[] SqlLeadWords =
    [
        "select", "insert", "update", "delete", "drop", "create", "alter", "truncate", "with", "grant", "revoke", "merge", "copy",
        "vacuum", "reindex", "call", "do", "explain", "replace", "upsert", "rename", "comment", "lock", "cluster", "refresh",
        "discard", "execute", "prepare", "set", "reset", "begin", "commit", "rollback", "analyze", "show", "use", "load",
    ];

    /// <summary>Words that, after a SQL lead word, make a sentence a statement (<c>delete from</c>, <c>drop table</c>), not prose (<c>delete the file</c>).</summary>
    private static readonly string[] SqlShapeWords =
    [
        " from ", " into ", " set ", " table ", " database ", " schema ", " index ", " view ", " function ", " role ", " user ",
        " sequence ", " trigger ", " extension ", " column ", " owned ", " all ", " on ", " values", "(", ";", "*",
    ];

    public static bool LooksLikeSql(string text)
    {
        var trimmed = SkipLeadingComments(text.AsSpan());
        if (trimmed.Length < 4)
        {
            return false;
        }

        var end = 0;
        while (end < trimmed.Length && char.IsAsciiLetter(trimmed[end]))
        {
            end++;
        }

        var lead = trimmed[..end];
        var known = false;
        foreach (var word in SqlLeadWords)
        {
            if (lead.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                known = true;
                break;
            }
        }

        if (!known || (end < trimmed.Length && !(char.IsWhiteSpace(trimmed[end]) || trimmed[end] is ';' or '(')))
        {
            return false;
        }

        var lowered = " " + trimmed.ToString().ToLowerInvariant().Replace('\n', ' ').Replace('\t', ' ').Replace('\r', ' ') + " ";
        foreach (var shape in SqlShapeWords)
        {
            if (lowered.Contains(shape, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return lead.Equals("truncate", StringComparison.OrdinalIgnoreCase) || lead.Equals("vacuum", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An operation (<c>mutation …{</c>, <c>query …{</c>), a fragment, a request body carrying <c>"query"</c>, or — when
    /// the field is named for GraphQL — a bare selection set.
    /// </summary>
    public static bool LooksLikeGraphQL(string text, bool graphQLField)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length < 2 || trimmed.IndexOf('{') < 0)
        {
            return false;
        }

        foreach (var keyword in (ReadOnlySpan<string>)["mutation", "query", "subscription", "fragment"])
        {
            if (trimmed.StartsWith(keyword, StringComparison.Ordinal) && trimmed.Length > keyword.Length
                && (char.IsWhiteSpace(trimmed[keyword.Length]) || trimmed[keyword.Length] is '{' or '('))
            {
                return true;
            }
        }

        if (trimmed[0] == '{')
        {
            // A JSON request body {"query": "mutation …"} or, in a field named for it, a bare selection set.
            return graphQLField || trimmed.Contains("\"query\"", StringComparison.Ordinal);
        }

        return false;
    }

    private static ReadOnlySpan<char> SkipLeadingComments(ReadOnlySpan<char> text)
    {
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var newline = text.IndexOf('\n');
                text = newline < 0 ? [] : text[(newline + 1)..];
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var close = text.IndexOf("*/", StringComparison.Ordinal);
                text = close < 0 ? [] : text[(close + 2)..];
            }
            else
            {
                return text;
            }
        }
    }
}
