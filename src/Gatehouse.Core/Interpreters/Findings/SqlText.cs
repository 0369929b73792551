using System.Collections.Frozen;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>Tells SQL text from other strings by its first keyword; the SQL classifier does the rest.</summary>
internal static class SqlText
{
    private static readonly FrozenSet<string> LeadingKeywords = new[]
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "TRUNCATE", "ALTER", "CREATE", "GRANT", "REVOKE", "WITH", "REPLACE", "MERGE",
        "UPSERT", "BEGIN", "COMMIT", "ROLLBACK", "SET", "SHOW", "EXPLAIN", "VACUUM", "COPY", "CALL", "EXEC", "EXECUTE", "USE", "RENAME",
        "COMMENT", "PRAGMA", "ATTACH", "DETACH", "LOCK", "DO", "REINDEX", "CLUSTER", "ANALYZE", "VALUES", "TABLE", "START", "SAVEPOINT",
        "RELEASE", "DECLARE", "REFRESH", "DISCARD", "RESET", "REASSIGN", "SECURITY", "LOAD", "IMPORT", "LISTEN", "NOTIFY", "PREPARE",
        "DEALLOCATE", "FLUSH", "OPTIMIZE", "KILL", "HANDLER", "INSTALL", "UNINSTALL", "DESCRIBE", "DESC",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool LooksLikeSql(string text)
    {
        var span = text.AsSpan().TrimStart();
        while (span.Length > 0 && span[0] == '(')
        {
            span = span[1..].TrimStart();
        }

        if (span.StartsWith("--", StringComparison.Ordinal) || span.StartsWith("/*", StringComparison.Ordinal))
        {
            return true;
        }

        var end = 0;
        while (end < span.Length && char.IsAsciiLetter(span[end]))
        {
            end++;
        }

        if (end == 0 || (end < span.Length && !(char.IsWhiteSpace(span[end]) || span[end] is ';' or '(' or '*')))
        {
            return false;
        }

        // A lone keyword-like word ("show", "do") is not SQL; SQL statements have more than one word.
        var word = span[..end].ToString();
        return LeadingKeywords.Contains(word) && (end < span.Length || word.Equals("COMMIT", StringComparison.OrdinalIgnoreCase) || word.Equals("ROLLBACK", StringComparison.OrdinalIgnoreCase) || word.Equals("BEGIN", StringComparison.OrdinalIgnoreCase));
    }
}
