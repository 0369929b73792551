namespace Gatehouse.Core.Sql;

/// <summary>One statement as a half-open token range; <see cref="Error"/> is set when it cannot be analyzed.</summary>
internal readonly record struct SqlStatementRange(int Start, int End, string? Error);

/// <summary>The statements of one input and, for every parenthesis, the index of its partner.</summary>
internal sealed record SqlSplitResult(List<SqlStatementRange> Statements, int[] MatchingParen);

/// <summary>
/// Splits a token stream into statements on semicolons outside parentheses and outside the
/// BEGIN … END bodies of routines and triggers, matching parentheses in the same linear pass.
/// </summary>
internal static class SqlStatementSplitter
{
    /// <summary>Deeper nesting than any real query: treated as hostile and reported opaque.</summary>
    public const int MaxParenthesisDepth = 200;

    public static SqlSplitResult Split(List<SqlToken> tokens, string? lexError)
    {
        var statements = new List<SqlStatementRange>();
        var match = new int[tokens.Count];
        var open = new Stack<int>();
        var start = 0;
        var blockDepth = 0;
        var routineCheckedFor = -1;
        var routine = false;
        string? error = null;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case SqlTokenKind.LeftParen:
                    open.Push(i);
                    match[i] = -1;
                    if (open.Count > MaxParenthesisDepth)
                    {
                        error ??= "parentheses nested too deeply";
                    }

                    break;
                case SqlTokenKind.RightParen:
                    if (open.Count == 0)
                    {
                        error ??= "unbalanced closing parenthesis";
                        match[i] = -1;
                    }
                    else
                    {
                        var left = open.Pop();
                        match[left] = i;
                        match[i] = left;
                    }

                    break;
                case SqlTokenKind.Semicolon when open.Count == 0 && blockDepth == 0:
                    Close(statements, start, i, ref error);
                    start = i + 1;
                    break;
                case SqlTokenKind.MetaCommand:
                    if (open.Count == 0 && blockDepth == 0)
                    {
                        Close(statements, start, i, ref error);
                        statements.Add(new SqlStatementRange(i, i + 1, null));
                        start = i + 1;
                    }

                    break;
                case SqlTokenKind.Word when open.Count == 0 && i > start && tokens[start].IsWord("create"):
                    if (routineCheckedFor != start)
                    {
                        routineCheckedFor = start;
                        routine = IsRoutineHeader(tokens, start);
                    }

                    if (routine)
                    {
                        blockDepth = TrackRoutineBlock(tokens, i, blockDepth);
                    }

                    break;
                default:
                    break;
            }
        }

        if (open.Count > 0)
        {
            error ??= "unclosed parenthesis";
            foreach (var left in open)
            {
                match[left] = -1;
            }
        }

        if (blockDepth > 0)
        {
            // An unterminated BEGIN … END body: the server rejects it, and a client splitting on ';'
            // would still run what follows, so the rest is split without block tracking.
            start = SplitIgnoringBlocks(tokens, start, statements, error);
        }

        if (lexError is not null)
        {
            statements.Add(new SqlStatementRange(start, tokens.Count, lexError));
        }
        else
        {
            Close(statements, start, tokens.Count, ref error);
        }

        return new SqlSplitResult(statements, match);
    }

    private static int SplitIgnoringBlocks(List<SqlToken> tokens, int start, List<SqlStatementRange> statements, string? error)
    {
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case SqlTokenKind.LeftParen:
                    depth++;
                    break;
                case SqlTokenKind.RightParen:
                    depth = Math.Max(0, depth - 1);
                    break;
                case SqlTokenKind.Semicolon or SqlTokenKind.MetaCommand when depth == 0:
                    if (i > start)
                    {
                        statements.Add(new SqlStatementRange(start, i, error));
                    }

                    if (tokens[i].Kind == SqlTokenKind.MetaCommand)
                    {
                        statements.Add(new SqlStatementRange(i, i + 1, null));
                    }

                    start = i + 1;
                    break;
                default:
                    break;
            }
        }

        return start;
    }

    private static void Close(List<SqlStatementRange> statements, int start, int end, ref string? error)
    {
        if (end > start || error is not null)
        {
            statements.Add(new SqlStatementRange(start, end, error));
        }

        error = null;
    }

    /// <summary>
    /// Only CREATE FUNCTION/PROCEDURE/TRIGGER/EVENT can hold a BEGIN … END body; elsewhere "begin" may be a
    /// plain identifier (CREATE TABLE begin …) and must not stop a following ';' from ending the statement.
    /// </summary>
    private static bool IsRoutineHeader(List<SqlToken> tokens, int start)
    {
        var limit = Math.Min(tokens.Count, start + 16);
        for (var k = start + 1; k < limit; k++)
        {
            var token = tokens[k];
            if (token.Kind == SqlTokenKind.Semicolon || token.Kind == SqlTokenKind.LeftParen)
            {
                return false;
            }

            if (token.IsWord("function") || token.IsWord("procedure") || token.IsWord("trigger") || token.IsWord("event"))
            {
                return true;
            }
        }

        return false;
    }

    // Trigger and routine bodies written as BEGIN … END (SQLite, MySQL, SQL-standard PostgreSQL bodies)
    // hold semicolons that do not end the CREATE statement. CASE … END nests inside them.
    private static int TrackRoutineBlock(List<SqlToken> tokens, int i, int blockDepth)
    {
        var text = tokens[i].Text;
        if (string.Equals(text, "begin", StringComparison.Ordinal))
        {
            return blockDepth + 1;
        }

        if (blockDepth == 0)
        {
            return 0;
        }

        if (string.Equals(text, "case", StringComparison.Ordinal) && !(i > 0 && tokens[i - 1].IsWord("end")))
        {
            return blockDepth + 1;
        }

        if (string.Equals(text, "end", StringComparison.Ordinal))
        {
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            var closesOther = next.IsWord("if") || next.IsWord("loop") || next.IsWord("while") || next.IsWord("repeat");
            return closesOther ? blockDepth : blockDepth - 1;
        }

        return blockDepth;
    }
}
