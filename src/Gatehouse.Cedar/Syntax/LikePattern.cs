using System.Text;

namespace Gatehouse.Cedar.Syntax;

/// <summary>A <c>like</c> pattern: UTF-16 code units, with <see cref="Wildcard"/> for each unescaped <c>*</c>.</summary>
internal sealed class LikePattern
{
    public const int Wildcard = -1;

    private readonly int[] _elements;

    public LikePattern(string literal, IReadOnlyList<int> wildcardOffsets)
    {
        var elements = new List<int>(literal.Length + wildcardOffsets.Count);
        var w = 0;
        for (var i = 0; i <= literal.Length; i++)
        {
            while (w < wildcardOffsets.Count && wildcardOffsets[w] == i)
            {
                elements.Add(Wildcard);
                w++;
            }

            if (i < literal.Length)
            {
                elements.Add(literal[i]);
            }
        }

        _elements = [.. elements];
    }

    /// <summary>Glob match that backtracks only to the latest star, so it is O(n·m) at worst, never exponential.</summary>
    public bool Matches(string text)
    {
        var pattern = _elements;
        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != Wildcard && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == Wildcard)
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == Wildcard)
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>The pattern as a Cedar literal, with literal stars escaped.</summary>
    public override string ToString()
    {
        var literal = new StringBuilder();
        var builder = new StringBuilder("\"");
        foreach (var element in _elements)
        {
            if (element == Wildcard)
            {
                Flush(builder, literal);
                builder.Append('*');
            }
            else
            {
                literal.Append((char)element);
            }
        }

        Flush(builder, literal);
        return builder.Append('"').ToString();
    }

    private static void Flush(StringBuilder builder, StringBuilder literal)
    {
        if (literal.Length == 0)
        {
            return;
        }

        var quoted = CedarStrings.Quote(literal.ToString());
        builder.Append(quoted.AsSpan(1, quoted.Length - 2).ToString().Replace("*", "\\*", StringComparison.Ordinal));
        literal.Clear();
    }
}
