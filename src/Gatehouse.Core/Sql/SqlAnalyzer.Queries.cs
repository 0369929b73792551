using System.Collections.Frozen;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>Queries and the effects hidden inside them: CTEs, subqueries, SELECT INTO, function calls.</summary>
internal sealed partial class SqlAnalyzer
{
    // Words that precede '(' without being a function call.
    private static readonly FrozenSet<string> NonCallWords = new[]
    {
        "in", "exists", "any", "all", "some", "values", "as", "over", "filter", "within", "using", "on", "where", "and",
        "or", "not", "select", "from", "join", "lateral", "into", "returning", "set", "array", "by", "rollup", "cube",
        "sets", "then", "else", "when", "case", "is", "like", "ilike", "between", "distinct", "union", "intersect",
        "except", "having", "limit", "offset", "with", "recursive", "materialized", "table", "only", "conflict", "do",
        "update", "partition", "window", "tablesample", "escape", "similar", "overlaps", "return", "key", "primary",
        "unique", "check", "references", "foreign", "default", "to", "of", "group", "order", "interval", "collate",
        "include", "view", "index", "match", "against", "row", "fetch", "first", "next", "for", "mode", "nowait",
        "duplicate", "ignore", "delete", "insert", "merge", "if", "elseif", "while", "repeat", "until", "exec",
        "system", "bernoulli",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that, right after '(', start a nested statement with effects of its own.
    private static readonly FrozenSet<string> NestedStatementWords = new[]
    {
        "select", "with", "insert", "update", "delete", "merge", "values", "table",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly (int Start, int End) NoRowSweep = (-1, -1);

    /// <summary>The token range of the select list of a query that reads every row of a table, or <see cref="NoRowSweep"/>.</summary>
    private (int Start, int End) _rowSweep = NoRowSweep;

    private void AnalyzeQuery(int start, int end, bool nested)
    {
        var into = FindTopLevel(start, end, "into");
        if (into >= 0)
        {
            AnalyzeSelectInto(into, end);
        }

        if (!nested)
        {
            var table = ReadTarget(start, end);
            Emit(Verb.Read, Risk.None, table is null ? "database" : "table", table, "sql.read", "a query reads data");
        }

        // The select list runs once per row read: over a whole table, a side effect there hits every row.
        var savedSweep = _rowSweep;
        var from = FindTopLevel(start, end, "from");
        _rowSweep = from > start && RowScope(from, end, out _) ? (start, from) : NoRowSweep;
        ScanExpressions(start, end);
        _rowSweep = savedSweep;
    }

    private string? ReadTarget(int start, int end)
    {
        if (_tokens[start].IsWord("table"))
        {
            var i = SkipWords(start + 1, end, "only");
            return ReadName(ref i, end);
        }

        var from = FindTopLevel(start, end, "from");
        if (from < 0)
        {
            return null;
        }

        var n = SkipWords(from + 1, end, "only", "lateral");
        var name = ReadName(ref n, end);
        return IsKind(n, end, SqlTokenKind.LeftParen) ? null : name;
    }

    private void AnalyzeSelectInto(int into, int end)
    {
        var i = into + 1;
        if (_dialect == SqlDialect.MySql)
        {
            if (IsWord(i, end, "outfile") || IsWord(i, end, "dumpfile"))
            {
                var file = IsKind(i + 1, end, SqlTokenKind.String) ? _tokens[i + 1].Text : null;
                Emit(Verb.Read, Risk.Medium, "file", file, "sql.select-into-outfile", "SELECT … INTO OUTFILE writes query results to a file on the database host", Tags.ServerFileWrite);
            }

            return;
        }

        if (IsKind(i, end, SqlTokenKind.Parameter))
        {
            return;
        }

        i = SkipWords(i, end, "temporary", "temp", "unlogged", "table");
        var name = ReadName(ref i, end);
        Emit(Verb.Create, Risk.Medium, "table", name, "sql.select-into", "SELECT … INTO creates a new table from the query");
    }

    private void AnalyzeWith(int start, int end, bool nested)
    {
        var i = SkipWords(start + 1, end, "recursive");
        while (i < end)
        {
            if (!_tokens[i].IsIdentifier)
            {
                break;
            }

            i++;
            if (IsKind(i, end, SqlTokenKind.LeftParen))
            {
                i = Next(i);
            }

            if (!IsWord(i, end, "as"))
            {
                break;
            }

            i = SkipWords(i + 1, end, "not", "materialized");
            if (!IsKind(i, end, SqlTokenKind.LeftParen) || _match[i] < i)
            {
                break;
            }

            AnalyzeStatement(i + 1, _match[i], nested: true);
            i = _match[i] + 1;

            // SEARCH / CYCLE clauses run up to the next CTE or the main statement.
            while (i < end && _tokens[i].Kind != SqlTokenKind.Comma && !IsMainStatementWord(_tokens[i]))
            {
                i = Next(i);
            }

            if (IsKind(i, end, SqlTokenKind.Comma))
            {
                i++;
                continue;
            }

            if (i < end)
            {
                AnalyzeStatement(i, end, nested);
            }
            else
            {
                EmitOpaque("sql.parse-error", "WITH without a main statement", parseError: true);
            }

            return;
        }

        EmitOpaque("sql.parse-error", "could not follow the WITH clause", parseError: true);
        ScanExpressions(start, end);
    }

    private static bool IsMainStatementWord(SqlToken token) =>
        token.Kind == SqlTokenKind.Word && (NestedStatementWords.Contains(token.Text) || token.Text is "replace");

    /// <summary>
    /// Looks at every token of an expression region for function calls and parenthesized statements.
    /// Each token is visited once; nested statements are handed to <see cref="AnalyzeStatement"/>.
    /// </summary>
    private void ScanExpressions(int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var token = _tokens[i];
            if (token.Kind == SqlTokenKind.LeftParen && i + 1 < end && _match[i] > i
                && _tokens[i + 1].Kind == SqlTokenKind.Word && NestedStatementWords.Contains(_tokens[i + 1].Text))
            {
                AnalyzeStatement(i + 1, _match[i], nested: true);
                i = _match[i] + 1;
                continue;
            }

            if (token.IsIdentifier && IsKind(i + 1, end, SqlTokenKind.LeftParen))
            {
                CheckFunctionCall(i, end);
            }

            i++;
        }
    }

    private void CheckFunctionCall(int nameIndex, int end)
    {
        var token = _tokens[nameIndex];
        if (token.Kind == SqlTokenKind.Word && NonCallWords.Contains(token.Text))
        {
            return;
        }

        // Walk back over a qualified name (schema.func) to see what precedes it.
        var first = nameIndex;
        while (first >= 2 && _tokens[first - 1].Kind == SqlTokenKind.Dot && _tokens[first - 2].IsIdentifier)
        {
            first -= 2;
        }

        if (first > 0)
        {
            var before = _tokens[first - 1];
            if ((before.Kind == SqlTokenKind.Operator && before.Text == "::")
                || (before.Kind == SqlTokenKind.Word && before.Text is "as" or "into" or "table" or "update" or "only" or "exists" or "join" or "references" or "using"))
            {
                return;
            }
        }

        var schema = first < nameIndex ? _tokens[first].Text : null;
        var name = token.Text;
        var builtin = schema is null or "pg_catalog" or "public" or "main";
        var effect = builtin ? SqlFunctionCatalog.SideEffect(name) : null;
        if (effect is not null)
        {
            EmitFunctionEffect(effect, name, nameIndex, end);
            return;
        }

        if (string.Equals(name, "set_config", StringComparison.Ordinal) && builtin)
        {
            CheckSetConfig(nameIndex, end);
            return;
        }

        if (schema is null && SqlFunctionCatalog.IsPure(name))
        {
            return;
        }

        var qualified = schema is null ? name : schema + "." + name;
        if (SqlFunctionCatalog.SoundsDestructive(name))
        {
            Emit(Verb.Execute, Risk.High, "function", qualified, "sql.fn.unknown-destructive", "calls a function whose name suggests it destroys data", Tags.Opaque);
        }
        else
        {
            Emit(Verb.Execute, Risk.Medium, "function", qualified, "sql.fn.unknown", "calls a function whose effects are not known", Tags.Opaque);
        }
    }

    private void EmitFunctionEffect(SqlFunctionEffect effect, string name, int nameIndex, int end)
    {
        var before = _environmentHints;
        if (effect.Tags.Contains(Tags.Remote) && IsKind(nameIndex + 2, end, SqlTokenKind.String))
        {
            // dblink('host=prod-db dbname=app', …): the connection string says where the SQL runs.
            var connection = _tokens[nameIndex + 2].Text;
            var hints = ConnectionHints(connection);
            _environmentHints = hints.Count > 0 ? hints : [connection];
        }

        if (IsPerRowSideEffect(effect, nameIndex, end))
        {
            Emit(effect.Verb, Risk.Critical, "function", name, effect.RuleId, effect.Reason + ", once for every row of the table", [.. effect.Tags, Tags.AllRows]);
        }
        else
        {
            Emit(effect.Verb, effect.Risk, "function", name, effect.RuleId, effect.Reason, effect.Tags);
        }

        if (effect.RunsSqlArgument)
        {
            // The SQL text argument runs too (locally for query_to_xml, remotely for dblink): classify it.
            var open = nameIndex + 1;
            var close = _match[open];
            for (var i = open + 1; i < close && i < end; i = Next(i))
            {
                if (_tokens[i].Kind == SqlTokenKind.String && LooksLikeSql(_tokens[i].Text))
                {
                    AnalyzeEmbedded(_tokens[i].Text);
                }
            }
        }

        _environmentHints = before;
    }

    /// <summary>
    /// A function that destroys something, in the select list of a query over every row of a table and fed from the row
    /// (<c>SELECT lo_unlink(oid) FROM pg_largeobject_metadata</c>): it destroys one object per row. A literal argument
    /// (<c>lo_unlink(12345)</c>) hits the same object each time, so it stays a single effect; effects that can be undone
    /// (<c>pg_terminate_backend(pid)</c>: sessions reconnect) stay as they are.
    /// </summary>
    private bool IsPerRowSideEffect(SqlFunctionEffect effect, int nameIndex, int end)
    {
        if (nameIndex < _rowSweep.Start || nameIndex >= _rowSweep.End || effect.Verb != Verb.Delete || effect.Risk < Risk.High)
        {
            return false;
        }

        var open = nameIndex + 1;
        var close = _match[open];
        for (var i = open + 1; i < close && i < end; i++)
        {
            var token = _tokens[i];
            if (token.IsIdentifier && !(token.Kind == SqlTokenKind.Word && token.Text is "null" or "true" or "false"))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool LooksLikeSql(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var length = 0;
        while (length < trimmed.Length && char.IsAsciiLetter(trimmed[length]))
        {
            length++;
        }

        if (length == 0)
        {
            return false;
        }

        var word = trimmed[..length].ToString().ToLowerInvariant();
        return word is "select" or "with" or "insert" or "update" or "delete" or "drop" or "truncate" or "alter" or "create"
            or "grant" or "revoke" or "copy" or "merge" or "do" or "call" or "set" or "reset" or "vacuum" or "lock" or "values";
    }

    private void AnalyzeEmbedded(string sql)
    {
        var inner = AnalyzeText(sql, _dialect, _depth + 10, _prepared);
        foreach (var action in inner)
        {
            if (action.Verb != Verb.Read || action.Risk > Risk.None)
            {
                _sink.Add(action with
                {
                    Tags = [.. action.Tags, Tags.EmbeddedSql],
                    EnvironmentHints = _environmentHints.Count > 0 ? _environmentHints : action.EnvironmentHints,
                });
            }
        }
    }

    private void CheckSetConfig(int nameIndex, int end)
    {
        var arg = nameIndex + 2;
        var setting = IsKind(arg, end, SqlTokenKind.String) ? _tokens[arg].Text.ToLowerInvariant() : null;
        if (setting is null)
        {
            Emit(Verb.Update, Risk.High, "session", null, "sql.session-escape", "set_config with a computed setting name may change the session role", Tags.SessionEscape, Tags.Opaque);
        }
        else if (IsSessionGuardSetting(setting))
        {
            Emit(Verb.Update, Risk.High, "session", setting, "sql.session-escape", "set_config changes the session's role or read-only mode", Tags.SessionEscape);
        }
        else
        {
            Emit(Verb.Update, Risk.Low, "session", setting, "sql.set", "changes a session setting");
        }
    }

    private static bool IsSessionGuardSetting(string setting) => setting is "role" or "session_authorization" or "standard_conforming_strings" or "backslash_quote"
        or "default_transaction_read_only" or "transaction_read_only" or "sql_safe_updates" or "read_only"
        or "super_read_only" or "session_replication_role" or "row_security";

    private void AnalyzeExplain(int start, int end, bool nested)
    {
        var i = start + 1;
        var analyze = false;
        if (IsKind(i, end, SqlTokenKind.LeftParen) && _match[i] > i)
        {
            for (var k = i + 1; k < _match[i]; k++)
            {
                if (_tokens[k].IsWord("analyze") || _tokens[k].IsWord("analyse"))
                {
                    var value = _tokens[k + 1];
                    analyze = !(value.IsWord("false") || value.IsWord("off") || (value.Kind == SqlTokenKind.Number && value.Text == "0"));
                }
            }

            i = _match[i] + 1;
        }

        while (i < end && IsExplainOption(i, start))
        {
            analyze |= _tokens[i].Text is "analyze" or "analyse";
            i++;
        }

        if (analyze && _dialect != SqlDialect.Sqlite)
        {
            AnalyzeStatement(i, end, nested);
            return;
        }

        if (!nested)
        {
            var target = i < end && _tokens[i].IsIdentifier && !IsMainStatementWord(_tokens[i]) ? NameAt(i, end) : null;
            Emit(Verb.Read, Risk.None, target is null ? "database" : "table", target, "sql.explain", "EXPLAIN without ANALYZE only plans the statement");
        }
    }

    /// <summary>Unparenthesized EXPLAIN options: ANALYZE, VERBOSE, QUERY PLAN (SQLite), FORMAT=JSON (MySQL) and the like.</summary>
    private bool IsExplainOption(int i, int start)
    {
        var token = _tokens[i];
        var isEquals = token.Kind == SqlTokenKind.Operator && token.Text == "=";
        var afterEquals = i > start + 1 && _tokens[i - 1].Kind == SqlTokenKind.Operator && _tokens[i - 1].Text == "=";
        return isEquals || afterEquals
            || (token.Kind == SqlTokenKind.Word && token.Text is "analyze" or "analyse" or "verbose" or "format" or "query" or "plan" or "extended" or "partitions");
    }

    private void AnalyzeDeclare(int start, int end)
    {
        var forIndex = FindTopLevel(start, end, "for");
        if (forIndex < 0 || !IsWord(start + 2, end, "cursor") && FindTopLevel(start, forIndex, "cursor") < 0)
        {
            // MySQL/PL variables and handlers only exist inside routines.
            Emit(Verb.Read, Risk.None, "session", null, "sql.declare", "declares a variable");
            return;
        }

        AnalyzeStatement(forIndex + 1, end, nested: false);
    }

    private void AnalyzePrepare(int start, int end)
    {
        if (IsWord(start + 1, end, "transaction"))
        {
            return;
        }

        var i = start + 1;
        var name = ReadName(ref i, end);
        if (name is null)
        {
            EmitOpaque("sql.parse-error", "PREPARE without a name", parseError: true);
            return;
        }

        List<AgentAction>? effects;
        if (IsWord(i, end, "from"))
        {
            // MySQL: PREPARE s FROM 'text' | @variable. A variable's text is unknown here.
            effects = IsKind(i + 1, end, SqlTokenKind.String) ? AnalyzeText(_tokens[i + 1].Text, _dialect, _depth + 10, _prepared) : null;
        }
        else
        {
            if (IsKind(i, end, SqlTokenKind.LeftParen))
            {
                i = Next(i);
            }

            if (!IsWord(i, end, "as"))
            {
                EmitOpaque("sql.parse-error", "PREPARE without AS", parseError: true);
                return;
            }

            var saved = _sink;
            var savedStart = _statementSinkStart;
            var savedKeys = _statementKeys;
            _statementKeys = null;
            effects = [];
            _sink = effects;
            _statementSinkStart = 0;
            AnalyzeStatement(i + 1, end, nested: false);
            _sink = saved;
            _statementSinkStart = savedStart;
            _statementKeys = savedKeys;
        }

        _prepared[name] = effects;
        Emit(Verb.Read, Risk.None, "prepared-statement", name, "sql.prepare", "prepares a statement; its effects apply when it is executed");
    }

    private void AnalyzeExecute(int start, int end)
    {
        var i = start + 1;
        if (_dialect == SqlDialect.PostgreSql && IsWord(i, end, "immediate"))
        {
            EmitOpaque("sql.execute-dynamic", "executes dynamic SQL");
            return;
        }

        var name = ReadName(ref i, end);
        if (name is not null && _prepared.TryGetValue(name, out var effects) && effects is not null)
        {
            foreach (var action in effects)
            {
                _sink.Add(action with { Reason = "EXECUTE " + name + ": " + action.Reason });
            }

            ScanExpressions(i, end);
            return;
        }

        Emit(Verb.Execute, Risk.High, "prepared-statement", name, "sql.execute-unknown", "executes a prepared statement this input did not define", Tags.Opaque);
    }
}
