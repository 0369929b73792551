using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>DROP and TRUNCATE: the statements that destroy objects and their data.</summary>
internal sealed partial class SqlAnalyzer
{
    // Object kinds as they are spelled after DROP/CREATE/ALTER, longest phrases first.
    private static readonly string[][] ObjectKinds =
    [
        ["text", "search", "configuration"], ["text", "search", "dictionary"], ["text", "search", "parser"],
        ["text", "search", "template"], ["foreign", "data", "wrapper"], ["materialized", "view"], ["foreign", "table"],
        ["event", "trigger"], ["user", "mapping"], ["access", "method"], ["operator", "class"], ["operator", "family"],
        ["temporary", "table"], ["procedural", "language"], ["default", "privileges"], ["database"], ["schema"], ["table"],
        ["view"], ["index"], ["sequence"], ["function"], ["procedure"], ["routine"], ["aggregate"], ["role"], ["user"],
        ["group"], ["extension"], ["type"], ["domain"], ["trigger"], ["policy"], ["rule"], ["server"], ["publication"],
        ["subscription"], ["tablespace"], ["collation"], ["conversion"], ["language"], ["operator"], ["cast"],
        ["statistics"], ["transform"], ["event"], ["system"], ["owned"], ["large", "object"],
    ];

    /// <summary>Reads an object kind phrase at <paramref name="i"/>; returns it hyphenated (materialized-view) or null.</summary>
    private string? ReadObjectKind(ref int i, int end)
    {
        foreach (var phrase in ObjectKinds)
        {
            var k = 0;
            while (k < phrase.Length && IsWord(i + k, end, phrase[k]))
            {
                k++;
            }

            if (k == phrase.Length)
            {
                i += k;
                return phrase.Length == 1 ? phrase[0] : string.Join('-', phrase);
            }
        }

        // A Cassandra keyspace (cqlsh) is what other databases call a database: it holds every table and its data.
        if (IsWord(i, end, "keyspace"))
        {
            i++;
            return "database";
        }

        return null;
    }

    private static Risk DropRisk(string kind) => kind switch
    {
        "database" or "schema" or "table" or "role" or "user" or "group" or "owned" or "tablespace" => Risk.Critical,
        "temporary-table" => Risk.Medium,
        _ => Risk.High,
    };

    private void AnalyzeDrop(int start, int end)
    {
        var i = start + 1;
        var kind = ReadObjectKind(ref i, end);
        if (kind is null)
        {
            EmitOpaque("sql.drop-unknown", "DROP of an unrecognized object kind");
            return;
        }

        var cascade = FindTopLevel(i, end, "cascade") >= 0;
        var force = IsForceOption(i, end);
        var risk = cascade ? Risk.Critical : DropRisk(kind);
        var targetKind = kind == "temporary-table" ? "table" : kind;
        var rule = "sql.drop-" + targetKind;
        var reason = "DROP " + kind.Replace('-', ' ').ToUpperInvariant() + " destroys the object" + (cascade ? " and everything that depends on it" : string.Empty);
        var tags = cascade && force ? [Tags.Cascade, Tags.Force] : cascade ? [Tags.Cascade] : force ? new[] { Tags.Force } : [];

        if (kind == "owned")
        {
            // DROP OWNED BY r drops every object r owns, in the current database.
            i = SkipWords(i, end, "by");
            EmitNameList(i, end, Verb.Delete, Risk.Critical, "role", "sql.drop-owned", "DROP OWNED drops every object the role owns", tags);
            return;
        }

        if (kind == "user-mapping")
        {
            Emit(Verb.Delete, Risk.High, "user-mapping", null, rule, reason, tags);
            return;
        }

        i = SkipWords(i, end, "concurrently");
        i = SkipIfExists(i, end);
        EmitNameList(i, end, Verb.Delete, risk, targetKind, rule, reason, tags);
    }

    private bool IsForceOption(int i, int end)
    {
        var with = FindTopLevel(i, end, "with");
        if (with < 0 || !IsKind(with + 1, end, SqlTokenKind.LeftParen))
        {
            return FindTopLevel(i, end, "force") >= 0;
        }

        for (var k = with + 2; k < end && _tokens[k].Kind != SqlTokenKind.RightParen; k++)
        {
            if (_tokens[k].IsWord("force"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One action per name in a comma list; argument lists (functions) and ON clauses are skipped.</summary>
    private void EmitNameList(int i, int end, Verb verb, Risk risk, string kind, string rule, string reason, string[] tags)
    {
        var emitted = false;
        while (i < end)
        {
            var name = ReadName(ref i, end);
            if (name is null)
            {
                break;
            }

            if (IsKind(i, end, SqlTokenKind.LeftParen))
            {
                i = Next(i);
            }

            if (IsWord(i, end, "on") && kind is "trigger" or "policy" or "rule" or "index")
            {
                var on = i + 1;
                var table = ReadName(ref on, end);
                name = table is null ? name : table + "." + name;
            }

            Emit(verb, risk, kind, name, rule, reason, tags);
            emitted = true;
            while (i < end && _tokens[i].Kind != SqlTokenKind.Comma)
            {
                i = Next(i);
            }

            i++;
        }

        if (!emitted)
        {
            Emit(verb, risk, kind, null, rule, reason, tags);
        }
    }

    private void AnalyzeTruncate(int start, int end)
    {
        var i = SkipWords(start + 1, end, "table", "only");
        var cascade = FindTopLevel(i, end, "cascade") >= 0;
        var tags = cascade ? new[] { Tags.AllRows, Tags.Cascade } : [Tags.AllRows];
        var reason = cascade ? "TRUNCATE … CASCADE empties the table and every table referencing it" : "TRUNCATE empties the table";
        while (i < end)
        {
            i = SkipWords(i, end, "only");
            var name = ReadName(ref i, end);
            if (name is null)
            {
                break;
            }

            Emit(Verb.Delete, Risk.Critical, "table", name, "sql.truncate", reason, tags);
            if (IsKind(i, end, SqlTokenKind.Operator) && _tokens[i].Text == "*")
            {
                i++;
            }

            if (!IsKind(i, end, SqlTokenKind.Comma))
            {
                return;
            }

            i++;
        }

        Emit(Verb.Delete, Risk.Critical, "table", null, "sql.truncate", reason, tags);
    }
}
