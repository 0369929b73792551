namespace Gatehouse.Core.Sql;

/// <summary>One statement of an input as the classifier splits it: its source slice, kind and any split error.</summary>
/// <param name="Start">Offset of the statement's first token in the input.</param>
/// <param name="Length">Characters up to (not including) the terminating ';', or to the end of the input.</param>
/// <param name="Text">The source slice; comments between its tokens are kept.</param>
/// <param name="Kind">The statement kind (<see cref="SqlStatementKind"/>), "meta-command" or "error".</param>
/// <param name="Error">Set when the statement could not be tokenized or split.</param>
internal sealed record SqlStatementInfo(int Start, int Length, string Text, string Kind, string? Error);

/// <summary>
/// Exposes how the classifier splits an input into statements and what kind each one is, so the split
/// can be checked against PostgreSQL's own parser without going through the actions.
/// </summary>
internal static class SqlStatementInspector
{
    public static List<SqlStatementInfo> Inspect(string sql, SqlDialect dialect = SqlDialect.PostgreSql)
    {
        var lex = SqlLexer.Lex(sql, dialect);
        var split = SqlStatementSplitter.Split(lex.Tokens, lex.Error);
        var tokens = lex.Tokens;
        var result = new List<SqlStatementInfo>(split.Statements.Count);
        foreach (var statement in split.Statements)
        {
            var start = statement.Start < tokens.Count ? tokens[statement.Start].Start : sql.Length;
            var stop = statement.End < tokens.Count ? tokens[statement.End].Start : sql.Length;
            if (statement.Start < tokens.Count && tokens[statement.Start].Kind == SqlTokenKind.MetaCommand)
            {
                stop = statement.Start + 1 < tokens.Count ? tokens[statement.Start + 1].Start : sql.Length;
            }

            var text = sql[start..Math.Max(start, stop)];
            string kind;
            if (statement.Error is not null)
            {
                kind = "error";
            }
            else if (statement.Start < tokens.Count && tokens[statement.Start].Kind == SqlTokenKind.MetaCommand)
            {
                kind = "meta-command";
            }
            else
            {
                kind = SqlStatementKind.Describe(tokens, split.MatchingParen, statement.Start, statement.End);
            }

            result.Add(new SqlStatementInfo(start, text.Length, text, kind, statement.Error));
        }

        return result;
    }
}
