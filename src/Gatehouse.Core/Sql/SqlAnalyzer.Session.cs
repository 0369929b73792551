using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>Session, transaction, maintenance and server-administration statements.</summary>
internal sealed partial class SqlAnalyzer
{
    private bool DispatchSessionOrAdmin(string keyword, int start, int end)
    {
        switch (keyword)
        {
            case "deallocate":
                var deallocated = SkipWords(start + 1, end, "prepare");
                if (IsWord(deallocated, end, "all"))
                {
                    _prepared.Clear();
                }
                else if (NameAt(deallocated, end) is { } name)
                {
                    _prepared.Remove(name);
                }

                return true;
            case "begin" or "start" or "commit" or "end" or "rollback" or "abort" or "savepoint" or "release" or "xa" or "unlock" or "detach":
                AnalyzeTransaction(keyword, start, end);
                return true;
            case "set":
                AnalyzeSet(start, end);
                return true;
            case "reset":
                AnalyzeReset(start, end);
                return true;
            case "discard":
                if (IsWord(start + 1, end, "all"))
                {
                    Emit(Verb.Update, Risk.High, "session", "all", "sql.session-escape", "DISCARD ALL resets the session role and settings", Tags.SessionEscape);
                }
                else
                {
                    Emit(Verb.Update, Risk.Low, "session", null, "sql.discard", "discards cached session state");
                }

                return true;
            case "use" when NameAt(start + 1, end) is { } database:
                SwitchConnection([database]);
                Emit(Verb.Read, Risk.None, "database", database, "sql.use", "switches the current database");
                return true;
            case "show" or "describe" or "desc" or "help" or "fetch" or "move" or "close" or "listen" or "unlisten" or "use" or "handler" or "check" or "checksum":
                var target = keyword is "describe" or "desc" ? NameAt(start + 1, end) : null;
                Emit(Verb.Read, Risk.None, target is null ? "database" : "table", target, "sql.read", "reads metadata or session state");
                return true;
            case "pragma" when _dialect == SqlDialect.Sqlite:
                AnalyzePragma(start, end);
                return true;
            case "do" when _dialect == SqlDialect.MySql:
                Emit(Verb.Read, Risk.None, "database", null, "sql.do-expression", "evaluates expressions");
                ScanExpressions(start + 1, end);
                return true;
            case "do":
                Emit(Verb.Execute, Risk.High, "code", null, "sql.do-block", "DO runs an anonymous code block whose effects are not visible", Tags.Opaque);
                ScanProceduralBody(start, end);
                return true;
            case "call":
                var afterName = start + 1;
                var procedure = ReadName(ref afterName, end);
                Emit(Verb.Execute, Risk.High, "procedure", procedure, "sql.call", "CALL runs a stored procedure whose effects are not visible", Tags.Opaque);
                ScanExpressions(afterName, end);
                return true;
            case "vacuum":
                AnalyzeVacuum(start, end);
                return true;
            case "analyze" or "analyse":
                Emit(Verb.Update, Risk.Low, "table", NameAt(SkipWords(start + 1, end, "verbose", "table", "local", "no_write_to_binlog"), end), "sql.analyze", "refreshes planner statistics");
                return true;
            case "cluster" or "optimize" or "repair":
                Emit(Verb.Update, Risk.High, "table", NameAt(SkipWords(start + 1, end, "verbose", "table", "local", "no_write_to_binlog"), end), "sql." + keyword, keyword.ToUpperInvariant() + " rewrites the table under an exclusive lock", Tags.LockHeavy);
                return true;
            case "reindex":
                AnalyzeReindex(start, end);
                return true;
            case "lock":
                var lockTarget = NameAt(SkipWords(start + 1, end, "table", "tables", "only"), end);
                Emit(Verb.Update, Risk.High, "table", lockTarget, "sql.lock-table", "LOCK blocks other sessions from the table", Tags.LockHeavy);
                return true;
            case "checkpoint":
                Emit(Verb.Update, Risk.Low, "server", null, "sql.checkpoint", "forces a checkpoint");
                return true;
            case "notify":
                Emit(Verb.Update, Risk.Low, "channel", NameAt(start + 1, end), "sql.notify", "sends a notification");
                return true;
            default:
                return DispatchServerAdmin(keyword, start, end);
        }
    }

    private bool DispatchServerAdmin(string keyword, int start, int end)
    {
        switch (keyword)
        {
            case "flush":
                var readLock = FindTopLevel(start, end, "lock") >= 0;
                Emit(Verb.Update, readLock ? Risk.High : Risk.Low, "server", null, "sql.flush", readLock ? "FLUSH … WITH READ LOCK blocks every write" : "flushes server caches or logs", readLock ? [Tags.LockHeavy] : []);
                return true;
            case "kill":
                Emit(Verb.Update, Risk.High, "session", null, "sql.kill", "KILL terminates another session or query");
                return true;
            case "shutdown":
                Emit(Verb.Update, Risk.Critical, "server", null, "sql.shutdown", "SHUTDOWN stops the database server");
                return true;
            case "restart":
                Emit(Verb.Update, Risk.High, "server", null, "sql.restart", "RESTART restarts the database server");
                return true;
            case "purge":
                Emit(Verb.Delete, Risk.Critical, "binary-logs", null, "sql.purge-binary-logs", "PURGE BINARY LOGS deletes the logs needed for point-in-time recovery and replicas", Tags.DestroysBackups);
                return true;
            case "change" or "stop":
                Emit(Verb.Update, Risk.High, "replication", null, "sql.replication", "changes or stops replication");
                return true;
            case "install" or "uninstall":
                Emit(Verb.Execute, Risk.High, "plugin", NameAt(start + 2, end), "sql.plugin", "loads or unloads server plugins", Tags.Opaque);
                return true;
            case "load":
                AnalyzeLoad(start, end);
                return true;
            case "attach":
                var file = IsKind(SkipWords(start + 1, end, "database"), end, SqlTokenKind.String) ? _tokens[SkipWords(start + 1, end, "database")].Text : null;
                Emit(Verb.Create, Risk.Medium, "database", file, "sql.attach", "ATTACH opens (or creates) another database file");
                return true;
            default:
                return false;
        }
    }

    private void AnalyzeTransaction(string keyword, int start, int end)
    {
        // BEGIN/START TRANSACTION READ WRITE overrides a read-only session default.
        if (keyword is "begin" or "start" && FindTopLevel(start, end, "write") >= 0 && FindTopLevel(start, end, "read") >= 0)
        {
            Emit(Verb.Update, Risk.High, "session", "transaction_read_only", "sql.session-escape", "starts a READ WRITE transaction, overriding a read-only session", Tags.SessionEscape);
            return;
        }

        if (keyword == "start" && !IsWord(start + 1, end, "transaction"))
        {
            Emit(Verb.Update, Risk.High, "replication", null, "sql.replication", "starts replication");
        }
    }

    private void AnalyzeSet(int start, int end)
    {
        var i = start + 1;
        var scope = IsKind(i, end, SqlTokenKind.Word) && _tokens[i].Text is "session" or "local" or "global" or "persist" or "persist_only"
            ? _tokens[i++].Text
            : "session";
        if (IsWord(i, end, "role") || IsWord(i, end, "authorization") || (IsWord(i, end, "session") && IsWord(i + 1, end, "authorization")))
        {
            Emit(Verb.Update, Risk.High, "session", "role", "sql.session-escape", "switches the session to another role", Tags.SessionEscape);
            return;
        }

        if ((IsWord(i, end, "transaction") || IsWord(i, end, "characteristics")) && FindTopLevel(i, end, "write") >= 0)
        {
            Emit(Verb.Update, Risk.High, "session", "transaction_read_only", "sql.session-escape", "switches the transaction to READ WRITE", Tags.SessionEscape);
            return;
        }

        if (IsWord(i, end, "password"))
        {
            Emit(Verb.Update, Risk.High, "role", null, "sql.set-password", "changes an account password");
            return;
        }

        var setting = SettingName(_tokens[i < end ? i : start], ref scope);
        if (FindGuardEscape(i, end) is { } escaped)
        {
            Emit(Verb.Update, Risk.High, "session", escaped, "sql.session-escape", "turns off a guard the session was opened with (" + escaped + ")", Tags.SessionEscape);
            return;
        }

        if (ChangesHowSqlIsRead(start, end))
        {
            Emit(Verb.Update, Risk.High, "session", "sql_mode", "sql.session-escape", "changes how later SQL is lexed (ANSI_QUOTES, NO_BACKSLASH_ESCAPES), which can hide statements from review", Tags.SessionEscape);
            return;
        }

        if (scope is "persist" or "persist_only")
        {
            Emit(Verb.Update, Risk.Critical, "server", setting, "sql.set-persist", "SET PERSIST rewrites the server configuration");
        }
        else if (scope == "global")
        {
            Emit(Verb.Update, Risk.High, "server", setting, "sql.set-global", "SET GLOBAL changes the configuration of every session");
        }
        else
        {
            Emit(Verb.Update, Risk.Low, "session", setting, "sql.set", "changes a session setting");
        }

        ScanExpressions(i, end);
    }

    /// <summary>MySQL assigns several variables in one SET (a = 1, @@sql_safe_updates = 0): every assignment is checked.</summary>
    private string? FindGuardEscape(int i, int end)
    {
        while (i < end)
        {
            var ignoredScope = string.Empty;
            if (IsKind(i, end, SqlTokenKind.Word) && _tokens[i].Text is "session" or "local" or "global" or "persist" or "persist_only")
            {
                i++;
            }

            if (i >= end)
            {
                return null;
            }

            var setting = SettingName(_tokens[i], ref ignoredScope);
            if (setting is not null && IsSessionGuardSetting(setting) && !KeepsGuard(setting, i + 1, end))
            {
                return setting;
            }

            while (i < end && _tokens[i].Kind != SqlTokenKind.Comma)
            {
                i = Next(i);
            }

            i++;
        }

        return null;
    }

    private bool ChangesHowSqlIsRead(int start, int end)
    {
        if (_dialect != SqlDialect.MySql)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var token = _tokens[i];
            if ((token.Kind == SqlTokenKind.String && (token.Text.Contains("ansi", StringComparison.OrdinalIgnoreCase) || token.Text.Contains("no_backslash_escapes", StringComparison.OrdinalIgnoreCase)))
                || (token.Kind == SqlTokenKind.Word && token.Text is "ansi_quotes" or "no_backslash_escapes" or "ansi"))
            {
                return true;
            }
        }

        return false;
    }

    private static string? SettingName(SqlToken token, ref string scope)
    {
        if (token.Kind == SqlTokenKind.Word)
        {
            return token.Text;
        }

        if (token.Kind != SqlTokenKind.Parameter || !token.Text.StartsWith("@@", StringComparison.Ordinal))
        {
            return null;
        }

        var name = token.Text[2..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            scope = name[..dot];
            name = name[(dot + 1)..];
        }

        return name;
    }

    /// <summary>
    /// True when the value assigned keeps the guard in place (read_only = on, session_replication_role = origin),
    /// which is harmless; any other or unknown value is treated as an escape.
    /// </summary>
    private bool KeepsGuard(string setting, int i, int end)
    {
        if (IsKind(i, end, SqlTokenKind.Operator) && _tokens[i].Text is "=" or ":=" || IsWord(i, end, "to"))
        {
            i++;
        }

        if (i >= end || _tokens[i].Kind == SqlTokenKind.Parameter)
        {
            return false;
        }

        var value = _tokens[i].Text.ToLowerInvariant();
        return setting == "session_replication_role"
            ? value is "origin" or "default"
            : value is "on" or "true" or "1" or "yes";
    }

    private void AnalyzeReset(int start, int end)
    {
        var i = start + 1;
        if (IsWord(i, end, "role") || IsWord(i, end, "all") || IsWord(i, end, "session") || (IsKind(i, end, SqlTokenKind.Word) && IsSessionGuardSetting(_tokens[i].Text)))
        {
            Emit(Verb.Update, Risk.High, "session", _tokens[i].Text, "sql.session-escape", "RESET " + _tokens[i].Text.ToUpperInvariant() + " drops the role or guards the session was set to", Tags.SessionEscape);
            return;
        }

        if (_dialect == SqlDialect.MySql && (IsWord(i, end, "master") || IsWord(i, end, "binary")))
        {
            Emit(Verb.Delete, Risk.Critical, "binary-logs", null, "sql.reset-binary-logs", "deletes every binary log needed for recovery and replicas", Tags.DestroysBackups);
            return;
        }

        if (_dialect == SqlDialect.MySql && (IsWord(i, end, "replica") || IsWord(i, end, "slave")))
        {
            Emit(Verb.Update, Risk.High, "replication", null, "sql.replication", "resets replication state");
            return;
        }

        Emit(Verb.Update, Risk.Low, "session", i < end ? _tokens[i].Text : null, "sql.reset", "restores a session setting to its default");
    }

    private void AnalyzePragma(int start, int end)
    {
        var name = NameAt(start + 1, end);
        var assigns = FindTopLevel(start, end, "=") >= 0 || HasOperator(start, end, "=");
        if (name is not null && name.EndsWith("writable_schema", StringComparison.Ordinal) && assigns)
        {
            Emit(Verb.Update, Risk.High, "database", name, "sql.pragma-writable-schema", "writable_schema allows corrupting the schema table", Tags.Opaque);
        }
        else if (assigns)
        {
            Emit(Verb.Update, Risk.Low, "database", name, "sql.pragma-set", "changes a database setting");
        }
        else
        {
            Emit(Verb.Read, Risk.None, "database", name, "sql.read", "reads a database setting");
        }
    }

    private bool HasOperator(int start, int end, string op)
    {
        for (var i = start; i < end; i++)
        {
            if (_tokens[i].Kind == SqlTokenKind.Operator && string.Equals(_tokens[i].Text, op, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void AnalyzeVacuum(int start, int end)
    {
        var full = false;
        for (var k = start + 1; k < end; k++)
        {
            full |= _tokens[k].IsWord("full") && !IsWord(k + 1, end, "false") && !IsWord(k + 1, end, "off");
        }

        if (_dialect == SqlDialect.Sqlite)
        {
            var into = FindTopLevel(start, end, "into");
            Emit(into >= 0 ? Verb.Create : Verb.Update, Risk.Low, "database", into >= 0 && IsKind(into + 1, end, SqlTokenKind.String) ? _tokens[into + 1].Text : null, "sql.vacuum", "rebuilds the database file");
            return;
        }

        if (full)
        {
            Emit(Verb.Update, Risk.High, "table", LastName(start, end), "sql.vacuum-full", "VACUUM FULL rewrites tables under an exclusive lock", Tags.LockHeavy);
        }
        else
        {
            Emit(Verb.Update, Risk.Low, "table", LastName(start, end), "sql.vacuum", "reclaims dead rows without blocking");
        }
    }

    private string? LastName(int start, int end)
    {
        var last = end - 1;
        if (last <= start || !_tokens[last].IsIdentifier || _tokens[last].Text is "full" or "verbose" or "analyze" or "freeze" or "vacuum")
        {
            return null;
        }

        while (last - 2 > start && _tokens[last - 1].Kind == SqlTokenKind.Dot)
        {
            last -= 2;
        }

        return NameAt(last, end);
    }

    private void AnalyzeReindex(int start, int end)
    {
        var concurrently = FindTopLevel(start, end, "concurrently") >= 0;
        var name = LastName(start, end);
        if (concurrently || _dialect != SqlDialect.PostgreSql)
        {
            Emit(Verb.Update, Risk.Low, "index", name, "sql.reindex", "rebuilds indexes");
        }
        else
        {
            Emit(Verb.Update, Risk.High, "index", name, "sql.reindex", "REINDEX without CONCURRENTLY blocks writes while it rebuilds", Tags.LockHeavy);
        }
    }

    private void AnalyzeLoad(int start, int end)
    {
        if (_dialect == SqlDialect.PostgreSql)
        {
            Emit(Verb.Execute, Risk.High, "library", IsKind(start + 1, end, SqlTokenKind.String) ? _tokens[start + 1].Text : null, "sql.load-library", "LOAD loads a native library into the server", Tags.Opaque);
            return;
        }

        var into = FindTopLevel(start, end, "into");
        var table = into >= 0 ? NameAt(SkipWords(into + 1, end, "table"), end) : null;
        var local = FindTopLevel(start, end, "local") >= 0;
        var replace = FindTopLevel(start, end, "replace") >= 0;
        string[] tags = local ? [] : [Tags.ServerFileRead];
        if (replace)
        {
            Emit(Verb.Update, Risk.High, "table", table, "sql.load-data", "LOAD DATA … REPLACE overwrites rows that share a key", tags);
        }
        else
        {
            Emit(Verb.Create, Risk.Medium, "table", table, "sql.load-data", "LOAD DATA loads a file into the table", tags);
        }
    }
}
