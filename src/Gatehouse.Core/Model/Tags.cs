namespace Gatehouse.Core.Model;

/// <summary>The tag vocabulary shared by classifiers and the decision layer.</summary>
public static class Tags
{
    public const string Recursive = "recursive";
    public const string Force = "force";
    /// <summary>The classifier could not see what runs (dynamic code, unparseable input, unknown script).</summary>
    public const string Opaque = "opaque";
    /// <summary>Every target lies inside the working directory and is regenerable (build output, caches).</summary>
    public const string WorkspaceLocal = "workspace-local";
    /// <summary>The target is a temporary location (/tmp, $TMPDIR).</summary>
    public const string Temporary = "temporary";
    /// <summary>The target is a filesystem root, the home directory, or a system directory.</summary>
    public const string SystemPath = "system-path";
    /// <summary>The target path is built from a variable or substitution whose value is unknown.</summary>
    public const string DynamicTarget = "dynamic-target";
    /// <summary>Every row of a table (no WHERE, or an always-true WHERE).</summary>
    public const string AllRows = "all-rows";
    /// <summary>Deletion without the final snapshot or backup the provider would otherwise take.</summary>
    public const string NoFinalSnapshot = "no-final-snapshot";
    /// <summary>The action destroys backups or snapshots.</summary>
    public const string DestroysBackups = "destroys-backups";
    /// <summary>Reading or searching for secrets: credential files, environment dumps, token greps.</summary>
    public const string CredentialAccess = "credential-access";
    /// <summary>A safe counterpart of a destructive command: dry runs, plans, diffs.</summary>
    public const string DryRun = "dry-run";
    /// <summary>Runs on another host (ssh).</summary>
    public const string Remote = "remote";
    /// <summary>Input carried invisible or look-alike Unicode characters that were normalized.</summary>
    public const string UnicodeObfuscation = "unicode-obfuscation";
    /// <summary>The input could not be parsed.</summary>
    public const string ParseError = "parse-error";
    /// <summary>Touches Gatehouse's own configuration, policy, or the agent's hook settings.</summary>
    public const string Tampering = "tampering";
    /// <summary>A cascade widens the blast radius (TRUNCATE … CASCADE, DROP … CASCADE).</summary>
    public const string Cascade = "cascade";
    /// <summary>Reaches a whole collection: --all, all namespaces, every resource of a kind.</summary>
    public const string AllResources = "all-resources";

    /// <summary>Leaves the role, authorization or read-only mode the database session was opened with.</summary>
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
    public const string EmbeddedSql = "embedded-sql";

    /// <summary>A GraphQL request that names a stored query by hash and carries no query text.</summary>
    public const string PersistedQuery = "persisted-query";

    /// <summary>A GraphQL mutation sent with GET, which caches and logs treat as a read.</summary>
    public const string MutationViaGet = "mutation-via-get";

    /// <summary>Found by a heuristic over an unknown program's words, not by a catalog rule.</summary>
    public const string Heuristic = "heuristic";

    /// <summary>Data or secrets sent off the machine.</summary>
    public const string Exfiltration = "exfiltration";
}
