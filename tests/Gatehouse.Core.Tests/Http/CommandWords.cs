using System.Text;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Tests.Http;

/// <summary>
/// A small test-only splitter from a command-line string to shell words: single quotes are literal, double
/// quotes allow <c>\"</c> and <c>$NAME</c>, unquoted <c>$NAME</c> and <c>$(…)</c> become dynamic parts.
/// It is enough to write readable client-argument tests; the real shell parser lives elsewhere.
/// </summary>
internal static class CommandWords
{
    public static List<Word> Split(string line)
    {
        var words = new List<Word>();
        var parts = new List<WordPart>();
        var literal = new StringBuilder();
        var quote = QuoteKind.None;
        var inWord = false;
        var i = 0;

        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                parts.Add(new LiteralPart(literal.ToString(), quote));
                literal.Clear();
            }
        }

        void FlushWord()
        {
            FlushLiteral();
            if (inWord)
            {
                words.Add(new Word([.. parts], 0, 0));
            }

            parts.Clear();
            inWord = false;
        }

        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                FlushWord();
                i++;
                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                FlushLiteral();
                quote = QuoteKind.Single;
                var end = line.IndexOf('\'', i + 1);
                literal.Append(line, i + 1, end - i - 1);
                FlushLiteral();
                quote = QuoteKind.None;
                i = end + 1;
                continue;
            }

            if (c == '"')
            {
                FlushLiteral();
                quote = QuoteKind.Double;
                i++;
                while (line[i] != '"')
                {
                    if (line[i] == '\\' && line[i + 1] is '"' or '\\' or '$')
                    {
                        literal.Append(line[i + 1]);
                        i += 2;
                    }
                    else if (line[i] == '$' && char.IsAsciiLetter(line[i + 1]))
                    {
                        i = ReadParameter(line, i, quoted: true);
                    }
                    else
                    {
                        literal.Append(line[i++]);
                    }
                }

                FlushLiteral();
                quote = QuoteKind.None;
                i++;
                continue;
            }

            if (c == '$' && i + 1 < line.Length && line[i + 1] == '(')
            {
                FlushLiteral();
                var end = line.IndexOf(')', i);
                parts.Add(new CommandSubstitutionPart(new Script([]), Backtick: false, Quoted: false));
                i = end + 1;
                continue;
            }

            if (c == '$' && i + 1 < line.Length && char.IsAsciiLetter(line[i + 1]))
            {
                i = ReadParameter(line, i, quoted: false);
                continue;
            }

            literal.Append(c);
            i++;
        }

        FlushWord();
        return words;

        int ReadParameter(string text, int start, bool quoted)
        {
            FlushLiteral();
            var end = start + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            parts.Add(new ParameterPart(text[(start + 1)..end], null, null, quoted));
            return end;
        }
    }
}
