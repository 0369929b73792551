namespace Gatehouse.Cedar.Syntax;

/// <summary>Turns Cedar text into tokens; whitespace and <c>//</c> comments are skipped.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly string? _source;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string text, string? source)
    {
        _text = text;
        _source = source;
    }

    public static List<Token> Tokenize(string text, string? source)
    {
        var lexer = new Lexer(text, source);
        var tokens = new List<Token>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        SkipTrivia();
        var line = _line;
        var column = _position - _lineStart + 1;
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.End, string.Empty, line, column);
        }

        var c = _text[_position];
        if (IsIdentifierStart(c))
        {
            var start = _position;
            while (_position < _text.Length && IsIdentifierPart(_text[_position]))
            {
                _position++;
            }

            return new Token(TokenKind.Identifier, _text[start.._position], line, column);
        }

        if (char.IsAsciiDigit(c))
        {
            var start = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            return new Token(TokenKind.Integer, _text[start.._position], line, column);
        }

        if (c == '"')
        {
            return LexString(line, column);
        }

        _position++;
        var next = _position < _text.Length ? _text[_position] : '\0';
        TokenKind kind;
        switch (c)
        {
            case '(': kind = TokenKind.LeftParen; break;
            case ')': kind = TokenKind.RightParen; break;
            case '[': kind = TokenKind.LeftBracket; break;
            case ']': kind = TokenKind.RightBracket; break;
            case '{': kind = TokenKind.LeftBrace; break;
            case '}': kind = TokenKind.RightBrace; break;
            case ',': kind = TokenKind.Comma; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '.': kind = TokenKind.Dot; break;
            case '@': kind = TokenKind.At; break;
            case '?': kind = TokenKind.Question; break;
            case '+': kind = TokenKind.Plus; break;
            case '-': kind = TokenKind.Minus; break;
            case '*': kind = TokenKind.Star; break;
            case ':': kind = Pair(next, ':', TokenKind.DoubleColon, TokenKind.Colon); break;
            case '=': kind = Pair(next, '=', TokenKind.Equal, TokenKind.Assign); break;
            case '!': kind = Pair(next, '=', TokenKind.NotEqual, TokenKind.Bang); break;
            case '<': kind = Pair(next, '=', TokenKind.LessEqual, TokenKind.Less); break;
            case '>': kind = Pair(next, '=', TokenKind.GreaterEqual, TokenKind.Greater); break;
            case '&' when next == '&': _position++; kind = TokenKind.AndAnd; break;
            case '|' when next == '|': _position++; kind = TokenKind.OrOr; break;
            default:
                throw Error($"unexpected character '{Printable(c)}'", line, column);
        }

        return new Token(kind, string.Empty, line, column);
    }

    private TokenKind Pair(char next, char expected, TokenKind pair, TokenKind single)
    {
        if (next == expected)
        {
            _position++;
            return pair;
        }

        return single;
    }

    private Token LexString(int line, int column)
    {
        _position++;
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                var body = _text[start.._position];
                _position++;
                return new Token(TokenKind.String, body, line, column);
            }

            if (c == '\\')
            {
                _position++;
            }
            else if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }

            _position++;
        }

        throw Error("unterminated string literal", line, column);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\v' || char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private CedarParseException Error(string message, int line, int column) =>
        new([new CedarDiagnostic(message, line, column, _source)]);

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{{{(int)c:x}}}" : c.ToString();

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
