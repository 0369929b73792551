using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>Schema changes: ALTER, CREATE, GRANT/REVOKE, RENAME.</summary>
internal sealed partial class SqlAnalyzer
{
    private static readonly string[] PrivilegeOptions = ["superuser", "createrole", "createdb", "bypassrls", "replication"];

    private bool DispatchDdl(string keyword, int start, int end)
    {
        switch (keyword)
        {
            case "drop":
                AnalyzeDrop(start, end);
                return true;
            case "truncate":
                AnalyzeTruncate(start, end);
                return true;
            case "alter":
                AnalyzeAlter(start, end);
                return true;
            case "create":
                AnalyzeCreate(start, end);
                return true;
            case "grant" or "revoke":
                AnalyzeGrant(start, end, keyword == "grant");
                return true;
            case "rename":
                AnalyzeRename(start, end);
                return true;
            case "comment":
                Emit(Verb.Update, Risk.Low, "database", null, "sql.comment", "sets an object comment");
                return true;
            case "security":
                Emit(Verb.Update, Risk.Medium, "database", null, "sql.security-label", "sets a security label");
                return true;
            case "refresh":
                var concurrent = FindTopLevel(start, end, "concurrently") >= 0;
                var view = NameAt(SkipWords(start + 1, end, "materialized", "view", "concurrently"), end);
                Emit(Verb.Update, concurrent ? Risk.Low : Risk.Medium, "materialized-view", view, "sql.refresh-materialized-view",
                    "recomputes a materialized view", concurrent || _dialect != SqlDialect.PostgreSql ? [] : [Tags.LockHeavy]);
                return true;
            case "import":
                Emit(Verb.Create, Risk.Medium, "schema", null, "sql.import-foreign-schema", "creates foreign tables from a remote schema");
                return true;
            case "reassign":
                Emit(Verb.Grant, Risk.High, "role", NameAt(SkipWords(start + 1, end, "owned", "by"), end), "sql.reassign-owned", "REASSIGN OWNED hands every object of a role to another role");
                return true;
            default:
                return false;
        }
    }

    private void AnalyzeAlter(int start, int end)
    {
        var i = start + 1;
        if (IsWord(i, end, "system"))
        {
            Emit(Verb.Update, Risk.Critical, "server", null, "sql.alter-system", "ALTER SYSTEM rewrites the server configuration");
            return;
        }

        var kind = ReadObjectKind(ref i, end);
        switch (kind)
        {
            case "table" or "foreign-table":
                AnalyzeAlterTable(i, end);
                return;
            case "role" or "user" or "group":
                AnalyzeAlterRole(i, end, kind);
                return;
            case "default-privileges":
                Emit(Verb.Grant, Risk.High, "schema", null, "sql.alter-default-privileges", "changes the privileges of future objects");
                return;
            case null:
                EmitOpaque("sql.alter-unknown", "ALTER of an unrecognized object kind");
                return;
            default:
                break;
        }

        i = SkipIfExists(i, end);
        var name = ReadName(ref i, end);
        if (FindTopLevel(i, end, "owner") >= 0)
        {
            Emit(Verb.Grant, Risk.High, kind, name, "sql.alter-owner", "changes the owner of " + kind);
        }
        else if (kind is "database" or "schema" or "policy" || FindTopLevel(i, end, "rename") >= 0)
        {
            Emit(Verb.Update, Risk.High, kind, name, "sql.alter-" + kind, "changes " + kind + " settings that other code relies on");
        }
        else
        {
            Emit(Verb.Update, Risk.Medium, kind, name, "sql.alter-" + kind, "changes the definition of a " + kind);
        }
    }

    private void AnalyzeAlterTable(int i, int end)
    {
        i = SkipIfExists(i, end);
        i = SkipWords(i, end, "only");
        var table = ReadName(ref i, end);
        if (IsKind(i, end, SqlTokenKind.Operator) && _tokens[i].Text == "*")
        {
            i++;
        }

        var any = false;
        while (i < end)
        {
            var actionEnd = i;
            while (actionEnd < end && _tokens[actionEnd].Kind != SqlTokenKind.Comma)
            {
                actionEnd = Next(actionEnd);
            }

            AnalyzeAlterTableAction(table, i, Math.Min(actionEnd, end));
            any = true;
            i = actionEnd + 1;
        }

        if (!any)
        {
            Emit(Verb.Update, Risk.Medium, "table", table, "sql.alter-table", "changes a table definition");
        }
    }

    private void AnalyzeAlterTableAction(string? table, int i, int end)
    {
        if (i >= end)
        {
            return;
        }

        var first = _tokens[i].Kind == SqlTokenKind.Word ? _tokens[i].Text : string.Empty;
        var cascade = FindTopLevel(i, end, "cascade") >= 0 ? new[] { Tags.Cascade } : [];
        switch (first)
        {
            case "drop":
                AnalyzeAlterDrop(table, i + 1, end, cascade);
                return;
            case "alter" or "modify" or "change":
                var k = SkipWords(i + 1, end, "column");
                var column = NameAt(k, end);
                var retypes = first != "alter" || FindTopLevel(k, end, "type") >= 0;
                if (retypes)
                {
                    Emit(Verb.Update, Risk.High, "column", Qualify(table, column), "sql.alter-column-type", "changing a column's type rewrites the table and can lose data", Tags.LockHeavy);
                }
                else
                {
                    Emit(Verb.Update, Risk.Medium, "column", Qualify(table, column), "sql.alter-column", "changes a column's default or constraints");
                }

                return;
            case "detach":
                Emit(Verb.Update, Risk.High, "table", table, "sql.detach-partition", "DETACH PARTITION removes a partition's rows from the table");
                return;
            case "set" when IsWord(i + 1, end, "unlogged"):
                Emit(Verb.Update, Risk.High, "table", table, "sql.set-unlogged", "an UNLOGGED table loses its rows on a crash and is not replicated");
                return;
            case "disable" when IsWord(i + 1, end, "row"):
            case "no" when IsWord(i + 1, end, "force"):
                Emit(Verb.Update, Risk.High, "table", table, "sql.disable-rls", "turns off row-level security on the table", Tags.SecurityDowngrade);
                return;
            case "disable":
                Emit(Verb.Update, Risk.High, "table", table, "sql.disable-trigger", "disables triggers or rules that guard the table", Tags.SecurityDowngrade);
                return;
            case "rename":
                if (IsWord(i + 1, end, "to") || IsWord(i + 1, end, "as"))
                {
                    Emit(Verb.Update, Risk.High, "table", table, "sql.rename-table", "renaming breaks every query that uses the old name");
                }
                else
                {
                    var renamed = NameAt(SkipWords(i + 1, end, "column", "constraint"), end);
                    Emit(Verb.Update, Risk.High, "column", Qualify(table, renamed), "sql.rename-column", "renaming breaks every query that uses the old name");
                }

                return;
            case "owner":
                Emit(Verb.Grant, Risk.High, "table", table, "sql.alter-owner", "changes the owner of the table");
                return;
            case "truncate" or "discard":
                Emit(Verb.Delete, Risk.Critical, "table", table, "sql.alter-truncate-partition", "discards the rows or data file of a partition", Tags.AllRows);
                return;
            default:
                Emit(Verb.Update, Risk.Medium, "table", table, "sql.alter-table", "changes a table definition");
                return;
        }
    }

    private void AnalyzeAlterDrop(string? table, int i, int end, string[] cascade)
    {
        var what = _tokens[i < end ? i : end - 1];
        if (what.Kind == SqlTokenKind.Word && what.Text is "constraint" or "primary" or "foreign" or "index" or "key" or "check" or "default")
        {
            // Like DROP INDEX: recoverable, but integrity or performance the application relies on is gone meanwhile.
            Emit(Verb.Update, cascade.Length > 0 ? Risk.Critical : Risk.High, "table", table, "sql.drop-constraint", "drops a constraint or index of the table", cascade);
            return;
        }

        if (what.IsWord("partition"))
        {
            Emit(Verb.Delete, Risk.Critical, "table", table, "sql.drop-partition", "DROP PARTITION deletes the partition's rows", Tags.AllRows);
            return;
        }

        if (what.IsWord("expression") || what.IsWord("identity") || what.IsWord("not"))
        {
            Emit(Verb.Update, Risk.Medium, "table", table, "sql.alter-table", "changes a table definition");
            return;
        }

        i = SkipWords(i, end, "column");
        i = SkipIfExists(i, end);
        var column = NameAt(i, end);
        Emit(Verb.Delete, Risk.Critical, "column", Qualify(table, column), "sql.drop-column", "DROP COLUMN destroys the column's data in every row", cascade);
    }

    private static string? Qualify(string? table, string? column) =>
        table is null ? column : column is null ? table : table + "." + column;

    private void AnalyzeAlterRole(int i, int end, string kind)
    {
        i = SkipIfExists(i, end);
        var role = NameAt(i, end);
        for (var k = i; k < end; k++)
        {
            var token = _tokens[k];
            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (Array.IndexOf(PrivilegeOptions, token.Text) >= 0)
            {
                Emit(Verb.Grant, Risk.High, "role", role, "sql.alter-role-privileges", "grants a role powerful privileges (" + token.Text.ToUpperInvariant() + ")");
                return;
            }

            if (token.Text.StartsWith("no", StringComparison.Ordinal) && Array.IndexOf(PrivilegeOptions, token.Text[2..]) >= 0)
            {
                Emit(Verb.Revoke, Risk.High, "role", role, "sql.alter-role-privileges", "removes privileges from a role");
                return;
            }
        }

        Emit(Verb.Update, Risk.High, "role", role, "sql.alter-" + kind, "changes a role's password, login or settings");
    }

    private void AnalyzeCreate(int start, int end)
    {
        var i = start + 1;
        var replace = IsWord(i, end, "or") && IsWord(i + 1, end, "replace");
        if (replace)
        {
            i += 2;
        }

        i = SkipWords(i, end, "temporary", "temp", "unlogged", "global", "local", "unique", "trusted", "recursive", "definer", "algorithm", "sql", "security", "invoker", "aggregate", "constraint", "virtual");
        var kind = ReadObjectKind(ref i, end) ?? (IsWord(i, end, "table") ? "table" : null);
        switch (kind)
        {
            case "table" or "temporary-table":
                AnalyzeCreateTable(i, end);
                return;
            case "index":
                AnalyzeCreateIndex(i, end);
                return;
            case "view" or "materialized-view":
                var viewName = NameAt(SkipIfExists(i, end), end);
                Emit(replace ? Verb.Update : Verb.Create, kind == "view" ? Risk.Low : Risk.Medium, kind, viewName, "sql.create-" + kind, "creates a " + kind.Replace('-', ' '));
                if (kind == "materialized-view" && FindTopLevel(i, end, "as") is var asIndex and >= 0)
                {
                    ScanExpressions(asIndex + 1, end);
                }

                return;
            case "function" or "procedure":
                AnalyzeCreateRoutine(i, end, kind, replace);
                return;
            case "role" or "user" or "group":
                AnalyzeCreateRole(i, end, kind);
                return;
            case "event" when FindTopLevel(i, end, "do") is var body and >= 0:
                // A MySQL event runs its body on a schedule: its effects are as real as if run now.
                Emit(Verb.Create, Risk.Medium, "event", NameAt(SkipIfExists(i, end), end), "sql.create-event", "creates a scheduled event");
                AnalyzeDeferred(body + 1, end);
                return;
            case "trigger":
                Emit(replace ? Verb.Update : Verb.Create, Risk.Medium, kind, NameAt(SkipIfExists(i, end), end), "sql.create-trigger", "creates a trigger");
                AnalyzeTriggerBody(i, end);
                return;
            case "rule" or "event-trigger":
                Emit(Verb.Create, Risk.High, kind, NameAt(i, end), "sql.create-" + kind, "a " + kind.Replace('-', ' ') + " rewrites or reacts to later statements", Tags.Opaque);
                return;
            case null:
                EmitOpaque("sql.create-unknown", "CREATE of an unrecognized object kind");
                return;
            default:
                Emit(replace ? Verb.Update : Verb.Create, Risk.Medium, kind, NameAt(SkipWords(SkipIfExists(i, end), end, "for"), end), "sql.create-" + kind, "creates a " + kind.Replace('-', ' '));
                return;
        }
    }

    /// <summary>Trigger bodies (BEGIN … END, or MySQL's single statement after FOR EACH ROW) run whenever the trigger fires.</summary>
    private void AnalyzeTriggerBody(int i, int end)
    {
        var begin = FindTopLevel(i, end, "begin");
        if (begin >= 0)
        {
            var bodyEnd = end;
            while (bodyEnd > begin + 1 && !_tokens[bodyEnd - 1].IsWord("end"))
            {
                bodyEnd--;
            }

            AnalyzeDeferred(begin + 1, bodyEnd > begin + 1 ? bodyEnd - 1 : end);
            return;
        }

        var row = FindTopLevel(i, end, "row");
        if (_dialect == SqlDialect.MySql && row >= 0)
        {
            var body = IsWord(row + 1, end, "follows") || IsWord(row + 1, end, "precedes") ? row + 3 : row + 1;
            AnalyzeDeferred(body, end);
        }
    }

    /// <summary>Analyzes the ';'-separated statements of a body that runs later, tagging what they do as deferred.</summary>
    private void AnalyzeDeferred(int start, int end)
    {
        var first = _sink.Count;
        var pieceStart = start;
        for (var k = start; k <= end; k = k < end ? Next(k) : k + 1)
        {
            if (k == end || _tokens[k].Kind == SqlTokenKind.Semicolon)
            {
                AnalyzeStatement(pieceStart, Math.Min(k, end), nested: true);
                pieceStart = k + 1;
            }
        }

        for (var k = first; k < _sink.Count; k++)
        {
            _sink[k] = _sink[k] with { Tags = [.. _sink[k].Tags, Tags.Deferred] };
        }
    }

    private void AnalyzeCreateTable(int i, int end)
    {
        i = SkipIfExists(i, end);
        var name = ReadName(ref i, end);
        var asIndex = FindTopLevel(i, end, "as");
        if (asIndex >= 0 || FindTopLevel(i, end, "select") >= 0)
        {
            Emit(Verb.Create, Risk.Medium, "table", name, "sql.create-table-as", "creates a table from a query");
            ScanExpressions(asIndex >= 0 ? asIndex + 1 : i, end);
            return;
        }

        Emit(Verb.Create, Risk.Low, "table", name, "sql.create-table", "creates a table");
    }

    private void AnalyzeCreateIndex(int i, int end)
    {
        var concurrently = IsWord(i, end, "concurrently");
        i = SkipWords(i, end, "concurrently");
        i = SkipIfExists(i, end);
        var name = IsWord(i, end, "on") ? null : ReadName(ref i, end);
        if (name is null && FindTopLevel(i, end, "on") is var on and >= 0)
        {
            name = NameAt(SkipWords(on + 1, end, "only"), end);
        }

        if (concurrently || _dialect != SqlDialect.PostgreSql)
        {
            Emit(Verb.Create, Risk.Low, "index", name, "sql.create-index", "creates an index");
        }
        else
        {
            Emit(Verb.Create, Risk.Medium, "index", name, "sql.create-index", "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds", Tags.LockHeavy);
        }
    }

    private void AnalyzeCreateRoutine(int i, int end, string kind, bool replace)
    {
        var name = NameAt(i, end);
        var language = FindTopLevel(i, end, "language");
        var lang = language >= 0 && language + 1 < end ? _tokens[language + 1].Text.ToLowerInvariant() : "sql";
        if (lang is "c" or "internal" or "plpythonu" or "plpython3u" or "plpython2u" or "plperlu" or "pltclu" or "plsh" or "java")
        {
            Emit(Verb.Execute, Risk.High, kind, name, "sql.create-untrusted-routine", "creates a routine in an untrusted language that can reach the host", Tags.Opaque);
            return;
        }

        Emit(replace ? Verb.Update : Verb.Create, Risk.Medium, kind, name, "sql.create-" + kind, replace ? "replaces a routine's code" : "creates a routine");
    }

    private void AnalyzeCreateRole(int i, int end, string kind)
    {
        i = SkipIfExists(i, end);
        var role = NameAt(i, end);
        for (var k = i; k < end; k++)
        {
            if (_tokens[k].Kind == SqlTokenKind.Word && Array.IndexOf(PrivilegeOptions, _tokens[k].Text) >= 0)
            {
                Emit(Verb.Grant, Risk.High, "role", role, "sql.create-privileged-role", "creates a role with powerful privileges (" + _tokens[k].Text.ToUpperInvariant() + ")");
                return;
            }
        }

        Emit(Verb.Create, Risk.Medium, "role", role, "sql.create-" + kind, "creates a database " + kind);
    }

    private void AnalyzeGrant(int start, int end, bool grant)
    {
        var verb = grant ? Verb.Grant : Verb.Revoke;
        var rule = grant ? "sql.grant" : "sql.revoke";
        var on = FindTopLevel(start, end, "on");
        if (on < 0)
        {
            var first = start + 1;
            if ((IsWord(first, end, "admin") || IsWord(first, end, "grant") || IsWord(first, end, "inherit") || IsWord(first, end, "set")) && IsWord(first + 1, end, "option"))
            {
                first = SkipWords(first + 2, end, "for");
            }

            var role = NameAt(first, end);
            Emit(verb, Risk.High, "role", role, rule, grant ? "grants role membership" : "revokes role membership");
            return;
        }

        var i = on + 1;
        var kind = "table";
        if (IsWord(i, end, "all"))
        {
            i = SkipWords(i + 1, end, "tables", "sequences", "functions", "procedures", "routines", "in", "schema");
            kind = "schema";
        }
        else
        {
            var read = ReadObjectKind(ref i, end);
            kind = read is null or "temporary-table" ? "table" : read;
        }

        var everything = IsKind(i, end, SqlTokenKind.Operator) && _tokens[i].Text is "*" or "*.*";
        var target = everything ? "*" : NameAt(i, end);
        Emit(verb, Risk.High, everything ? "database" : kind, target, rule, grant ? "grants privileges" : "revokes privileges");
    }

    private void AnalyzeRename(int start, int end)
    {
        var i = SkipWords(start + 1, end, "table", "tables");
        var kind = IsWord(start + 1, end, "user") ? "user" : "table";
        if (kind == "user")
        {
            i = start + 2;
        }

        EmitNameList(i, end, Verb.Update, Risk.High, kind, "sql.rename-" + kind, "renaming breaks every query that uses the old name", []);
    }
}
