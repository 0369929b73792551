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
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// A comment runs to the end of the line over any Unicode scalar value; a lone surrogate is not one,
    /// so it ends the comment and is then rejected as a character outside any token.
    /// </summary>
    private void SkipComment()
    {
        _position++;
        while (_position < _source.Length && _source[_position] is not ('\n' or '\r'))
        {
            var width = ScalarWidth(_position);
            if (width == 0)
            {
                throw new GraphQLSyntaxException($"Invalid character U+{(int)_source[_position]:X4}.", _position);
            }

            _position += width;
        }
    }

    /// <summary>How many UTF-16 units the Unicode scalar value at <paramref name="index"/> takes: 1, 2, or 0 for a lone surrogate.</summary>
    private int ScalarWidth(int index)
    {
        var c = _source[index];
        if (!char.IsSurrogate(c))
        {
            return 1;
        }

        return char.IsHighSurrogate(c) && index + 1 < _source.Length && char.IsLowSurrogate(_source[index + 1]) ? 2 : 0;
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

            _position += StringCharacterWidth(start);
        }

        throw new GraphQLSyntaxException("Unterminated string.", start);
    }

    private int StringCharacterWidth(int tokenStart)
    {
        var width = ScalarWidth(_position);
        if (width == 0)
        {
            throw new GraphQLSyntaxException($"Invalid character U+{(int)_source[_position]:X4} within a string.", tokenStart);
        }

        return width;
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

    /// <summary>
    /// <c>\u{X…}</c> takes one to eight hex digits naming a scalar value. <c>\uXXXX</c> names a scalar value, or a
    /// high surrogate that must be followed at once by an escaped low surrogate; a lone surrogate is an error,
    /// since a server that decodes it differently could see another name than we do.
    /// </summary>
    private void ReadUnicodeEscape(StringBuilder builder, int tokenStart)
    {
        if (_position < _source.Length && _source[_position] == '{')
        {
            var digitsStart = _position + 1;
            var close = digitsStart;
            while (close < _source.Length && close - digitsStart < 9 && _source[close] != '}')
            {
                close++;
            }

            if (close >= _source.Length || _source[close] != '}' || close - digitsStart is < 1 or > 8)
            {
                throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
            }

            var codePoint = ParseHex(_source.AsSpan(digitsStart, close - digitsStart), tokenStart);
            if (!IsScalarValue(codePoint))
            {
                throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
            }

            builder.Append(char.ConvertFromUtf32(codePoint));
            _position = close + 1;
            return;
        }

        var unit = ReadFixedWidthHex(_position, tokenStart);
        _position += 4;
        if (IsScalarValue(unit))
        {
            builder.Append((char)unit);
            return;
        }

        if (unit <= 0xDBFF && _position + 6 <= _source.Length && _source[_position] == '\\' && _source[_position + 1] == 'u')
        {
            var low = ReadFixedWidthHex(_position + 2, tokenStart);
            if (low is >= 0xDC00 and <= 0xDFFF)
            {
                builder.Append((char)unit).Append((char)low);
                _position += 6;
                return;
            }
        }

        throw new GraphQLSyntaxException("Invalid unicode escape (lone surrogate).", tokenStart);
    }

    private static bool IsScalarValue(int codePoint) => codePoint is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private int ReadFixedWidthHex(int index, int tokenStart)
    {
        if (index + 4 > _source.Length)
        {
            throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
        }

        return ParseHex(_source.AsSpan(index, 4), tokenStart);
    }

    private static int ParseHex(ReadOnlySpan<char> hex, int tokenStart)
    {
        var value = 0;
        foreach (var c in hex)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                throw new GraphQLSyntaxException("Invalid unicode escape.", tokenStart);
            }

            // Past the Unicode range the value only has to stay out of range, not grow without bound.
            value = value > 0x10FFFF ? value : (value << 4) | digit;
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

            _position += StringCharacterWidth(start);
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
