using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Words: quoting, escapes, tilde, extglob groups, and the shared literal buffer.</summary>
internal sealed partial class ScriptParser
{
    /// <summary>What a nested piece of word text is embedded in; it decides quoting rules and the terminator.</summary>
    private enum TextContext
    {
        /// <summary>Inside <c>"…"</c>: ends at the closing quote.</summary>
        DoubleQuoted,

        /// <summary>The argument of <c>${name op word}</c> in an unquoted word: ends at the matching <c>}</c>.</summary>
        BraceArgument,

        /// <summary>The argument of <c>${name op word}</c> inside double quotes.</summary>
        QuotedBraceArgument,

        /// <summary>An unquoted heredoc body: runs to the end, quotes are ordinary characters.</summary>
        HeredocBody,
    }

    private bool IsProcessSubstitutionStart() => Current is '<' or '>' && PeekAt(1) == '(' && !AtEnd;

    /// <summary>
    /// Reads one unquoted word at the current position (the caller made sure one starts here).
    /// </summary>
    /// <param name="assignmentValue">Tilde expansion also applies after each unquoted <c>:</c>.</param>
    /// <param name="regex">The right side of <c>=~</c> in <c>[[ ]]</c>: parentheses and <c>|</c> are literal.</param>
    private Word ParseWord(bool assignmentValue = false, bool regex = false)
    {
        var start = _position;
        var parts = new List<WordPart>(1);
        var sawQuotes = false;
        var tildeAllowed = true;
        var groupDepth = 0;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '~' && tildeAllowed && TryParseTilde(parts, assignmentValue))
            {
                tildeAllowed = false;
                continue;
            }

            tildeAllowed = false;
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (groupDepth == 0)
                    {
                        return FinishWord(parts, start, sawQuotes);
                    }

                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    break;
                case '(':
                    if (groupDepth == 0 && !regex)
                    {
                        return FinishWord(parts, start, sawQuotes);
                    }

                    groupDepth++;
                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    break;
                case ')':
                    if (groupDepth == 0)
                    {
                        return FinishWord(parts, start, sawQuotes);
                    }

                    groupDepth--;
                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    break;
                case '|':
                    if (groupDepth == 0 && !regex)
                    {
                        return FinishWord(parts, start, sawQuotes);
                    }

                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    break;
                case ';' or '&':
                    if (groupDepth == 0)
                    {
                        return FinishWord(parts, start, sawQuotes);
                    }

                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    break;
                case '<' or '>':
                    if (PeekAt(1) == '(')
                    {
                        ParseProcessSubstitution(parts);
                    }
                    else if (groupDepth == 0)
                    {
                        return FinishWord(parts, start, sawQuotes);
                    }
                    else
                    {
                        AppendLiteral(c, QuoteKind.None, parts);
                        _position++;
                    }

                    break;
                case '\'':
                    sawQuotes = true;
                    ParseSingleQuoted(parts);
                    break;
                case '"':
                    sawQuotes = true;
                    ParseDoubleQuoted(parts);
                    break;
                case '\\':
                    ParseUnquotedEscape(parts);
                    break;
                case '$':
                    sawQuotes |= PeekAt(1) is '\'' or '"';
                    ParseDollar(parts, quoted: false);
                    break;
                case '`':
                    ParseBackquote(parts, quoted: false);
                    break;
                case '@' or '!' or '+' or '*' or '?' when PeekAt(1) == '(' && !regex:
                    // ksh extended glob group such as @(a|b): one word, its inside is pattern text.
                    AppendLiteral(c, QuoteKind.None, parts);
                    AppendLiteral('(', QuoteKind.None, parts);
                    _position += 2;
                    groupDepth++;
                    break;
                case ':' when assignmentValue:
                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    tildeAllowed = true;
                    break;
                default:
                    AppendLiteral(c, QuoteKind.None, parts);
                    _position++;
                    break;
            }
        }

        if (groupDepth > 0)
        {
            throw Error("syntax error: unterminated pattern group", start);
        }

        return FinishWord(parts, start, sawQuotes);
    }

    private Word FinishWord(List<WordPart> parts, int start, bool sawQuotes)
    {
        FlushLiteral(parts);
        if (_position == start)
        {
            throw UnexpectedToken();
        }

        if (parts.Count == 0 && sawQuotes)
        {
            var kind = _source[start] == '$' && start + 1 < _source.Length ? _source[start + 1] : _source[start];
            parts.Add(new LiteralPart(string.Empty, kind == '"' ? QuoteKind.Double : QuoteKind.Single));
        }

        return new Word(parts, Absolute(start), Absolute(_position));
    }

    /// <summary>Backslash outside quotes: quotes the next character; backslash-newline vanishes.</summary>
    private void ParseUnquotedEscape(List<WordPart> parts)
    {
        var next = PeekAt(1);
        if (_position + 1 >= _source.Length)
        {
            AppendLiteral('\\', QuoteKind.None, parts);
            _position++;
            return;
        }

        _position += 2;
        if (next == '\n')
        {
            return;
        }

        FlushLiteral(parts);
        parts.Add(new LiteralPart(next.ToString(), QuoteKind.Escaped));
    }

    private void ParseSingleQuoted(List<WordPart> parts)
    {
        var open = _position;
        var close = _source.IndexOf('\'', open + 1);
        if (close < 0)
        {
            throw Error("unterminated single quote", open);
        }

        AppendLiteral(_source.AsSpan(open + 1, close - open - 1), QuoteKind.Single, parts);
        _position = close + 1;
    }

    private void ParseDoubleQuoted(List<WordPart> parts)
    {
        var open = _position;
        _position++;
        ParseText(parts, TextContext.DoubleQuoted, open);
        _position++;
    }

    /// <summary>
    /// Text where blanks are ordinary and only expansions and the context's own quoting matter.
    /// Stops at the terminator (left unconsumed) or at end of input.
    /// </summary>
    private void ParseText(List<WordPart> parts, TextContext context, int open)
    {
        var quoted = context is TextContext.DoubleQuoted or TextContext.QuotedBraceArgument or TextContext.HeredocBody;
        var literalKind = context == TextContext.BraceArgument ? QuoteKind.None : QuoteKind.Double;
        var braceDepth = 0;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            switch (c)
            {
                case '"' when context == TextContext.DoubleQuoted:
                    return;
                case '"' when context is TextContext.BraceArgument or TextContext.QuotedBraceArgument:
                    ParseDoubleQuoted(parts);
                    break;
                case '\'' when context == TextContext.BraceArgument:
                    ParseSingleQuoted(parts);
                    break;
                case '{' when context is TextContext.BraceArgument or TextContext.QuotedBraceArgument:
                    braceDepth++;
                    AppendLiteral(c, literalKind, parts);
                    _position++;
                    break;
                case '}' when context is TextContext.BraceArgument or TextContext.QuotedBraceArgument:
                    if (braceDepth == 0)
                    {
                        return;
                    }

                    braceDepth--;
                    AppendLiteral(c, literalKind, parts);
                    _position++;
                    break;
                case '\\':
                    ParseTextEscape(parts, context, literalKind);
                    break;
                case '$':
                    if (!quoted && PeekAt(1) is '\'' or '"')
                    {
                        ParseDollar(parts, quoted: false);
                    }
                    else
                    {
                        ParseDollar(parts, quoted);
                    }

                    break;
                case '`':
                    ParseBackquote(parts, quoted);
                    break;
                default:
                    AppendLiteral(c, literalKind, parts);
                    _position++;
                    break;
            }
        }

        if (context != TextContext.HeredocBody)
        {
            throw context == TextContext.DoubleQuoted
                ? Error("unterminated double quote", open)
                : Error("unterminated parameter expansion", open);
        }
    }

    private void ParseTextEscape(List<WordPart> parts, TextContext context, QuoteKind literalKind)
    {
        if (_position + 1 >= _source.Length)
        {
            AppendLiteral('\\', literalKind, parts);
            _position++;
            return;
        }

        var next = _source[_position + 1];
        if (next == '\n')
        {
            _position += 2;
            return;
        }

        if (context == TextContext.BraceArgument)
        {
            _position += 2;
            FlushLiteral(parts);
            parts.Add(new LiteralPart(next.ToString(), QuoteKind.Escaped));
            return;
        }

        var escapes = next is '$' or '`' or '\\'
            || (next == '"' && context != TextContext.HeredocBody)
            || (next == '}' && context == TextContext.QuotedBraceArgument);
        if (escapes)
        {
            AppendLiteral(next, literalKind, parts);
            _position += 2;
        }
        else
        {
            AppendLiteral('\\', literalKind, parts);
            _position++;
        }
    }

    /// <summary>A leading <c>~</c> or <c>~user</c> ending at a slash or the end of the word.</summary>
    private bool TryParseTilde(List<WordPart> parts, bool assignmentValue)
    {
        var end = _position + 1;
        while (end < _source.Length && (IsNameChar(_source[end]) || _source[end] is '.' or '-' or '+'))
        {
            end++;
        }

        var boundary = end >= _source.Length || _source[end] == '/' || IsWordBreak(_source[end]) || (assignmentValue && _source[end] == ':');
        if (!boundary)
        {
            return false;
        }

        FlushLiteral(parts);
        parts.Add(new TildePart(end == _position + 1 ? null : _source.Substring(_position + 1, end - _position - 1)));
        _position = end;
        return true;
    }

    private void AppendLiteral(char c, QuoteKind kind, List<WordPart> parts)
    {
        if (_literal.Length > 0 && _literalKind != kind)
        {
            FlushLiteral(parts);
        }

        _literalKind = kind;
        _literal.Append(c);
    }

    private void AppendLiteral(ReadOnlySpan<char> text, QuoteKind kind, List<WordPart> parts)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_literal.Length > 0 && _literalKind != kind)
        {
            FlushLiteral(parts);
        }

        _literalKind = kind;
        _literal.Append(text);
    }

    private void FlushLiteral(List<WordPart> parts)
    {
        if (_literal.Length == 0)
        {
            return;
        }

        parts.Add(new LiteralPart(_literal.ToString(), _literalKind));
        _literal.Clear();
    }
}
