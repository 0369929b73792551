namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// The names a condition or scope text refers to: attribute accesses on <c>principal</c>, <c>resource</c>
/// and <c>context</c> (one or two levels deep, and <c>has</c> tests) and entity literals (<c>T::"id"</c>).
/// A small scanner over the printed text that steps over string literals, so text inside a string is
/// never mistaken for a reference.
/// </summary>
internal static class PolicyReferences
{
    public static (List<(string Variable, string Attribute, string? Field)> Attributes, List<(string Type, string Id)> Entities) Find(string text)
    {
        var tokens = Tokenize(text);
        var attributes = new List<(string, string, string?)>();
        var entities = new List<(string, string)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Identifier && token.Text is "principal" or "resource" or "context")
            {
                if (Accessor(tokens, i + 1, out var attribute, out var next))
                {
                    attributes.Add((token.Text, attribute, Accessor(tokens, next, out var field, out _) ? field : null));
                }
                else if (At(tokens, i + 1, TokenKind.Identifier, "has") && i + 2 < tokens.Count && tokens[i + 2].Kind is TokenKind.Identifier or TokenKind.String)
                {
                    attributes.Add((token.Text, tokens[i + 2].Text, null));
                }
            }

            if (token.Kind == TokenKind.Identifier && (i == 0 || !At(tokens, i - 1, TokenKind.Punct, "::")) && !At(tokens, i - 1, TokenKind.Punct, "."))
            {
                var path = token.Text;
                var j = i + 1;
                while (At(tokens, j, TokenKind.Punct, "::") && At(tokens, j + 1, TokenKind.Identifier))
                {
                    path += "::" + tokens[j + 1].Text;
                    j += 2;
                }

                if (At(tokens, j, TokenKind.Punct, "::") && At(tokens, j + 1, TokenKind.String))
                {
                    entities.Add((path, tokens[j + 1].Text));
                }
            }
        }

        return (attributes, entities);
    }

    /// <summary>An attribute access at <paramref name="index"/>: <c>.name</c> (not a method call) or <c>["name"]</c>.</summary>
    private static bool Accessor(List<Token> tokens, int index, out string name, out int next)
    {
        name = string.Empty;
        next = index;
        if (At(tokens, index, TokenKind.Punct, ".") && At(tokens, index + 1, TokenKind.Identifier) && !At(tokens, index + 2, TokenKind.Punct, "("))
        {
            name = tokens[index + 1].Text;
            next = index + 2;
            return true;
        }

        if (At(tokens, index, TokenKind.Punct, "[") && At(tokens, index + 1, TokenKind.String) && At(tokens, index + 2, TokenKind.Punct, "]"))
        {
            name = tokens[index + 1].Text;
            next = index + 3;
            return true;
        }

        return false;
    }

    private static bool At(List<Token> tokens, int index, TokenKind kind, string? text = null) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind == kind && (text is null || string.Equals(tokens[index].Text, text, StringComparison.Ordinal));

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var value = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i]);
                    i++;
                }

                i++;
                tokens.Add(new Token(TokenKind.String, value.ToString()));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i]));
            }
            else if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
            {
                tokens.Add(new Token(TokenKind.Punct, "::"));
                i += 2;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString()));
                i++;
            }
        }

        return tokens;
    }

    private enum TokenKind
    {
        Identifier,
        String,
        Punct,
    }

    private readonly record struct Token(TokenKind Kind, string Text);
}
