using System.Text;

namespace Gatehouse.Core.NoSql;

internal enum JsTokenKind
{
    Identifier,
    String,
    Number,
    Punctuation,
    Regex,
}

internal readonly record struct JsToken(JsTokenKind Kind, string Text)
{
    public bool Is(string punctuationOrIdentifier) => string.Equals(Text, punctuationOrIdentifier, StringComparison.Ordinal)
        && Kind is JsTokenKind.Punctuation or JsTokenKind.Identifier;
}

/// <summary>The tokens of a mongo shell script, bracket partners, and the first error if it could not be tokenized.</summary>
internal sealed record JsTokens(List<JsToken> Tokens, int[] Match, string? Error);

/// <summary>
/// A small JavaScript tokenizer for mongo shell scripts: strings, template literals, comments, regex
/// literals and brackets, enough to find db.… call chains and judge their arguments structurally.
/// </summary>
internal static class JsTokenizer
{
    public static JsTokens Tokenize(string text)
    {
        var tokens = new List<JsToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return new JsTokens(tokens, [], "unterminated comment");
                }

                i = end + 2;
            }
            else if (c is '"' or '\'' or '`')
            {
                var (value, next) = ReadString(text, i);
                if (next < 0)
                {
                    return new JsTokens(tokens, [], "unterminated string");
                }

                tokens.Add(new JsToken(JsTokenKind.String, value));
                i = next;
            }
            else if (c == '/' && RegexAllowed(tokens))
            {
                var next = SkipRegex(text, i);
                if (next < 0)
                {
                    return new JsTokens(tokens, [], "unterminated regular expression");
                }

                tokens.Add(new JsToken(JsTokenKind.Regex, text[i..next]));
                i = next;
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$' || c >= '\u0080')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$' || text[i] >= '\u0080'))
                {
                    i++;
                }

                tokens.Add(new JsToken(JsTokenKind.Identifier, text[start..i]));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }

                tokens.Add(new JsToken(JsTokenKind.Number, text[start..i]));
            }
            else
            {
                tokens.Add(new JsToken(JsTokenKind.Punctuation, c.ToString()));
                i++;
            }
        }

        var match = MatchBrackets(tokens, out var error);
        return new JsTokens(tokens, match, error);
    }

    private static (string Value, int Next) ReadString(string text, int start)
    {
        var quote = text[start];
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == quote)
            {
                return (value.ToString(), i + 1);
            }

            if (c == '\n' && quote != '`')
            {
                return (string.Empty, -1);
            }

            value.Append(c);
            i++;
        }

        return (string.Empty, -1);
    }

    private static bool RegexAllowed(List<JsToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return true;
        }

        var last = tokens[^1];
        return last.Kind == JsTokenKind.Punctuation && last.Text is "(" or "," or ":" or "[" or "=" or "!" or "&" or "|" or "?" or "{" or "}" or ";";
    }

    private static int SkipRegex(string text, int start)
    {
        var inClass = false;
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '\n')
            {
                return -1;
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                var end = i + 1;
                while (end < text.Length && char.IsAsciiLetter(text[end]))
                {
                    end++;
                }

                return end;
            }
        }

        return -1;
    }

    private static int[] MatchBrackets(List<JsToken> tokens, out string? error)
    {
        error = null;
        var match = new int[tokens.Count];
        var open = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            match[i] = -1;
            var token = tokens[i];
            if (token.Kind != JsTokenKind.Punctuation)
            {
                continue;
            }

            if (token.Text is "(" or "[" or "{")
            {
                open.Push(i);
                if (open.Count > 200)
                {
                    error = "brackets nested too deeply";
                    return match;
                }
            }
            else if (token.Text is ")" or "]" or "}")
            {
                if (open.Count == 0 || !Pairs(tokens[open.Peek()].Text, token.Text))
                {
                    error = "unbalanced brackets";
                    return match;
                }

                var left = open.Pop();
                match[left] = i;
                match[i] = left;
            }
        }

        if (open.Count > 0)
        {
            error = "unclosed bracket";
        }

        return match;
    }

    private static bool Pairs(string open, string close) =>
        (open, close) is ("(", ")") or ("[", "]") or ("{", "}");
}
