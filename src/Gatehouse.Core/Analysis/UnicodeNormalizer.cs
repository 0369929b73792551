using System.Globalization;
using System.Text;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Undoes the Unicode tricks used to hide a command from a reader or a guard: invisible format
/// characters (zero-width spaces, bidirectional overrides), compatibility forms (full-width
/// letters), and look-alike letters from other scripts mixed into Latin words.
/// </summary>
internal static class UnicodeNormalizer
{
    /// <summary>Cyrillic and Greek letters that render like Latin ones, folded when they appear inside a Latin word.</summary>
    private static readonly Dictionary<char, char> Confusables = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['с'] = 'c', ['ԁ'] = 'd', ['е'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ј'] = 'j',
        ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['ԛ'] = 'q', ['ѕ'] = 's', ['т'] = 't',
        ['у'] = 'y', ['х'] = 'x', ['ԝ'] = 'w', ['ӏ'] = 'l', ['ɡ'] = 'g', ['ѵ'] = 'v', ['г'] = 'r',
        ['А'] = 'A', ['В'] = 'B', ['С'] = 'C', ['Е'] = 'E', ['Н'] = 'H', ['І'] = 'I', ['Ј'] = 'J', ['К'] = 'K',
        ['М'] = 'M', ['О'] = 'O', ['Р'] = 'P', ['Ѕ'] = 'S', ['Т'] = 'T', ['Х'] = 'X', ['У'] = 'Y',
        ['α'] = 'a', ['ο'] = 'o', ['ρ'] = 'p', ['ν'] = 'v', ['τ'] = 't', ['ι'] = 'i', ['κ'] = 'k', ['χ'] = 'x',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Χ'] = 'X', ['Υ'] = 'Y', ['Ζ'] = 'Z',
    };

    /// <summary>
    /// Returns the text a shell would effectively run, and whether anything deceptive was found.
    /// Pure-ASCII input (nearly all input) is returned as is without allocating.
    /// </summary>
    public static string Normalize(string text, out bool deceptive)
    {
        deceptive = false;
        if (!HasNonAscii(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            switch (category)
            {
                case UnicodeCategory.Format:
                    // Zero-width and bidi controls have no business in a command line; dropping them shows what runs.
                    deceptive = true;
                    continue;
                case UnicodeCategory.Control when c is not ('\n' or '\t' or '\r'):
                    // Escape sequences and other controls can hide text on a terminal; keep them, but flag the input.
                    deceptive = true;
                    break;
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    // Renders as a line break, but a shell does not break there.
                    deceptive = true;
                    builder.Append('\n');
                    continue;
                default:
                    break;
            }

            builder.Append(c);
        }

        // Compatibility forms that exist to look like ASCII: full-width letters and exotic spaces.
        // (Done by hand: the process runs with invariant globalization, where string.Normalize is a no-op.)
        var compatible = FoldCompatibilityForms(builder.ToString(), ref deceptive);
        var folded = FoldMixedScriptWords(compatible, ref deceptive);
        return folded;
    }

    /// <summary>Non-ASCII text needs the full pass; so do control characters such as ANSI escapes that repaint what a reader sees.</summary>
    private static bool HasNonAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F || (c < 0x20 && c is not ('\n' or '\t' or '\r')) || c == 0x7F)
            {
                return true;
            }
        }

        return false;
    }

    private static string FoldCompatibilityForms(string text, ref bool deceptive)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char folded;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                folded = (char)(c - 0xFEE0);
            }
            else if (c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000')
            {
                folded = ' ';
            }
            else if (c is '\u2215' or '\u2044' or '\u29F8')
            {
                // Division and fraction slashes render as '/'.
                folded = '/';
            }
            else
            {
                continue;
            }

            builder ??= new StringBuilder(text);
            builder[i] = folded;
            deceptive = true;
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>Folds look-alikes only in words that also hold ASCII letters: "rм" is a disguised rm, "Привет" is just Russian.</summary>
    private static string FoldMixedScriptWords(string text, ref bool deceptive)
    {
        StringBuilder? builder = null;
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsWordBoundary(text[i]))
            {
                continue;
            }

            if (i > wordStart && ShouldFold(text, wordStart, i, out var mixed))
            {
                builder ??= new StringBuilder(text);
                for (var j = wordStart; j < i; j++)
                {
                    if (Confusables.TryGetValue(text[j], out var latin))
                    {
                        builder[j] = latin;
                    }
                }

                deceptive |= mixed;
            }

            wordStart = i + 1;
        }

        return builder?.ToString() ?? text;
    }

    private static bool IsWordBoundary(char c) => char.IsWhiteSpace(c) || c is ';' or '|' or '&' or '(' or ')' or '<' or '>' or '\'' or '"' or '`' or '=' or '/' or '$';

    /// <summary>Folds words that mix look-alikes with ASCII letters: "rм" is a disguised rm.</summary>
    private static bool ShouldFold(string text, int start, int end, out bool mixed)
    {
        var hasAsciiLetter = false;
        var hasConfusable = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                hasAsciiLetter = true;
            }
            else if (Confusables.ContainsKey(c))
            {
                hasConfusable = true;
            }
        }

        // Words made only of look-alikes stay as written: in prose they are just another script, and as a
        // command name the walker refuses non-ASCII names anyway.
        mixed = hasConfusable && hasAsciiLetter;
        return mixed;
    }

}
