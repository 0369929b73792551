namespace Gatehouse.Core.Sql;

/// <summary>
/// Names the kind of one statement from its keywords, the way the analyzer reads them: "select",
/// "insert", "drop", "create-table-as", "alter-rename"… WITH is looked through to the statement it
/// prefixes, and ALTER forms that the server treats as different commands (rename, owner, schema move)
/// get their own kind. "unknown" when the keywords are not recognized. Checked against PostgreSQL's
/// own parser by the oracle tests, which is why the kinds follow its command boundaries.
/// </summary>
internal readonly struct SqlStatementKind
{
    public const string Unknown = "unknown";

    private static readonly string[] CreateModifiers =
        ["or", "replace", "temp", "temporary", "unlogged", "global", "local", "unique", "trusted", "procedural", "default", "constraint", "recursive"];

    private static readonly string[] TableLikeObjects = ["table", "index", "view", "materialized", "foreign", "sequence"];

    private readonly List<SqlToken> _tokens;
    private readonly int[] _match;
    private readonly int _end;

    private SqlStatementKind(List<SqlToken> tokens, int[] match, int end)
    {
        _tokens = tokens;
        _match = match;
        _end = end;
    }

    public static string Describe(List<SqlToken> tokens, int[] match, int start, int end)
    {
        var reader = new SqlStatementKind(tokens, match, end);
        return reader.From(start);
    }

    private bool Word(int i, string word) => i < _end && _tokens[i].IsWord(word);

    private string? WordAt(int i) => i < _end && _tokens[i].Kind == SqlTokenKind.Word ? _tokens[i].Text : null;

    private int Next(int i) => _tokens[i].Kind == SqlTokenKind.LeftParen && _match[i] > i ? _match[i] + 1 : i + 1;

    /// <summary>Whether the word (optionally followed by a second one) occurs outside parentheses from <paramref name="i"/> on.</summary>
    private bool HasTopLevel(int i, string word, string? then = null)
    {
        for (; i < _end; i = Next(i))
        {
            if (_tokens[i].IsWord(word) && (then is null || Word(i + 1, then)))
            {
                return true;
            }
        }

        return false;
    }

    private string From(int start)
    {
        if (start >= _end)
        {
            return Unknown;
        }

        var first = _tokens[start];
        if (first.Kind == SqlTokenKind.LeftParen)
        {
            return "select";
        }

        return first.Kind != SqlTokenKind.Word ? Unknown : first.Text switch
        {
            "select" or "values" or "table" => "select",
            "with" => AfterWith(start + 1),
            "insert" or "update" or "delete" or "merge" or "explain" or "copy" or "execute" or "deallocate" or "declare" or "call" or "do"
                or "truncate" or "comment" or "refresh" or "discard" or "lock" or "checkpoint" or "notify" or "listen" or "unlisten"
                or "load" or "cluster" or "reindex" or "show" or "close" => first.Text,
            "fetch" or "move" => "fetch",
            "vacuum" or "analyze" or "analyse" => "vacuum",
            "prepare" => Word(start + 1, "transaction") ? "transaction" : "prepare",
            "begin" or "start" or "commit" or "end" or "rollback" or "abort" or "savepoint" or "release" => "transaction",
            "set" => Word(start + 1, "constraints") ? "set-constraints" : "set",
            "reset" => "set",
            "grant" or "revoke" => HasTopLevel(start + 1, "on") ? "grant" : "grant-role",
            "security" when Word(start + 1, "label") => "security-label",
            "import" when Word(start + 1, "foreign") => "import-foreign-schema",
            "reassign" when Word(start + 1, "owned") => "reassign-owned",
            "create" => Create(start + 1),
            "drop" => Drop(start + 1),
            "alter" => Alter(start + 1),
            _ => Unknown,
        };
    }

    /// <summary>Skips the WITH list (name [(columns)] AS [NOT] [MATERIALIZED] (body), …) to the statement it prefixes.</summary>
    private string AfterWith(int i)
    {
        if (Word(i, "recursive"))
        {
            i++;
        }

        while (i < _end)
        {
            i++;
            if (i < _end && _tokens[i].Kind == SqlTokenKind.LeftParen)
            {
                i = Next(i);
            }

            if (!Word(i, "as"))
            {
                return Unknown;
            }

            i++;
            if (Word(i, "not"))
            {
                i++;
            }

            if (Word(i, "materialized"))
            {
                i++;
            }

            if (i >= _end || _tokens[i].Kind != SqlTokenKind.LeftParen)
            {
                return Unknown;
            }

            i = Next(i);
            // SEARCH … SET col / CYCLE … SET col [TO … DEFAULT …] USING col follow a recursive body.
            while (i < _end && (Word(i, "search") || Word(i, "cycle")))
            {
                i = SkipSearchOrCycle(i);
            }

            if (i < _end && _tokens[i].Kind == SqlTokenKind.Comma)
            {
                i++;
                continue;
            }

            return WordAt(i) is { } word && IsMainStatementWord(word) ? From(i)
                : i < _end && _tokens[i].Kind == SqlTokenKind.LeftParen ? "select" : Unknown;
        }

        return Unknown;
    }

    private int SkipSearchOrCycle(int i)
    {
        for (i++; i < _end; i++)
        {
            var token = _tokens[i];
            if (token.Kind == SqlTokenKind.LeftParen || token.Kind == SqlTokenKind.Word && IsMainStatementWord(token.Text))
            {
                return i;
            }

            // A comma followed by "name AS" or "name (" starts the next CTE; other commas separate columns.
            if (token.Kind == SqlTokenKind.Comma && i + 2 < _end && _tokens[i + 1].IsIdentifier
                && (Word(i + 2, "as") || _tokens[i + 2].Kind == SqlTokenKind.LeftParen))
            {
                return i;
            }
        }

        return i;
    }

    private static bool IsMainStatementWord(string word) =>
        word is "select" or "values" or "table" or "insert" or "update" or "delete" or "merge";

    private int SkipCreateModifiers(int i)
    {
        while (i < _end && _tokens[i].Kind == SqlTokenKind.Word && Array.IndexOf(CreateModifiers, _tokens[i].Text) >= 0)
        {
            i++;
        }

        return i;
    }

    private string Create(int i)
    {
        i = SkipCreateModifiers(i);
        var noun = WordAt(i);
        return noun switch
        {
            "table" => HasTopLevel(i + 1, "as") ? "create-table-as" : "create-table",
            "materialized" => "create-table-as",
            "view" or "index" or "sequence" or "schema" or "extension" or "database" or "domain" or "policy" or "rule" or "tablespace"
                or "cast" or "server" or "publication" or "subscription" or "statistics" or "language" or "conversion" or "transform"
                or "collation" or "aggregate" => "create-" + noun,
            "function" or "procedure" => "create-function",
            "trigger" => "create-trigger",
            "event" when Word(i + 1, "trigger") => "create-event-trigger",
            "role" or "group" => "create-role",
            "user" => Word(i + 1, "mapping") ? "create-user-mapping" : "create-role",
            "foreign" => Word(i + 1, "table") ? "create-foreign-table" : Word(i + 1, "data") ? "create-foreign-data-wrapper" : Unknown,
            "operator" => Word(i + 1, "class") ? "create-operator-class" : Word(i + 1, "family") ? "create-operator-family" : "create-operator",
            "text" when Word(i + 1, "search") => "create-text-search",
            "access" when Word(i + 1, "method") => "create-access-method",
            "type" => CreateType(i + 1),
            _ => Unknown,
        };
    }

    private string CreateType(int i)
    {
        var name = i;
        while (name < _end && !_tokens[name].IsWord("as") && (_tokens[name].IsIdentifier || _tokens[name].Kind == SqlTokenKind.Dot))
        {
            name++;
        }

        if (!Word(name, "as"))
        {
            return "create-type";
        }

        return Word(name + 1, "enum") ? "create-type-enum" : Word(name + 1, "range") ? "create-type-range" : "create-type-composite";
    }

    private string Drop(int i) => WordAt(i) switch
    {
        "database" => "drop-database",
        "role" or "group" => "drop-role",
        "user" => Word(i + 1, "mapping") ? "drop-user-mapping" : "drop-role",
        "tablespace" => "drop-tablespace",
        "owned" => "drop-owned",
        "subscription" => "drop-subscription",
        null => Unknown,
        _ => "drop",
    };

    private string Alter(int i)
    {
        var noun = WordAt(i);
        if (noun is null)
        {
            return Unknown;
        }

        if (noun is "system")
        {
            return "alter-system";
        }

        if (noun is "default" && Word(i + 1, "privileges"))
        {
            return "alter-default-privileges";
        }

        var tableLike = Array.IndexOf(TableLikeObjects, noun) >= 0 && !(noun == "foreign" && !Word(i + 1, "table"));
        var action = ActionAfterObjectName(i);
        if (tableLike && Word(i + NounLength(i), "all") && Word(i + NounLength(i) + 1, "in"))
        {
            return "alter-table-move-all";
        }

        if (noun is "type" && (Word(action, "add") && Word(action + 1, "value") || Word(action, "rename") && Word(action + 1, "value")))
        {
            return "alter-enum";
        }

        // These forms are commands of their own whatever the object: the server parses them separately.
        if (Word(action, "rename"))
        {
            return "alter-rename";
        }

        if (Word(action, "set") && Word(action + 1, "schema"))
        {
            return "alter-set-schema";
        }

        if (Word(action, "depends") || Word(action, "no") && Word(action + 1, "depends"))
        {
            return "alter-depends";
        }

        if (Word(action, "owner") && Word(action + 1, "to"))
        {
            return tableLike ? "alter-table" : "alter-owner";
        }

        return noun switch
        {
            "sequence" => "alter-sequence",
            "table" or "index" or "view" or "materialized" or "foreign" when tableLike => "alter-table",
            "role" or "user" or "group" => AlterRole(i + 1, action),
            "database" => Word(action, "set") || Word(action, "reset") ? "alter-database-set"
                : Word(action, "refresh") ? "alter-database-refresh" : "alter-database",
            "function" or "procedure" or "routine" => "alter-function",
            "type" => Word(action, "set") ? "alter-type" : "alter-table",
            "extension" => Word(action, "add") || Word(action, "drop") ? "alter-extension-contents" : "alter-extension",
            "domain" or "policy" or "publication" or "subscription" or "server" or "statistics" or "collation"
                or "operator" => "alter-" + noun,
            "tablespace" => "alter-tablespace-options",
            "event" when Word(i + 1, "trigger") => "alter-event-trigger",
            "foreign" when Word(i + 1, "data") => "alter-foreign-data-wrapper",
            "text" when Word(i + 1, "search") => Word(i + 2, "dictionary") ? "alter-text-search-dictionary"
                : Word(i + 2, "configuration") ? "alter-text-search-configuration" : Unknown,
            _ => Unknown,
        };
    }

    /// <summary>How many words name the object type: TABLE, MATERIALIZED VIEW, FOREIGN DATA WRAPPER, TEXT SEARCH DICTIONARY…</summary>
    private int NounLength(int i) => WordAt(i) switch
    {
        "materialized" or "event" or "large" or "access" => 2,
        "foreign" => Word(i + 1, "data") ? 3 : 2,
        "text" => 3,
        "operator" when Word(i + 1, "class") || Word(i + 1, "family") => 2,
        "user" when Word(i + 1, "mapping") => 2,
        _ => 1,
    };

    /// <summary>
    /// The index of the first word after the altered object's name, where ALTER states what it does:
    /// skips IF EXISTS / ONLY, a dotted name (or an operator's symbols, or a large object's number), a
    /// trailing *, an argument list, and the ON table of policies, triggers and rules.
    /// </summary>
    private int ActionAfterObjectName(int i)
    {
        i += NounLength(i);
        if (Word(i, "if") && Word(i + 1, "exists"))
        {
            i += 2;
        }

        if (Word(i, "only"))
        {
            i++;
        }

        if (i < _end && _tokens[i].Kind is SqlTokenKind.Operator or SqlTokenKind.Number)
        {
            while (i < _end && _tokens[i].Kind is SqlTokenKind.Operator or SqlTokenKind.Number)
            {
                i++;
            }
        }
        else
        {
            i = SkipDottedName(i);
        }

        if (i < _end && _tokens[i].Kind == SqlTokenKind.Operator && _tokens[i].Text == "*")
        {
            i++;
        }

        if (i < _end && _tokens[i].Kind == SqlTokenKind.LeftParen)
        {
            i = Next(i);
        }

        if (Word(i, "on"))
        {
            i = SkipDottedName(i + 1);
        }

        return i;
    }

    private int SkipDottedName(int i)
    {
        if (i < _end && _tokens[i].IsIdentifier)
        {
            i++;
            while (i + 1 < _end && _tokens[i].Kind == SqlTokenKind.Dot && _tokens[i + 1].IsIdentifier)
            {
                i += 2;
            }
        }

        return i;
    }

    private string AlterRole(int i, int action)
    {
        if (Word(i, "mapping"))
        {
            return "alter-user-mapping";
        }

        // ALTER ROLE name [IN DATABASE db] SET/RESET … changes a setting; anything else changes the role.
        if (Word(action, "in") && Word(action + 1, "database"))
        {
            action = SkipDottedName(action + 2);
        }

        return Word(action, "set") || Word(action, "reset") ? "alter-role-set" : "alter-role";
    }
}
