using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>
/// Walks the statements of one input and records every effect each one has. Recursive descent over
/// tokens: statement keywords pick a handler; handlers find clauses at their own parenthesis level and
/// descend into subqueries, CTE bodies and expressions. Partial files group the handlers by concern.
/// </summary>
internal sealed partial class SqlAnalyzer
{
    private const int MaxRecursion = 200;
    private const string Tool = "sql";
    private const string ActionPath = "sql";

    private readonly List<SqlToken> _tokens;
    private readonly int[] _match;
    private readonly SqlDialect _dialect;
    private readonly Dictionary<string, List<AgentAction>?> _prepared;
    private readonly int _recursionBase;
    private List<AgentAction> _sink;
    private int _statementSinkStart;
    private HashSet<string>? _statementKeys;
    private IReadOnlyList<string> _environmentHints = [];
    private int _depth;

    private SqlAnalyzer(SqlSplitResult split, List<SqlToken> tokens, SqlDialect dialect, List<AgentAction> sink,
        Dictionary<string, List<AgentAction>?> prepared, int recursionBase)
    {
        _tokens = tokens;
        _match = split.MatchingParen;
        _dialect = dialect;
        _sink = sink;
        _prepared = prepared;
        _recursionBase = recursionBase;
        _depth = recursionBase;
    }

    public static List<AgentAction> AnalyzeText(string sql, SqlDialect dialect, int recursionBase = 0,
        Dictionary<string, List<AgentAction>?>? prepared = null)
    {
        var sink = new List<AgentAction>();
        if (recursionBase > MaxRecursion / 2)
        {
            sink.Add(Opaque("sql.nesting-limit", "SQL nested inside SQL too deeply to follow", parseError: true));
            return sink;
        }

        var lex = SqlLexer.Lex(sql, dialect);
        var split = SqlStatementSplitter.Split(lex.Tokens, lex.Error);
        var analyzer = new SqlAnalyzer(split, lex.Tokens, dialect, sink, prepared ?? new Dictionary<string, List<AgentAction>?>(StringComparer.Ordinal), recursionBase);
        foreach (var statement in split.Statements)
        {
            analyzer._statementSinkStart = sink.Count;
            analyzer._statementKeys = null;
            if (statement.Error is not null)
            {
                sink.Add(Opaque("sql.parse-error", "could not parse the SQL: " + statement.Error, parseError: true));
                continue;
            }

            analyzer.AnalyzeStatement(statement.Start, statement.End, nested: false);
        }

        return sink;
    }

    private static AgentAction Opaque(string ruleId, string reason, bool parseError) => new()
    {
        Verb = Verb.Unknown,
        Target = ResourceRef.Of("database"),
        Tool = Tool,
        Reversible = false,
        Risk = Risk.High,
        Path = ActionPath,
        RuleId = ruleId,
        Reason = reason,
        Tags = parseError ? [Tags.Opaque, Tags.ParseError] : [Tags.Opaque],
    };

    private void Emit(Verb verb, Risk risk, string kind, string? id, string ruleId, string reason, params string[] tags)
    {
        // Identical effects inside one statement (count(*) twice, the same unknown function) are reported once.
        if (IsDuplicate(verb, risk, ruleId, id))
        {
            return;
        }

        var reversible = verb is Verb.Read or Verb.List or Verb.Create || (verb == Verb.Update && risk <= Risk.Medium);
        _sink.Add(new AgentAction
        {
            Verb = verb,
            Target = ResourceRef.Of(kind, id),
            Tool = Tool,
            Reversible = reversible,
            Risk = risk,
            Path = ActionPath,
            RuleId = ruleId,
            Reason = reason,
            Tags = tags,
            EnvironmentHints = _environmentHints,
        });
    }

    private bool IsDuplicate(Verb verb, Risk risk, string ruleId, string? id)
    {
        const int LinearScanLimit = 8;
        if (_statementKeys is null && _sink.Count - _statementSinkStart < LinearScanLimit)
        {
            for (var i = _statementSinkStart; i < _sink.Count; i++)
            {
                var existing = _sink[i];
                if (existing.Verb == verb && existing.Risk == risk && string.Equals(existing.RuleId, ruleId, StringComparison.Ordinal)
                    && string.Equals(existing.Target.Id, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        // Hostile statements can call tens of thousands of distinct functions: a set keeps this linear.
        if (_statementKeys is null)
        {
            _statementKeys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = _statementSinkStart; i < _sink.Count; i++)
            {
                var existing = _sink[i];
                _statementKeys.Add(ActionKey(existing.Verb, existing.Risk, existing.RuleId, existing.Target.Id));
            }
        }

        return !_statementKeys.Add(ActionKey(verb, risk, ruleId, id));
    }

    private static string ActionKey(Verb verb, Risk risk, string ruleId, string? id) =>
        string.Concat(((int)verb).ToString(CultureInfo.InvariantCulture), "|", ((int)risk).ToString(CultureInfo.InvariantCulture), "|", ruleId, "|", id);

    private void EmitOpaque(string ruleId, string reason, bool parseError = false)
    {
        var action = Opaque(ruleId, reason, parseError);
        _sink.Add(_environmentHints.Count == 0 ? action : action with { EnvironmentHints = _environmentHints });
    }

    /// <summary>
    /// A connection switch inside the input (psql \c, USE, sqlite .open) names the database the following
    /// statements reach: its names become environment evidence for every later action.
    /// </summary>
    private void SwitchConnection(IReadOnlyList<string> hints)
    {
        if (hints.Count > 0)
        {
            _environmentHints = hints;
        }
    }

    private SqlToken Tok(int i) => _tokens[i];

    private bool IsWord(int i, int end, string word) => i < end && _tokens[i].IsWord(word);

    private bool IsKind(int i, int end, SqlTokenKind kind) => i < end && _tokens[i].Kind == kind;

    /// <summary>The index after the token at <paramref name="i"/>, jumping over a whole parenthesized group.</summary>
    private int Next(int i) => _tokens[i].Kind == SqlTokenKind.LeftParen && _match[i] > i ? _match[i] + 1 : i + 1;

    private int FindTopLevel(int start, int end, string word)
    {
        for (var i = start; i < end; i = Next(i))
        {
            if (_tokens[i].IsWord(word))
            {
                return i;
            }
        }

        return -1;
    }

    private int SkipWords(int i, int end, params string[] words)
    {
        while (i < end && _tokens[i].Kind == SqlTokenKind.Word && Array.IndexOf(words, _tokens[i].Text) >= 0)
        {
            i++;
        }

        return i;
    }

    private int SkipIfExists(int i, int end)
    {
        if (IsWord(i, end, "if") && IsWord(i + 1, end, "exists"))
        {
            return i + 2;
        }

        return IsWord(i, end, "if") && IsWord(i + 1, end, "not") && IsWord(i + 2, end, "exists") ? i + 3 : i;
    }

    /// <summary>Reads a dotted name (a.b."C") starting at <paramref name="i"/>; null when none starts there.</summary>
    private string? ReadName(ref int i, int end)
    {
        if (i >= end || !(_tokens[i].IsIdentifier || _tokens[i].Kind == SqlTokenKind.String && _dialect != SqlDialect.PostgreSql))
        {
            return null;
        }

        var name = _tokens[i].Text;
        i++;
        if (i + 1 < end && _tokens[i].Kind == SqlTokenKind.Dot && _tokens[i + 1].IsIdentifier)
        {
            // Built once: hostile inputs can chain thousands of dotted parts.
            var builder = new StringBuilder(name);
            while (i + 1 < end && _tokens[i].Kind == SqlTokenKind.Dot && _tokens[i + 1].IsIdentifier)
            {
                builder.Append('.').Append(_tokens[i + 1].Text);
                i += 2;
            }

            name = builder.ToString();
        }

        if (i + 1 < end && _tokens[i].Kind == SqlTokenKind.Dot && _tokens[i + 1].Kind == SqlTokenKind.Operator && _tokens[i + 1].Text == "*")
        {
            i += 2;
        }

        return name;
    }

    private string? NameAt(int i, int end) => ReadName(ref i, end);

    private void AnalyzeStatement(int start, int end, bool nested)
    {
        if (start >= end)
        {
            return;
        }

        if (++_depth - _recursionBase > MaxRecursion || _depth > MaxRecursion * 2)
        {
            EmitOpaque("sql.nesting-limit", "statement nested too deeply to follow", parseError: true);
            _depth--;
            return;
        }

        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            Dispatch(start, end, nested);
        }
        finally
        {
            _depth--;
        }
    }

    private void Dispatch(int start, int end, bool nested)
    {
        var first = _tokens[start];
        if (first.Kind == SqlTokenKind.LeftParen)
        {
            if (_match[start] == end - 1)
            {
                AnalyzeStatement(start + 1, end - 1, nested);
            }
            else
            {
                AnalyzeQuery(start, end, nested);
            }

            return;
        }

        if (first.Kind == SqlTokenKind.MetaCommand)
        {
            AnalyzeMetaCommand(first.Text);
            return;
        }

        if (first.Kind != SqlTokenKind.Word)
        {
            EmitOpaque("sql.parse-error", "the statement does not start with a keyword", parseError: true);
            return;
        }

        if (!DispatchQueryOrDml(first.Text, start, end, nested)
            && !DispatchDdl(first.Text, start, end)
            && !DispatchSessionOrAdmin(first.Text, start, end))
        {
            EmitOpaque("sql.unknown-statement", "unrecognized statement '" + first.Text.ToUpperInvariant() + "'");
        }
    }

    private bool DispatchQueryOrDml(string keyword, int start, int end, bool nested)
    {
        switch (keyword)
        {
            case "select" or "values" or "table":
                AnalyzeQuery(start, end, nested);
                return true;
            case "with":
                AnalyzeWith(start, end, nested);
                return true;
            case "insert":
                AnalyzeInsert(start, end);
                return true;
            case "replace" when _dialect != SqlDialect.PostgreSql:
                AnalyzeInsert(start, end);
                return true;
            case "update":
                AnalyzeUpdate(start, end);
                return true;
            case "delete":
                AnalyzeDelete(start, end);
                return true;
            case "merge":
                AnalyzeMerge(start, end);
                return true;
            case "explain":
            case "describe" or "desc" when _dialect == SqlDialect.MySql && start + 1 < end
                && (_tokens[start + 1].Kind == SqlTokenKind.LeftParen || _tokens[start + 1].Text is "analyze" or "format" or "extended" or "partitions"
                    || IsMainStatementWord(_tokens[start + 1])):
                AnalyzeExplain(start, end, nested);
                return true;
            case "copy":
                AnalyzeCopy(start, end);
                return true;
            case "prepare":
                AnalyzePrepare(start, end);
                return true;
            case "execute":
                AnalyzeExecute(start, end);
                return true;
            case "declare":
                AnalyzeDeclare(start, end);
                return true;
            default:
                return false;
        }
    }
}
