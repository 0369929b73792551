using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Bash brace expansion, which the parser leaves as literal text: <c>{rm,-rf,/}</c> is three words,
/// <c>rm -rf /{etc,usr}</c> removes two directories. Only static words with unquoted braces expand.
/// </summary>
internal static class BraceExpansion
{
    /// <summary>Expansions per command before the rest is left as written; enough for real commands, bounded for hostile ones.</summary>
    private const int MaxWords = 64;

    public static IReadOnlyList<Word> Expand(IReadOnlyList<Word> words)
    {
        List<Word>? result = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var expanded = HasUnquotedBraces(word) ? ExpandText(word.Text) : null;
            if (expanded is null || expanded.Count <= 1)
            {
                result?.Add(word);
                continue;
            }

            result ??= [.. words.Take(i)];
            foreach (var text in expanded)
            {
                result.Add(new Word([new LiteralPart(text, QuoteKind.None)], word.Start, word.End));
            }
        }

        return result ?? words;
    }

    private static bool HasUnquotedBraces(Word word)
    {
        if (!word.IsStatic)
        {
            return false;
        }

        foreach (var part in word.Parts)
        {
            if (part is LiteralPart { Quote: QuoteKind.None } literal && literal.Text.Contains('{', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string>? ExpandText(string text)
    {
        var results = new List<string>();
        var pending = new Queue<string>();
        pending.Enqueue(text);
        var changed = false;
        while (pending.Count > 0 && results.Count + pending.Count <= MaxWords)
        {
            var current = pending.Dequeue();
            if (!TryFindGroup(current, out var open, out var close, out var commas))
            {
                results.Add(current);
                continue;
            }

            changed = true;
            var prefix = current[..open];
            var suffix = current[(close + 1)..];
            var start = open + 1;
            foreach (var comma in commas.Append(close))
            {
                pending.Enqueue(prefix + current[start..comma] + suffix);
                start = comma + 1;
            }
        }

        while (pending.Count > 0)
        {
            results.Add(pending.Dequeue());
        }

        return changed ? results : null;
    }

    /// <summary>The first <c>{a,b}</c> group with a comma at its own nesting level.</summary>
    private static bool TryFindGroup(string text, out int open, out int close, out List<int> commas)
    {
        commas = [];
        for (open = text.IndexOf('{', StringComparison.Ordinal); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var depth = 0;
            commas.Clear();
            for (close = open + 1; close < text.Length; close++)
            {
                var c = text[close];
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && depth-- == 0)
                {
                    break;
                }
                else if (c == ',' && depth == 0)
                {
                    commas.Add(close);
                }
            }

            if (close < text.Length && commas.Count > 0)
            {
                return true;
            }
        }

        close = -1;
        return false;
    }
}
