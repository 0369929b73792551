namespace Gatehouse.Core.Sql;

/// <summary>Tags specific to database actions, used until they join the shared vocabulary in Model/Tags.cs.</summary>
internal static class SqlTags
{
    /// <summary>Leaves the role, authorization or read-only mode the session was opened with.</summary>
    public const string SessionEscape = "session-escape";

    /// <summary>Takes locks that block reads or writes for the duration (table rewrite, non-concurrent index).</summary>
    public const string LockHeavy = "lock-heavy";

    /// <summary>Writes a file on the database server's host.</summary>
    public const string ServerFileWrite = "server-file-write";

    /// <summary>Reads a file on the database server's host into the database.</summary>
    public const string ServerFileRead = "server-file-read";

    /// <summary>Weakens row-level security, triggers or other guards the schema relies on.</summary>
    public const string SecurityDowngrade = "security-downgrade";

    /// <summary>The effect happens later: when a trigger fires or a scheduled event runs.</summary>
    public const string Deferred = "deferred";

    /// <summary>Statements executed from a prepared statement or an embedded SQL string.</summary>
    public const string Embedded = "embedded-sql";
}
