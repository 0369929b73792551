using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Redirections and here-documents.</summary>
internal sealed partial class ScriptParser
{
    /// <summary>
    /// Parses a redirection at the current position into <paramref name="redirections"/>.
    /// Returns false (position untouched) when the next token is not a redirection.
    /// </summary>
    private bool TryParseRedirection(List<Redirection> redirections)
    {
        var start = _position;
        var i = _position;
        int? fd = null;
        while (i < _source.Length && char.IsAsciiDigit(_source[i]))
        {
            i++;
        }

        if (i > start)
        {
            if (i >= _source.Length || _source[i] is not '<' and not '>')
            {
                return false;
            }

            fd = int.TryParse(_source.AsSpan(start, i - start), out var number) ? number : int.MaxValue;
        }

        if (i >= _source.Length)
        {
            return false;
        }

        var c = _source[i];
        var next = i + 1 < _source.Length ? _source[i + 1] : '\0';
        var third = i + 2 < _source.Length ? _source[i + 2] : '\0';
        RedirectionOperator op;
        int length;
        switch (c)
        {
            case '<' when next == '(':
            case '>' when next == '(':
                return false;
            case '<' when next == '<' && third == '<':
                (op, length) = (RedirectionOperator.HereString, 3);
                break;
            case '<' when next == '<':
                _position = i + (third == '-' ? 3 : 2);
                ParseHeredocOperator(fd, stripTabs: third == '-', redirections);
                return true;
            case '<' when next == '>':
                (op, length) = (RedirectionOperator.ReadWrite, 2);
                break;
            case '<' when next == '&':
                (op, length) = (RedirectionOperator.DuplicateInput, 2);
                break;
            case '<':
                (op, length) = (RedirectionOperator.Input, 1);
                break;
            case '>' when next == '>':
                (op, length) = (RedirectionOperator.Append, 2);
                break;
            case '>' when next == '|':
                (op, length) = (RedirectionOperator.Clobber, 2);
                break;
            case '>' when next == '&':
                (op, length) = (RedirectionOperator.DuplicateOutput, 2);
                break;
            case '>':
                (op, length) = (RedirectionOperator.Output, 1);
                break;
            case '&' when fd is null && next == '>' && third == '>':
                (op, length) = (RedirectionOperator.AppendOutputAndError, 3);
                break;
            case '&' when fd is null && next == '>':
                (op, length) = (RedirectionOperator.OutputAndError, 2);
                break;
            default:
                return false;
        }

        _position = i + length;
        redirections.Add(new Redirection(fd, op, ParseRedirectionTarget(), null));
        return true;
    }

    private Word ParseRedirectionTarget()
    {
        SkipBlanks();
        if (AtEnd || (IsWordBreak(Current) && !IsProcessSubstitutionStart()))
        {
            throw AtEnd ? Error("syntax error: expected a word after redirection", _position) : UnexpectedToken();
        }

        return ParseWord();
    }

    /// <summary>
    /// Reads the delimiter and queues the body, which bash collects after the end of the current line.
    /// Any quoting anywhere in the delimiter makes the body plain data.
    /// </summary>
    private void ParseHeredocOperator(int? fd, bool stripTabs, List<Redirection> redirections)
    {
        var delimiterWord = ParseRedirectionTarget();
        var rawStart = delimiterWord.Start - _baseOffset;
        var raw = _source.AsSpan(rawStart, delimiterWord.End - delimiterWord.Start);
        var quoted = raw.IndexOfAny('\'', '"', '\\') >= 0;
        var delimiter = quoted ? RemoveQuotes(raw) : raw.ToString();
        redirections.Add(new Redirection(fd, RedirectionOperator.Heredoc, null, new Heredoc(delimiter, quoted, stripTabs, string.Empty, null)));
        _pendingHeredocs.Add(new PendingHeredoc(redirections, redirections.Count - 1, fd, delimiter, quoted, stripTabs));
    }

    /// <summary>Quote removal without expansion: bash compares heredoc lines against this literal text.</summary>
    private string RemoveQuotes(ReadOnlySpan<char> raw)
    {
        _literal.Clear();
        var inSingle = false;
        var inDouble = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (inSingle)
            {
                if (c == '\'')
                {
                    inSingle = false;
                }
                else
                {
                    _literal.Append(c);
                }
            }
            else if (c == '\'' && !inDouble)
            {
                inSingle = true;
            }
            else if (c == '"')
            {
                inDouble = !inDouble;
            }
            else if (c == '\\' && i + 1 < raw.Length && (!inDouble || raw[i + 1] is '$' or '`' or '"' or '\\'))
            {
                i++;
                _literal.Append(raw[i]);
            }
            else
            {
                _literal.Append(c);
            }
        }

        var text = _literal.ToString();
        _literal.Clear();
        return text;
    }

    /// <summary>Reads, in order, the bodies of every heredoc opened on the line that just ended.</summary>
    private void ReadPendingHeredocBodies()
    {
        // A body may itself contain substitutions with heredocs; they belong to a nested parser.
        var pending = _pendingHeredocs.ToArray();
        _pendingHeredocs.Clear();
        foreach (var heredoc in pending)
        {
            ReadHeredocBody(heredoc);
        }
    }

    private void ReadHeredocBody(PendingHeredoc pending)
    {
        var bodyStart = _position;
        var body = new System.Text.StringBuilder();
        while (_position < _source.Length)
        {
            var lineStart = _position;
            var lineEnd = pending.Quoted ? FindLineEnd(lineStart) : FindLogicalLineEnd(lineStart);
            var contentStart = lineStart;
            if (pending.StripTabs)
            {
                while (contentStart < lineEnd && _source[contentStart] == '\t')
                {
                    contentStart++;
                }
            }

            var line = _source.AsSpan(contentStart, lineEnd - contentStart);
            _position = lineEnd < _source.Length ? lineEnd + 1 : lineEnd;
            if (IsDelimiterLine(line, pending))
            {
                break;
            }

            body.Append(line);
            if (lineEnd < _source.Length)
            {
                body.Append('\n');
            }
        }

        var text = body.ToString();
        Word? expanded = null;
        if (!pending.Quoted)
        {
            expanded = ParseExpandedHeredoc(text, bodyStart);
        }

        pending.Owner[pending.Index] = new Redirection(
            pending.FileDescriptor,
            RedirectionOperator.Heredoc,
            null,
            new Heredoc(pending.Delimiter, pending.Quoted, pending.StripTabs, text, expanded));
    }

    private int FindLineEnd(int start)
    {
        var end = _source.IndexOf('\n', start);
        return end < 0 ? _source.Length : end;
    }

    /// <summary>In an unquoted body a backslash-newline joins lines before the delimiter is looked for.</summary>
    private int FindLogicalLineEnd(int start)
    {
        var i = start;
        while (i < _source.Length && _source[i] != '\n')
        {
            i += _source[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i, _source.Length);
    }

    private static bool IsDelimiterLine(ReadOnlySpan<char> line, PendingHeredoc pending)
    {
        if (pending.Quoted || line.IndexOf("\\\n") < 0)
        {
            return line.SequenceEqual(pending.Delimiter);
        }

        var joined = line.ToString().Replace("\\\n", string.Empty, StringComparison.Ordinal);
        return string.Equals(joined, pending.Delimiter, StringComparison.Ordinal);
    }

    /// <summary>An unquoted body is expanded like a double-quoted string (quotes themselves stay literal).</summary>
    private Word ParseExpandedHeredoc(string text, int bodyStart)
    {
        Enter();
        var nested = new ScriptParser(text, Absolute(bodyStart), _depth, _literal);
        var parts = new List<WordPart>(1);
        nested.ParseText(parts, TextContext.HeredocBody, 0);
        nested.FlushLiteral(parts);
        Leave();
        return new Word(parts, Absolute(bodyStart), Absolute(bodyStart + text.Length));
    }
}
