using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>Data-changing statements: INSERT, UPDATE, DELETE, MERGE, COPY.</summary>
internal sealed partial class SqlAnalyzer
{
    private void AnalyzeInsert(int start, int end)
    {
        var replace = _tokens[start].IsWord("replace");
        var i = SkipWords(start + 1, end, "low_priority", "delayed", "high_priority", "ignore");
        if (IsWord(i, end, "or"))
        {
            replace |= IsWord(i + 1, end, "replace");
            i += 2;
        }

        i = SkipWords(i, end, "into");
        var table = ReadName(ref i, end);
        if (replace)
        {
            Emit(Verb.Update, Risk.High, "table", table, "sql.replace-into", "REPLACE deletes and rewrites rows that share a key");
        }
        else if (IsConflictUpdate(i, end))
        {
            Emit(Verb.Update, Risk.High, "table", table, "sql.upsert", "INSERT … ON CONFLICT DO UPDATE overwrites existing rows");
        }
        else if (FindTopLevel(i, end, "duplicate") >= 0)
        {
            Emit(Verb.Update, Risk.High, "table", table, "sql.upsert", "INSERT … ON DUPLICATE KEY UPDATE overwrites existing rows");
        }
        else
        {
            var bulk = FindTopLevel(i, end, "select") >= 0 || FindTopLevel(i, end, "table") >= 0;
            Emit(Verb.Create, bulk ? Risk.Medium : Risk.Low, "table", table, "sql.insert", bulk ? "inserts rows copied from a query" : "inserts rows");
        }

        ScanExpressions(i, end);
    }

    private bool IsConflictUpdate(int i, int end)
    {
        var conflict = FindTopLevel(i, end, "conflict");
        var doIndex = conflict < 0 ? -1 : FindTopLevel(conflict, end, "do");
        return doIndex >= 0 && IsWord(doIndex + 1, end, "update");
    }

    private void AnalyzeUpdate(int start, int end)
    {
        var i = SkipWords(start + 1, end, "low_priority", "ignore", "only");
        if (IsWord(i, end, "or"))
        {
            i += 2;
        }

        var table = ReadName(ref i, end);
        var set = FindTopLevel(i, end, "set");
        var scope = RowScope(set < 0 ? i : set, end, out var allRowsReason);
        if (scope)
        {
            Emit(Verb.Update, Risk.Critical, "table", table, "sql.update-all-rows", "UPDATE " + allRowsReason, Tags.AllRows);
        }
        else
        {
            Emit(Verb.Update, Risk.High, "table", table, "sql.update", "UPDATE changes existing rows");
        }

        ScanExpressions(i, end);
    }

    private void AnalyzeDelete(int start, int end)
    {
        var i = SkipWords(start + 1, end, "low_priority", "quick", "ignore");
        string? table;
        if (IsWord(i, end, "from"))
        {
            i = SkipWords(i + 1, end, "only");
            table = ReadName(ref i, end);
        }
        else
        {
            // MySQL multi-table form: DELETE t1[, t2] FROM …
            table = ReadName(ref i, end);
        }

        var all = RowScope(i, end, out var allRowsReason);
        if (all)
        {
            Emit(Verb.Delete, Risk.Critical, "table", table, "sql.delete-all-rows", "DELETE " + allRowsReason, Tags.AllRows);
        }
        else
        {
            Emit(Verb.Delete, Risk.High, "table", table, "sql.delete", "DELETE removes rows");
        }

        ScanExpressions(i, end);
    }

    /// <summary>True when the statement reaches every row: no WHERE (and no LIMIT), or a WHERE that always holds.</summary>
    private bool RowScope(int from, int end, out string reason)
    {
        var where = FindTopLevel(from, end, "where");
        if (where < 0)
        {
            reason = "has no WHERE clause and reaches every row";
            return FindTopLevel(from, end, "limit") < 0;
        }

        if (IsWord(where + 1, end, "current") && IsWord(where + 2, end, "of"))
        {
            reason = string.Empty;
            return false;
        }

        var conditionEnd = where + 1;
        while (conditionEnd < end && !(_tokens[conditionEnd].Kind == SqlTokenKind.Word
            && _tokens[conditionEnd].Text is "returning" or "order" or "limit" or "group"))
        {
            conditionEnd = Next(conditionEnd);
        }

        reason = "has a WHERE clause that is always true";
        return new SqlConditionEvaluator(_tokens, _match).Evaluate(where + 1, Math.Min(conditionEnd, end)) == SqlTruth.True;
    }

    private void AnalyzeMerge(int start, int end)
    {
        var i = SkipWords(start + 1, end, "into", "only");
        var table = ReadName(ref i, end);
        var deletes = false;
        var updates = false;
        var inserts = false;
        for (var k = i; k < end; k = Next(k))
        {
            if (_tokens[k].IsWord("then") && k + 1 < end)
            {
                deletes |= _tokens[k + 1].IsWord("delete");
                updates |= _tokens[k + 1].IsWord("update");
                inserts |= _tokens[k + 1].IsWord("insert");
            }
        }

        if (deletes)
        {
            Emit(Verb.Delete, Risk.High, "table", table, "sql.merge-delete", "MERGE … THEN DELETE removes matched rows");
        }

        if (updates)
        {
            Emit(Verb.Update, Risk.High, "table", table, "sql.merge-update", "MERGE … THEN UPDATE changes matched rows");
        }

        if (inserts || !(deletes || updates))
        {
            Emit(Verb.Create, Risk.Medium, "table", table, "sql.merge-insert", "MERGE inserts rows");
        }

        ScanExpressions(i, end);
    }

    private void AnalyzeCopy(int start, int end)
    {
        var i = start + 1;
        string? table = null;
        if (IsKind(i, end, SqlTokenKind.LeftParen) && _match[i] > i)
        {
            AnalyzeStatement(i + 1, _match[i], nested: true);
            i = _match[i] + 1;
        }
        else
        {
            table = ReadName(ref i, end);
            if (IsKind(i, end, SqlTokenKind.LeftParen))
            {
                i = Next(i);
            }
        }

        var from = IsWord(i, end, "from");
        if (!from && !IsWord(i, end, "to"))
        {
            EmitOpaque("sql.parse-error", "COPY without FROM or TO", parseError: true);
            return;
        }

        var source = i + 1;
        var kind = table is null ? "database" : "table";
        if (IsWord(source, end, "program"))
        {
            var command = IsKind(source + 1, end, SqlTokenKind.String) ? _tokens[source + 1].Text : null;
            Emit(Verb.Execute, Risk.Critical, "program", command, "sql.copy-program", "COPY … PROGRAM runs a shell command on the database host", Tags.Opaque);
            return;
        }

        var client = IsWord(source, end, "stdin") || IsWord(source, end, "stdout");
        if (from)
        {
            if (client)
            {
                Emit(Verb.Create, Risk.Medium, kind, table, "sql.copy-from", "COPY … FROM loads rows into the table");
            }
            else
            {
                Emit(Verb.Create, Risk.Medium, kind, table, "sql.copy-from-file", "COPY … FROM a server file loads it into the table", Tags.ServerFileRead);
            }
        }
        else if (client)
        {
            Emit(Verb.Read, Risk.None, kind, table, "sql.copy-to", "COPY … TO STDOUT reads rows");
        }
        else
        {
            Emit(Verb.Read, Risk.Medium, kind, table, "sql.copy-to-file", "COPY … TO a file writes rows to the database host", Tags.ServerFileWrite);
        }
    }
}
