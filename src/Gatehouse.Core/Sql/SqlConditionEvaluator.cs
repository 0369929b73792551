using System.Globalization;

namespace Gatehouse.Core.Sql;

internal enum SqlTruth
{
    Unknown,
    True,
    False,
}

/// <summary>
/// Decides whether a WHERE condition is always true (or always false) from its shape alone:
/// literal truths (true, 1, NOT false), literal comparisons (1=1, 'a'='a', 2&gt;1), self-comparisons (x = x),
/// combined through AND, OR, NOT and parentheses. Anything that depends on row data is Unknown.
/// </summary>
internal sealed class SqlConditionEvaluator
{
    private const int MaxDepth = 64;
    private readonly List<SqlToken> _tokens;
    private readonly int[] _match;

    public SqlConditionEvaluator(List<SqlToken> tokens, int[] match)
    {
        _tokens = tokens;
        _match = match;
    }

    public SqlTruth Evaluate(int start, int end) => Evaluate(start, end, 0);

    private SqlTruth Evaluate(int start, int end, int depth)
    {
        if (start >= end || depth > MaxDepth)
        {
            return SqlTruth.Unknown;
        }

        var disjuncts = SplitTopLevel(start, end, "or");
        if (disjuncts.Count > 1)
        {
            var allFalse = true;
            foreach (var (s, e) in disjuncts)
            {
                var truth = Evaluate(s, e, depth + 1);
                if (truth == SqlTruth.True)
                {
                    return SqlTruth.True;
                }

                allFalse &= truth == SqlTruth.False;
            }

            return allFalse ? SqlTruth.False : SqlTruth.Unknown;
        }

        var conjuncts = SplitTopLevel(start, end, "and");
        if (conjuncts.Count > 1)
        {
            var allTrue = true;
            foreach (var (s, e) in conjuncts)
            {
                var truth = Evaluate(s, e, depth + 1);
                if (truth == SqlTruth.False)
                {
                    return SqlTruth.False;
                }

                allTrue &= truth == SqlTruth.True;
            }

            return allTrue ? SqlTruth.True : SqlTruth.Unknown;
        }

        if (_tokens[start].IsWord("not"))
        {
            return Invert(Evaluate(start + 1, end, depth + 1));
        }

        if (_tokens[start].Kind == SqlTokenKind.LeftParen && _match[start] == end - 1)
        {
            return Evaluate(start + 1, end - 1, depth + 1);
        }

        return EvaluatePredicate(start, end);
    }

    private static SqlTruth Invert(SqlTruth truth) => truth switch
    {
        SqlTruth.True => SqlTruth.False,
        SqlTruth.False => SqlTruth.True,
        _ => SqlTruth.Unknown,
    };

    private SqlTruth EvaluatePredicate(int start, int end)
    {
        if (end - start == 1)
        {
            return LiteralTruth(_tokens[start]);
        }

        // <operand> IS [NOT] NULL|TRUE|FALSE with a literal operand.
        var isIndex = IndexOfTopLevelWord(start, end, "is");
        if (isIndex > start)
        {
            return EvaluateIs(start, isIndex, end);
        }

        for (var i = start; i < end; i++)
        {
            var token = _tokens[i];
            if (token.Kind == SqlTokenKind.LeftParen && _match[i] > i)
            {
                i = _match[i];
                continue;
            }

            if (token.Kind == SqlTokenKind.Operator && IsComparison(token.Text))
            {
                return Compare(start, i, i + 1, end, token.Text);
            }
        }

        return SqlTruth.Unknown;
    }

    private SqlTruth EvaluateIs(int start, int isIndex, int end)
    {
        if (isIndex - start != 1)
        {
            return SqlTruth.Unknown;
        }

        var operand = _tokens[start];
        var i = isIndex + 1;
        var negate = i < end && _tokens[i].IsWord("not");
        if (negate)
        {
            i++;
        }

        if (i != end - 1)
        {
            return SqlTruth.Unknown;
        }

        SqlTruth result;
        if (_tokens[i].IsWord("null"))
        {
            result = operand.IsWord("null") ? SqlTruth.True
                : operand.Kind is SqlTokenKind.Number or SqlTokenKind.String || IsBoolean(operand) ? SqlTruth.False
                : SqlTruth.Unknown;
        }
        else if (IsBoolean(_tokens[i]))
        {
            var literal = LiteralTruth(operand);
            result = literal == SqlTruth.Unknown ? SqlTruth.Unknown
                : (literal == SqlTruth.True) == _tokens[i].IsWord("true") ? SqlTruth.True : SqlTruth.False;
        }
        else
        {
            return SqlTruth.Unknown;
        }

        return negate ? Invert(result) : result;
    }

    private static bool IsBoolean(SqlToken token) => token.IsWord("true") || token.IsWord("false");

    private static SqlTruth LiteralTruth(SqlToken token)
    {
        if (token.IsWord("true"))
        {
            return SqlTruth.True;
        }

        if (token.IsWord("false"))
        {
            return SqlTruth.False;
        }

        if (token.Kind == SqlTokenKind.Number && double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value != 0 ? SqlTruth.True : SqlTruth.False;
        }

        if (token.Kind == SqlTokenKind.String && token.Text is "t" or "true" or "y" or "yes" or "on" or "1")
        {
            return SqlTruth.True;
        }

        return SqlTruth.Unknown;
    }

    private static bool IsComparison(string op) => op is "=" or "==" or "<>" or "!=" or "<" or ">" or "<=" or ">=" or "<=>";

    private SqlTruth Compare(int leftStart, int leftEnd, int rightStart, int rightEnd, string op)
    {
        if (leftEnd <= leftStart || rightEnd <= rightStart)
        {
            return SqlTruth.Unknown;
        }

        if (SameTokens(leftStart, leftEnd, rightStart, rightEnd) && !ContainsCall(leftStart, leftEnd))
        {
            // x = x holds for every row where x is not null; treated as the tautology it is meant to be.
            return op is "=" or "==" or "<=" or ">=" or "<=>" ? SqlTruth.True : SqlTruth.False;
        }

        if (leftEnd - leftStart != 1 || rightEnd - rightStart != 1)
        {
            return SqlTruth.Unknown;
        }

        var left = _tokens[leftStart];
        var right = _tokens[rightStart];
        int order;
        if (left.Kind == SqlTokenKind.Number && right.Kind == SqlTokenKind.Number
            && double.TryParse(left.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
            && double.TryParse(right.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
        {
            order = l.CompareTo(r);
        }
        else if (left.Kind == SqlTokenKind.String && right.Kind == SqlTokenKind.String)
        {
            order = string.CompareOrdinal(left.Text, right.Text);
        }
        else if (IsBoolean(left) && IsBoolean(right))
        {
            order = left.IsWord("true").CompareTo(right.IsWord("true"));
        }
        else
        {
            return SqlTruth.Unknown;
        }

        var holds = op switch
        {
            "=" or "==" or "<=>" => order == 0,
            "<>" or "!=" => order != 0,
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
        return holds ? SqlTruth.True : SqlTruth.False;
    }

    private bool SameTokens(int aStart, int aEnd, int bStart, int bEnd)
    {
        if (aEnd - aStart != bEnd - bStart)
        {
            return false;
        }

        for (var k = 0; k < aEnd - aStart; k++)
        {
            var a = _tokens[aStart + k];
            var b = _tokens[bStart + k];
            if (a.Kind != b.Kind || !string.Equals(a.Text, b.Text, StringComparison.Ordinal) || a.Kind == SqlTokenKind.Parameter)
            {
                return false;
            }
        }

        return true;
    }

    private bool ContainsCall(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (_tokens[i].Kind == SqlTokenKind.LeftParen)
            {
                return true;
            }
        }

        return false;
    }

    private int IndexOfTopLevelWord(int start, int end, string word)
    {
        for (var i = start; i < end; i++)
        {
            if (_tokens[i].Kind == SqlTokenKind.LeftParen && _match[i] > i)
            {
                i = _match[i];
                continue;
            }

            if (_tokens[i].IsWord(word))
            {
                return i;
            }
        }

        return -1;
    }

    private List<(int Start, int End)> SplitTopLevel(int start, int end, string word)
    {
        var parts = new List<(int, int)>();
        var partStart = start;
        var inBetween = false;
        for (var i = start; i < end; i++)
        {
            var token = _tokens[i];
            if (token.Kind == SqlTokenKind.LeftParen && _match[i] > i)
            {
                i = _match[i];
                continue;
            }

            // BETWEEN a AND b: that AND belongs to the predicate, not to the conjunction.
            if (token.IsWord("between"))
            {
                inBetween = true;
                continue;
            }

            if (token.IsWord(word))
            {
                if (inBetween && string.Equals(word, "and", StringComparison.Ordinal))
                {
                    inBetween = false;
                    continue;
                }

                parts.Add((partStart, i));
                partStart = i + 1;
            }
        }

        parts.Add((partStart, end));
        return parts;
    }
}
