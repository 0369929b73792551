using System.Globalization;
using System.Text;

namespace Gatehouse.Core.GraphQL;

/// <summary>
/// The lexical grammar of GraphQL (October 2021): ignored tokens (BOM, white space, line terminators,
/// comments, commas), punctuators, names, numbers, strings with escapes, and block strings.
/// Tokens are produced on demand so a huge document costs one pass and no token list.
/// </summary>
internal sealed class GraphQLLexer
{
    private readonly string _source;
    private int _position;

    public GraphQLLexer(string source)
    {
        _source = source;
    }

    public GraphQLToken Next()
    {
        SkipIgnored();
        if (_position >= _source.Length)
        {
            return new GraphQLToken(GraphQLTokenKind.EndOfDocument, '\0', _position);
        }

        var start = _position;
        var c = _source[_position];
        switch (c)
        {
            case '!':
            case '$':
            case '&':
            case '(':
            case ')':
            case ':':
            case '=':
            case '@':
            case '[':
            case ']':
            case '{':
            case '|':
            case '}':
                _position++;
                return new GraphQLToken(GraphQLTokenKind.Punctuator, c, start);
            case '.':
                if (_position + 2 < _source.Length && _source[_position + 1] == '.' && _source[_position + 2] == '.')
                {
                    _position += 3;
                    return new GraphQLToken(GraphQLTokenKind.Punctuator, '.', start);
                }

                throw new GraphQLSyntaxException("Unexpected '.' (a spread is '...').", start);
            case '"':
                return IsBlockStringStart() ? ReadBlockString() : ReadString();
            default:
                break;
        }

        if (IsNameStart(c))
        {
            return ReadName();
        }

        if (c == '-' || IsDigit(c))
        {
            return ReadNumber();
        }

        throw new GraphQLSyntaxException($"Unexpected character U+{(int)c:X4}.", start);
    }

    internal static bool IsNameStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private void SkipIgnored()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c is ' ' or '\t' or ',' or '\n' or '\r' or '\uFEFF')
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < _source.Length && _source[_position] is not ('\n' or '\r'))
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

    private GraphQLToken ReadName()
    {
        var start = _position;
        _position++;
        while (_position < _source.Length && IsNameContinue(_source[_position]))
        {
            _position++;
        }

        return new GraphQLToken(GraphQLTokenKind.Name, '\0', start, _source, _position - start);
    }

    private GraphQLToken ReadNumber()
    {
        var start = _position;
        var isFloat = false;
        if (_source[_position] == '-')
        {
            _position++;
        }

        if (_position < _source.Length && _source[_position] == '0')
        {
            _position++;
            if (_position < _source.Length && IsDigit(_source[_position]))
            {
                throw new GraphQLSyntaxException("Leading zeros are not allowed in numbers.", start);
            }
        }
        else
        {
            ReadDigits(start);
        }

        if (_position < _source.Length && _source[_position] == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits(start);
        }

        if (_position < _source.Length && _source[_position] is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (_position < _source.Length && _source[_position] is '+' or '-')
            {
                _position++;
            }

            ReadDigits(start);
        }

        // A number may not run straight into a name start or a dot (e.g. 1.2.3, 0x1F, 123abc).
        if (_position < _source.Length && (_source[_position] == '.' || IsNameStart(_source[_position])))
        {
            throw new GraphQLSyntaxException("Invalid number.", start);
        }

        return new GraphQLToken(isFloat ? GraphQLTokenKind.Float : GraphQLTokenKind.Int, '\0', start, _source, _position - start);
    }

    private void ReadDigits(int tokenStart)
    {
        var digitsStart = _position;
        while (_position < _source.Length && IsDigit(_source[_position]))
        {
            _position++;
        }

        if (_position == digitsStart)
        {
            throw new GraphQLSyntaxException("Expected a digit.", tokenStart);
        }
    }

    private bool IsBlockStringStart() =>
        _position + 2 < _source.Length && _source[_position + 1] == '"' && _source[_position + 2] == '"';

    private GraphQLToken ReadString()
    {
        var start = _position;
        _position++;
        StringBuilder? builder = null;
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"')
            {
                GraphQLToken token = builder is null
                    ? new(GraphQLTokenKind.String, '\0', chunkStart, _source, _position - chunkStart)
                    : new(GraphQLTokenKind.String, '\0', start, Decoded: builder.Append(_source, chunkStart, _position - chunkStart).ToString());
                _position++;
                return token;
            }

            if (c is '\n' or '\r')
            {
                throw new GraphQLSyntaxException("Unterminated string.", start);
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_source, chunkStart, _position - chunkStart);
                ReadEscape(builder, start);
                chunkStart = _position;
                continue;
            }

            _position++;
        }

        throw new GraphQLSyntaxException("Unterminated string.", start);
    }

    private void ReadEscape(StringBuilder builder, int tokenStart)
    {
        _position++;
        if (_position >= _source.Length)
        {
            throw new GraphQLSyntaxException("Unterminated escape.", tokenStart);
        }

        var c = _source[_position];
        _position++;
        switch (c)
        {
            case '"':
            case '\\':
            case '/':
                builder.Append(c);
                break;
            case 'b':
                builder.Append('\b');
                break;
            case 'f':
                builder.Append('\f');
                break;
            case 'n':
                builder.Append('\n');
                break;
            case 'r':
                builder.Append('\r');
                break;
            case 't':
                builder.Append('\t');
                break;
            case 'u':
                ReadUnicodeEscape(builder, tokenStart);
                break;
            default:
                throw new GraphQLSyntaxException($"Invalid escape '\\{c}'.", tokenStart);
        }
    }

    private void ReadUnicodeEscape(StringBuilder builder, int tokenStart)
    {
        int codePoint;
        if (_position < _source.Length && _source[_position] == '{')
        {
            var close = _source.IndexOf('}', _position);
            if (close < 0 || close - _position - 1 is < 1 or > 6)
            {
                throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
            }

            codePoint = ParseHex(_source.AsSpan(_position + 1, close - _position - 1), tokenStart);
            _position = close + 1;
        }
        else
        {
            if (_position + 4 > _source.Length)
            {
                throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
            }

            codePoint = ParseHex(_source.AsSpan(_position, 4), tokenStart);
            _position += 4;
        }

        if (codePoint > 0x10FFFF)
        {
            throw new GraphQLSyntaxException("Unicode escape out of range.", tokenStart);
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            // Surrogate halves written as two \uXXXX escapes are kept as-is: they only ever form names of values.
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }

    private static int ParseHex(ReadOnlySpan<char> hex, int tokenStart)
    {
        if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
        }

        return value;
    }

    private GraphQLToken ReadBlockString()
    {
        var start = _position;
        _position += 3;
        var raw = new StringBuilder();
        var chunkStart = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '"' && _position + 2 < _source.Length && _source[_position + 1] == '"' && _source[_position + 2] == '"')
            {
                raw.Append(_source, chunkStart, _position - chunkStart);
                _position += 3;
                return new GraphQLToken(GraphQLTokenKind.BlockString, '\0', start, Decoded: BlockStringValue(raw.ToString()));
            }

            if (c == '\\' && _position + 3 < _source.Length && string.CompareOrdinal(_source, _position + 1, "\"\"\"", 0, 3) == 0)
            {
                raw.Append(_source, chunkStart, _position - chunkStart).Append("\"\"\"");
                _position += 4;
                chunkStart = _position;
                continue;
            }

            _position++;
        }

        throw new GraphQLSyntaxException("Unterminated block string.", start);
    }

    /// <summary>The spec's BlockStringValue: strip the common indentation and blank leading/trailing lines.</summary>
    internal static string BlockStringValue(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        int? commonIndent = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = LeadingWhitespace(lines[i]);
            if (indent < lines[i].Length && (commonIndent is null || indent < commonIndent))
            {
                commonIndent = indent;
            }
        }

        if (commonIndent is > 0)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length <= commonIndent ? string.Empty : lines[i][commonIndent.Value..];
            }
        }

        var first = 0;
        while (first < lines.Length && LeadingWhitespace(lines[first]) == lines[first].Length)
        {
            first++;
        }

        var last = lines.Length - 1;
        while (last >= first && LeadingWhitespace(lines[last]) == lines[last].Length)
        {
            last--;
        }

        return first > last ? string.Empty : string.Join('\n', lines, first, last - first + 1);
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
