using System.Globalization;
using System.Text;

namespace Gatehouse.Core.Interpreters.Lexing;

/// <summary>Quoted strings, escapes and interpolation for every dialect.</summary>
internal sealed partial class ScriptLexer
{
    private enum Interpolation
    {
        None,
        /// <summary>JavaScript template literals: <c>${…}</c>.</summary>
        DollarBrace,
        /// <summary>Ruby double quotes: <c>#{…}</c>.</summary>
        HashBrace,
        /// <summary>Perl double quotes: <c>$name</c>, <c>@name</c>, <c>${…}</c>.</summary>
        PerlSigil,
        /// <summary>PHP double quotes: <c>$name</c>, <c>{$…}</c>.</summary>
        PhpSigil,
    }

    private bool TryLexString(char c)
    {
        var start = _pos;
        switch (_dialect)
        {
            case ScriptDialect.Python:
                if (c is '\'' or '"')
                {
                    LexPythonString(start, string.Empty);
                    return true;
                }

                return false;

            case ScriptDialect.JavaScript:
                if (c is '\'' or '"')
                {
                    LexDelimited(start, c, c, literalOnly: false, Interpolation.None, TokenKind.String);
                    return true;
                }

                if (c == '`')
                {
                    LexDelimited(start, c, c, literalOnly: false, Interpolation.DollarBrace, TokenKind.String, template: true);
                    return true;
                }

                return false;

            case ScriptDialect.Ruby:
                return TryLexRubyString(c, start);

            case ScriptDialect.Perl:
                if (c == '<' && TryLexHeredoc())
                {
                    return true;
                }

                return TryLexCommonQuotes(c, start, Interpolation.PerlSigil);

            case ScriptDialect.Php:
                if (c == '<' && TryLexHeredoc())
                {
                    return true;
                }

                return TryLexCommonQuotes(c, start, Interpolation.PhpSigil);

            default:
                return false;
        }
    }

    private bool TryLexCommonQuotes(char c, int start, Interpolation interpolation)
    {
        switch (c)
        {
            case '\'':
                LexDelimited(start, c, c, literalOnly: true, Interpolation.None, TokenKind.String);
                return true;
            case '"':
                LexDelimited(start, c, c, literalOnly: false, interpolation, TokenKind.String);
                return true;
            case '`':
                LexDelimited(start, c, c, literalOnly: false, interpolation, TokenKind.Command);
                return true;
            default:
                return false;
        }
    }

    private bool TryLexRubyString(char c, int start)
    {
        if (c == '<' && TryLexHeredoc())
        {
            return true;
        }

        if (c == '%' && TryLexRubyPercent())
        {
            return true;
        }

        if (c == ':' && Peek(1) != ':' && (_tokens.Count == 0 || !_tokens[^1].IsPunct("::")))
        {
            var n = Peek(1);
            if (n == '"')
            {
                _pos++;
                LexDelimited(start, '"', '"', literalOnly: false, Interpolation.HashBrace, TokenKind.String);
                return true;
            }

            if ((char.IsLetter(n) || n == '_') && (!PreviousEndsOperand() || (start > 0 && char.IsWhiteSpace(_src[start - 1]))))
            {
                _pos++;
                var nameStart = _pos;
                while (_pos < _src.Length && (IsIdentifierPart(_src[_pos]) || _src[_pos] is '?' or '!'))
                {
                    _pos++;
                }

                Add(TokenKind.String, start, _src[nameStart.._pos]);
                return true;
            }

            return false;
        }

        return TryLexCommonQuotes(c, start, Interpolation.HashBrace);
    }

    private void LexDelimited(int start, char open, char close, bool literalOnly, Interpolation interpolation, TokenKind kind, bool template = false)
    {
        _pos++;
        var text = ReadQuoted(open, close, literalOnly, interpolation, out var dynamic);
        if (text is not null)
        {
            Add(kind, start, text, dynamic, template);
        }
    }

    /// <summary>Reads up to the closing delimiter (nesting when open and close differ). Null on error.</summary>
    private string? ReadQuoted(char open, char close, bool literalOnly, Interpolation interpolation, out bool dynamic)
    {
        dynamic = false;
        var sb = new StringBuilder();
        var nest = 0;
        while (true)
        {
            if (_pos >= _src.Length)
            {
                Fail("unterminated string");
                return null;
            }

            var c = _src[_pos];
            if (c == '\\')
            {
                var n = Peek(1);
                if (literalOnly || n == open || n == close)
                {
                    if (n == '\\' || n == close || n == open)
                    {
                        sb.Append(n);
                        _pos += 2;
                    }
                    else
                    {
                        sb.Append('\\');
                        _pos++;
                    }
                }
                else
                {
                    DecodeEscape(sb);
                }

                continue;
            }

            if (open != close && c == open)
            {
                nest++;
            }
            else if (c == close)
            {
                if (nest == 0)
                {
                    _pos++;
                    return sb.ToString();
                }

                nest--;
            }
            else if (interpolation != Interpolation.None && TryInterpolate(sb, interpolation))
            {
                if (_error is not null)
                {
                    return null;
                }

                dynamic |= sb.Length > 0 && sb[^1] == DynamicText.Marker;
                continue;
            }

            sb.Append(c);
            _pos++;
        }
    }

    private bool TryInterpolate(StringBuilder sb, Interpolation interpolation)
    {
        var c = _src[_pos];
        var n = Peek(1);
        switch (interpolation)
        {
            case Interpolation.DollarBrace when c == '$' && n == '{':
            case Interpolation.HashBrace when c == '#' && n == '{':
                _pos += 2;
                SkipEmbeddedCode();
                sb.Append(DynamicText.Marker);
                return true;
            case Interpolation.HashBrace when c == '#' && (n == '@' || n == '$'):
                _pos += 2;
                SkipWhile(static ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == '@');
                sb.Append(DynamicText.Marker);
                return true;
            case Interpolation.PerlSigil when c is '$' or '@':
                return TryPerlInterpolation(sb);
            case Interpolation.PhpSigil when c == '$' && (char.IsLetter(n) || n == '_' || n == '{'):
            case Interpolation.PhpSigil when c == '{' && n == '$':
                SkipPhpInterpolation();
                sb.Append(DynamicText.Marker);
                return true;
            default:
                return false;
        }
    }

    private static readonly string[] PerlHomeForms = ["$ENV{HOME}", "$ENV{'HOME'}", "$ENV{\"HOME\"}"];

    private bool TryPerlInterpolation(StringBuilder sb)
    {
        foreach (var form in PerlHomeForms)
        {
            if (string.CompareOrdinal(_src, _pos, form, 0, form.Length) == 0)
            {
                // The home directory is a fact worth keeping: "$ENV{HOME}/x" is "~/x".
                sb.Append('~');
                _pos += form.Length;
                return true;
            }
        }

        var c = _src[_pos];
        var n = Peek(1);
        if (n == '{')
        {
            // "@{[ system('ls') ]}" runs code inside the string.
            _pos += 2;
            SkipEmbeddedCode();
        }
        else if (char.IsLetter(n) || n == '_' || (n == ':' && Peek(2) == ':'))
        {
            _pos++;
            SkipWhile(static ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == ':');
        }
        else if (c == '$' && (char.IsDigit(n) || n is '&' or '$' or '!' or '@' or '0'))
        {
            _pos += 2;
        }
        else
        {
            return false;
        }

        SkipPerlSubscripts();
        sb.Append(DynamicText.Marker);
        return true;
    }

    private void SkipPerlSubscripts()
    {
        while (_pos < _src.Length)
        {
            if (Peek() == '-' && Peek(1) == '>' && Peek(2) is '[' or '{')
            {
                _pos += 2;
            }

            if (Peek() == '[')
            {
                SkipBalanced('[', ']');
            }
            else if (Peek() == '{')
            {
                SkipBalanced('{', '}');
            }
            else
            {
                return;
            }
        }
    }

    private void SkipPhpInterpolation()
    {
        if (Peek() == '{' || Peek(1) == '{')
        {
            // "{$obj->run()}" and "${expr}" evaluate code inside the string.
            _pos += Peek() == '$' ? 2 : 1;
            SkipEmbeddedCode();
            return;
        }

        _pos++;
        SkipWhile(static ch => char.IsLetterOrDigit(ch) || ch == '_');
        if (Peek() == '[')
        {
            SkipBalanced('[', ']');
        }
        else if (Peek() == '-' && Peek(1) == '>' && (char.IsLetter(Peek(2)) || Peek(2) == '_'))
        {
            _pos += 2;
            SkipWhile(static ch => char.IsLetterOrDigit(ch) || ch == '_');
        }
    }

    /// <summary>Skips a bracketed run inside a string (at its opening bracket); stops at the string's end if unbalanced.</summary>
    private void SkipBalanced(char open, char close)
    {
        var nest = 0;
        while (_pos < _src.Length)
        {
            var c = _src[_pos++];
            if (c == open)
            {
                nest++;
            }
            else if (c == close && --nest == 0)
            {
                return;
            }
            else if (c is '"' or '`' || c == '\n')
            {
                _pos--;
                return;
            }
        }
    }

    private void SkipWhile(Func<char, bool> predicate)
    {
        while (_pos < _src.Length && predicate(_src[_pos]))
        {
            _pos++;
        }
    }

    /// <summary>Skips the code inside an interpolation up to its closing brace, honouring nested strings.</summary>
    private void SkipEmbeddedCode()
    {
        if (++_embedded > MaxEmbeddedDepth)
        {
            Fail("interpolation nested too deeply");
            _embedded--;
            return;
        }

        var savedCount = _tokens.Count;
        var savedDepth = _depth;
        var nest = 0;
        while (_error is null)
        {
            if (!LexOne())
            {
                Fail("unterminated interpolation");
                break;
            }

            if (_tokens.Count > savedCount)
            {
                var last = _tokens[^1];
                if (last.IsPunct("{"))
                {
                    nest++;
                }
                else if (last.IsPunct("}"))
                {
                    if (nest == 0)
                    {
                        break;
                    }

                    nest--;
                }
            }
        }

        // The interpolated code runs too: keep it (without the closing brace) to analyse after the main code.
        var kept = _tokens.Count - savedCount;
        if (kept > 0 && _tokens[^1].IsPunct("}"))
        {
            kept--;
        }

        if (kept > 0 && _error is null)
        {
            _deferred ??= [];
            _deferred.Add(new ScriptToken(TokenKind.Newline, _pos, _pos, "\n"));
            _deferred.AddRange(_tokens.GetRange(savedCount, kept));
        }

        _tokens.RemoveRange(savedCount, _tokens.Count - savedCount);
        _depth = savedDepth;
        _embedded--;
    }

    private void LexPythonString(int start, string prefix)
    {
        var raw = prefix.Contains('r', StringComparison.OrdinalIgnoreCase);
        var formatted = prefix.Contains('f', StringComparison.OrdinalIgnoreCase) || prefix.Contains('t', StringComparison.OrdinalIgnoreCase);
        var quote = _src[_pos];
        var triple = Peek(1) == quote && Peek(2) == quote;
        _pos += triple ? 3 : 1;
        var sb = new StringBuilder();
        var dynamic = false;
        while (true)
        {
            if (_pos >= _src.Length)
            {
                Fail("unterminated string");
                return;
            }

            var c = _src[_pos];
            if (c == quote)
            {
                if (!triple)
                {
                    _pos++;
                    break;
                }

                if (Peek(1) == quote && Peek(2) == quote)
                {
                    _pos += 3;
                    break;
                }
            }
            else if (c == '\n' && !triple)
            {
                Fail("unterminated string");
                return;
            }
            else if (c == '\\')
            {
                if (raw)
                {
                    sb.Append(c);
                    if (_pos + 1 < _src.Length)
                    {
                        sb.Append(_src[_pos + 1]);
                    }

                    _pos += 2;
                }
                else
                {
                    DecodeEscape(sb);
                }

                continue;
            }
            else if (formatted && c == '{')
            {
                if (Peek(1) == '{')
                {
                    sb.Append('{');
                    _pos += 2;
                    continue;
                }

                _pos++;
                SkipEmbeddedCode();
                sb.Append(DynamicText.Marker);
                dynamic = true;
                continue;
            }
            else if (formatted && c == '}' && Peek(1) == '}')
            {
                sb.Append('}');
                _pos += 2;
                continue;
            }

            sb.Append(c);
            _pos++;
        }

        Add(TokenKind.String, start, sb.ToString(), dynamic);
    }

    /// <summary>Decodes one backslash escape at the cursor (C-family escapes shared by all five languages).</summary>
    private void DecodeEscape(StringBuilder sb)
    {
        if (_pos + 1 >= _src.Length)
        {
            sb.Append('\\');
            _pos++;
            return;
        }

        var n = _src[_pos + 1];
        _pos += 2;
        switch (n)
        {
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'v': sb.Append('\v'); break;
            case 'e' when !Python: sb.Append('\u001b'); break;
            case '\n': break;
            case 'x': AppendCodePoint(sb, ReadHex(Peek() == '{' ? -1 : 2)); break;
            case 'u': AppendCodePoint(sb, ReadHex(Peek() == '{' ? -1 : 4)); break;
            case 'U' when Python: AppendCodePoint(sb, ReadHex(8)); break;
            case >= '0' and <= '7':
                var value = n - '0';
                for (var i = 0; i < 2 && Peek() is >= '0' and <= '7'; i++)
                {
                    value = (value * 8) + (_src[_pos++] - '0');
                }

                AppendCodePoint(sb, value);
                break;
            default:
                if (Python && n is not ('\\' or '\'' or '"'))
                {
                    sb.Append('\\');
                }

                sb.Append(n);
                break;
        }
    }

    /// <summary>Reads hex digits: a fixed count, or (count -1) a braced run like <c>{1F600}</c>.</summary>
    private int ReadHex(int count)
    {
        var braced = count < 0;
        if (braced)
        {
            _pos++;
            count = 8;
        }

        var start = _pos;
        while (_pos - start < count && _pos < _src.Length && char.IsAsciiHexDigit(_src[_pos]))
        {
            _pos++;
        }

        var digits = _src.AsSpan(start, _pos - start);
        if (braced && Peek() == '}')
        {
            _pos++;
        }

        return digits.Length > 0 && int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }

    private static void AppendCodePoint(StringBuilder sb, int value)
    {
        if (value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
        {
            sb.Append(char.ConvertFromUtf32(value));
        }
        else
        {
            sb.Append('?');
        }
    }
}
