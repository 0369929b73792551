using System.Text;

namespace Gatehouse.Core.Interpreters.Lexing;

/// <summary>Quote-like operators (Ruby <c>%w[]</c>, Perl <c>qw()</c>), regex literals and heredocs.</summary>
internal sealed partial class ScriptLexer
{
    private sealed record PendingHeredoc(int TokenIndex, string Terminator, bool Interpolate, bool Indented);

    private List<PendingHeredoc>? _pendingHeredocs;

    private static char ClosingDelimiter(char open) => open switch
    {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => open,
    };

    private static bool IsDelimiter(char c) => c != '\0' && !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && c != '_';

    private bool TryLexRubyPercent()
    {
        var start = _pos;
        var literalContext = !PreviousEndsOperand()
            || (_tokens[^1].Kind == TokenKind.Identifier && start > 0 && char.IsWhiteSpace(_src[start - 1]) && !char.IsWhiteSpace(Peek(1)));
        if (!literalContext)
        {
            return false;
        }

        var type = 'Q';
        var delimiterAt = _pos + 1;
        var t = Peek(1);
        if ("qQwWiIxsr".Contains(t, StringComparison.Ordinal) && IsDelimiter(Peek(2)))
        {
            type = t;
            delimiterAt = _pos + 2;
        }
        else if (!IsDelimiter(t) || t == '=')
        {
            return false;
        }

        var open = _src[delimiterAt];
        _pos = delimiterAt + 1;
        var literalOnly = type is 'q' or 'w' or 'i' or 's';
        var interpolation = literalOnly || type == 'r' ? Interpolation.None : Interpolation.HashBrace;
        var text = ReadQuoted(open, ClosingDelimiter(open), literalOnly || type == 'r', interpolation, out var dynamic);
        if (text is null)
        {
            return true;
        }

        switch (type)
        {
            case 'w' or 'W' or 'i' or 'I':
                AddWordList(start, text, "[", "]");
                break;
            case 'x':
                Add(TokenKind.Command, start, text, dynamic);
                break;
            case 'r':
                SkipWhile(char.IsAsciiLetterLower);
                Add(TokenKind.Regex, start, string.Empty);
                break;
            default:
                Add(TokenKind.String, start, text, dynamic);
                break;
        }

        return true;
    }

    /// <summary>Word lists become an ordinary list literal so the evaluator needs no special case.</summary>
    private void AddWordList(int start, string text, string open, string close)
    {
        Add(TokenKind.Punct, start, open);
        var first = true;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first)
            {
                Add(TokenKind.Punct, start, ",");
            }

            Add(TokenKind.String, start, word, DynamicText.IsDynamic(word));
            first = false;
        }

        Add(TokenKind.Punct, start, close);
    }

    private bool TryLexPerlQuoteLike(int start, string name)
    {
        if (name is not ("q" or "qq" or "qw" or "qx" or "m" or "qr" or "s" or "tr" or "y"))
        {
            return false;
        }

        if (_tokens.Count > 0 && (_tokens[^1].IsPunct("->") || _tokens[^1].IsPunct("::")
            || (_tokens[^1].IsPunct("-") && _tokens[^1].End == start)))
        {
            // A method name, or a file test such as -s $file.
            return false;
        }

        var p = _pos;
        while (p < _src.Length && char.IsWhiteSpace(_src[p]))
        {
            p++;
        }

        var d = p < _src.Length ? _src[p] : '\0';
        if (!IsDelimiter(d) || d is ',' or ';' or ')' or '=' or '}' || (d == '#' && p != _pos))
        {
            return false;
        }

        _pos = p + 1;
        var close = ClosingDelimiter(d);
        var interpolate = name is "qq" or "qx" && d != '\'';
        var text = ReadQuoted(d, close, !interpolate, interpolate ? Interpolation.PerlSigil : Interpolation.None, out var dynamic);
        if (text is null)
        {
            return true;
        }

        if (name is "s" or "tr" or "y")
        {
            if (close != d)
            {
                while (_pos < _src.Length && char.IsWhiteSpace(_src[_pos]))
                {
                    _pos++;
                }

                var second = Peek();
                _pos++;
                _ = ReadQuoted(second, ClosingDelimiter(second), true, Interpolation.None, out _);
            }
            else
            {
                _ = ReadQuoted(d, close, true, Interpolation.None, out _);
            }
        }

        switch (name)
        {
            case "q" or "qq":
                Add(TokenKind.String, start, text, dynamic);
                break;
            case "qw":
                AddWordList(start, text, "(", ")");
                break;
            case "qx":
                Add(TokenKind.Command, start, text, dynamic);
                break;
            default:
                SkipWhile(char.IsAsciiLetterLower);
                Add(TokenKind.Regex, start, string.Empty);
                break;
        }

        return true;
    }

    private bool RegexAllowedHere()
    {
        if (!(JavaScript || Ruby || Perl))
        {
            return false;
        }

        if (_tokens.Count > 0 && (_tokens[^1].IsPunct("=~") || _tokens[^1].IsPunct("!~")))
        {
            return true;
        }

        return !PreviousEndsOperand();
    }

    private bool TryLexSlashRegex()
    {
        var start = _pos;
        var p = _pos + 1;
        var inClass = false;
        while (p < _src.Length)
        {
            var c = _src[p];
            if (c == '\n')
            {
                return false;
            }

            if (c == '\\')
            {
                p += 2;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                _pos = p + 1;
                SkipWhile(char.IsAsciiLetter);
                Add(TokenKind.Regex, start, string.Empty);
                return true;
            }

            p++;
        }

        return false;
    }

    private bool TryLexHeredoc()
    {
        var start = _pos;
        var p = _pos;
        if (Php)
        {
            if (string.CompareOrdinal(_src, p, "<<<", 0, 3) != 0)
            {
                return false;
            }

            p += 3;
            while (p < _src.Length && _src[p] is ' ' or '\t')
            {
                p++;
            }
        }
        else
        {
            if (string.CompareOrdinal(_src, p, "<<", 0, 2) != 0)
            {
                return false;
            }

            p += 2;
            if (p < _src.Length && (_src[p] == '~' || (Ruby && _src[p] == '-')))
            {
                p++;
            }
        }

        var quote = p < _src.Length && _src[p] is '\'' or '"' ? _src[p] : '\0';
        if (quote != '\0')
        {
            p++;
        }

        var nameStart = p;
        while (p < _src.Length && (char.IsLetterOrDigit(_src[p]) || _src[p] == '_'))
        {
            p++;
        }

        if (p == nameStart || char.IsDigit(_src[nameStart]) || (Ruby && quote == '\0' && !char.IsUpper(_src[nameStart])))
        {
            return false;
        }

        var name = _src[nameStart..p];
        if (quote != '\0')
        {
            if (p >= _src.Length || _src[p] != quote)
            {
                return false;
            }

            p++;
        }

        _pos = p;
        _pendingHeredocs ??= [];
        _pendingHeredocs.Add(new PendingHeredoc(_tokens.Count, name, quote != '\'', Indented: true));
        Add(TokenKind.String, start, string.Empty);
        return true;
    }

    private void ReadPendingHeredocs()
    {
        if (_pendingHeredocs is not { Count: > 0 })
        {
            return;
        }

        foreach (var heredoc in _pendingHeredocs)
        {
            var body = new StringBuilder();
            var found = false;
            while (_pos < _src.Length)
            {
                var lineEnd = _src.IndexOf('\n', _pos);
                var end = lineEnd < 0 ? _src.Length : lineEnd;
                var line = _src.AsSpan(_pos, end - _pos);
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith(heredoc.Terminator, StringComparison.Ordinal)
                    && (trimmed.Length == heredoc.Terminator.Length || !(char.IsLetterOrDigit(trimmed[heredoc.Terminator.Length]) || trimmed[heredoc.Terminator.Length] == '_')))
                {
                    _pos += (line.Length - trimmed.Length) + heredoc.Terminator.Length;
                    found = true;
                    break;
                }

                body.Append(line).Append('\n');
                _pos = lineEnd < 0 ? _src.Length : lineEnd + 1;
            }

            if (!found)
            {
                Fail("unterminated heredoc");
                return;
            }

            var text = body.ToString();
            var dynamic = heredoc.Interpolate && LooksInterpolated(text);
            var old = _tokens[heredoc.TokenIndex];
            _tokens[heredoc.TokenIndex] = old with { Text = text, IsDynamic = dynamic };
        }

        _pendingHeredocs.Clear();
    }

    private bool LooksInterpolated(string text) => Ruby
        ? text.Contains("#{", StringComparison.Ordinal)
        : text.Contains('$', StringComparison.Ordinal) || (Perl && text.Contains('@', StringComparison.Ordinal));
}
