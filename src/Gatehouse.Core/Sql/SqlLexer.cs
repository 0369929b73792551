using System.Text;

namespace Gatehouse.Core.Sql;

/// <summary>The tokens of one input, and the first lexical error if the input could not be tokenized.</summary>
internal sealed record SqlLexResult(List<SqlToken> Tokens, string? Error);

/// <summary>
/// Tokenizes SQL text for one dialect in a single linear pass. Comments vanish (so <c>DROP/**/TABLE</c>
/// is two adjacent words), except MySQL executable comments whose content is code.
/// </summary>
internal sealed class SqlLexer
{
    private readonly string _text;
    private readonly SqlDialect _dialect;
    private readonly List<SqlToken> _tokens;
    private int _pos;
    private bool _inExecutableComment;
    private string? _customDelimiter;
    private string? _error;

    private SqlLexer(string text, SqlDialect dialect)
    {
        _text = text;
        _dialect = dialect;
        _tokens = new List<SqlToken>(Math.Min(text.Length / 4 + 4, 1 << 16));
    }

    public static SqlLexResult Lex(string text, SqlDialect dialect)
    {
        var lexer = new SqlLexer(text, dialect);
        lexer.Run();
        return new SqlLexResult(lexer._tokens, lexer._error);
    }

    private bool IsPostgres => _dialect == SqlDialect.PostgreSql;

    private bool IsMySql => _dialect == SqlDialect.MySql;

    private char Peek(int offset)
    {
        var i = _pos + offset;
        return i < _text.Length ? _text[i] : '\0';
    }

    private void Run()
    {
        var lineStart = true;
        while (_pos < _text.Length && _error is null)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                lineStart |= c == '\n';
                _pos++;
                continue;
            }

            var wasLineStart = lineStart;
            lineStart = false;
            if (TrySkipComment(c))
            {
                continue;
            }

            if (c == '\\' && IsPostgres)
            {
                LexMetaCommand();
                continue;
            }

            if (IsMySql && TryLexMySqlClientSyntax(c))
            {
                continue;
            }

            if (c == '.' && wasLineStart && _dialect == SqlDialect.Sqlite && AtStatementStart() && !char.IsAsciiDigit(Peek(1)))
            {
                LexMetaCommand();
                continue;
            }

            LexToken(c);
        }

        if (_error is null && _inExecutableComment)
        {
            _error = "unterminated executable comment";
        }
    }

    /// <summary>
    /// The mysql client's own syntax: DELIMITER changes the statement terminator (the new one splits
    /// statements in addition to ';', which is the stricter reading), and backslash commands such as
    /// \G (terminate), \! (shell) and \. (source a file).
    /// </summary>
    private bool TryLexMySqlClientSyntax(char c)
    {
        if (_customDelimiter is not null && string.CompareOrdinal(_text, _pos, _customDelimiter, 0, _customDelimiter.Length) == 0)
        {
            Add(SqlTokenKind.Semicolon, ";", _customDelimiter.Length);
            return true;
        }

        if (c == '\\')
        {
            var start = _pos;
            // Commands that take an argument (\! shell, \. source, \u use, \r connect, \T tee, \P pager, \C charset) run to the end of the line.
            if (Peek(1) is '!' or '.' or 'u' or 'r' or 'T' or 'P' or 'C')
            {
                SkipToEndOfLine();
            }
            else
            {
                _pos = Math.Min(_pos + 2, _text.Length);
            }

            _tokens.Add(new SqlToken(SqlTokenKind.MetaCommand, _text[start.._pos].Trim(), start));
            return true;
        }

        if (AtStatementStart() && StartsClientLineCommand())
        {
            // use, source, system, connect, tee and pager end at the line's end without ';'. A ';' on the
            // line ends them too and what follows is lexed as SQL: reporting it is the stricter reading.
            var start = _pos;
            SkipToEndOfLine();
            var semicolon = _text.IndexOf(';', start, _pos - start);
            if (semicolon >= 0)
            {
                _pos = semicolon + 1;
            }

            var line = _text[start..(semicolon >= 0 ? semicolon : _pos)].Trim();
            _tokens.Add(new SqlToken(SqlTokenKind.MetaCommand, line, start));
            return true;
        }

        if (c is 'd' or 'D' && AtStatementStart() && _pos + 9 < _text.Length
            && string.Compare(_text, _pos, "delimiter", 0, 9, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(_text[_pos + 9]))
        {
            var start = _pos;
            SkipToEndOfLine();
            var delimiter = _text[(start + 10).._pos].Trim();
            if (delimiter.Length == 0)
            {
                _error = "DELIMITER without a delimiter";
                return true;
            }

            _customDelimiter = string.Equals(delimiter, ";", StringComparison.Ordinal) ? null : delimiter;
            _tokens.Add(new SqlToken(SqlTokenKind.MetaCommand, "delimiter " + delimiter, start));
            return true;
        }

        return false;
    }

    private static readonly string[] ClientLineCommands = ["use", "source", "system", "connect", "tee", "pager", "charset"];

    private bool StartsClientLineCommand()
    {
        foreach (var command in ClientLineCommands)
        {
            var after = _pos + command.Length;
            if (after <= _text.Length && string.Compare(_text, _pos, command, 0, command.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after == _text.Length || _text[after] is ' ' or '\t' or '\r' or '\n' or ';'))
            {
                return true;
            }
        }

        return false;
    }

    private bool AtStatementStart() =>
        _tokens.Count == 0 || _tokens[^1].Kind is SqlTokenKind.Semicolon or SqlTokenKind.MetaCommand;

    private bool TrySkipComment(char c)
    {
        // MySQL only starts a -- comment when whitespace (or the end) follows: 1--1 is arithmetic there.
        if (c == '-' && Peek(1) == '-' && (!IsMySql || Peek(2) == '\0' || char.IsWhiteSpace(Peek(2)) || char.IsControl(Peek(2))))
        {
            SkipToEndOfLine();
            return true;
        }

        if (c == '#' && IsMySql)
        {
            SkipToEndOfLine();
            return true;
        }

        if (c == '*' && Peek(1) == '/' && _inExecutableComment)
        {
            _inExecutableComment = false;
            _pos += 2;
            return true;
        }

        if (c != '/' || Peek(1) != '*')
        {
            return false;
        }

        if (IsMySql && !_inExecutableComment && (Peek(2) == '!' || (Peek(2) == 'M' && Peek(3) == '!')))
        {
            // MySQL and MariaDB run the content of /*! … */ (optionally versioned) as ordinary code.
            _pos += Peek(2) == '!' ? 3 : 4;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            _inExecutableComment = true;
            return true;
        }

        SkipBlockComment();
        return true;
    }

    private void SkipToEndOfLine()
    {
        // PostgreSQL ends a line comment at a bare carriage return too: missing that would hide the
        // statements after it. Ending early is also the safe side for the other dialects.
        var end = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
        end = end < 0 ? -1 : end + _pos;
        _pos = end < 0 ? _text.Length : end;
    }

    private void SkipBlockComment()
    {
        // PostgreSQL nests block comments; MySQL and SQLite end at the first */.
        var depth = 0;
        while (_pos < _text.Length)
        {
            if (_text[_pos] == '/' && Peek(1) == '*')
            {
                if (depth == 0 || IsPostgres)
                {
                    depth++;
                }

                _pos += 2;
            }
            else if (_text[_pos] == '*' && Peek(1) == '/')
            {
                depth--;
                _pos += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                _pos++;
            }
        }

        _error = "unterminated block comment";
    }

    private void LexMetaCommand()
    {
        var start = _pos;
        SkipToEndOfLine();
        _tokens.Add(new SqlToken(SqlTokenKind.MetaCommand, _text[start.._pos].Trim(), start));
    }

    private void LexToken(char c)
    {
        var start = _pos;
        switch (c)
        {
            case '(':
                Add(SqlTokenKind.LeftParen, "(", 1);
                return;
            case ')':
                Add(SqlTokenKind.RightParen, ")", 1);
                return;
            case ',':
                Add(SqlTokenKind.Comma, ",", 1);
                return;
            case ';':
                Add(SqlTokenKind.Semicolon, ";", 1);
                return;
            case '\'':
                LexQuoted('\'', SqlTokenKind.String, backslashEscapes: IsMySql, start);
                return;
            case '"':
                LexQuoted('"', IsMySql ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier, backslashEscapes: IsMySql, start);
                return;
            case '`' when _dialect != SqlDialect.PostgreSql:
                LexQuoted('`', SqlTokenKind.QuotedIdentifier, backslashEscapes: false, start);
                return;
            case '[' when _dialect == SqlDialect.Sqlite:
                LexBracketIdentifier(start);
                return;
            case '$':
                LexDollar(start);
                return;
            case ':':
                LexColon(start);
                return;
            case '@' when !IsPostgres:
                LexVariable(start);
                return;
            case '?' when !IsPostgres:
                Add(SqlTokenKind.Parameter, "?", 1);
                return;
            case '.' when !char.IsAsciiDigit(Peek(1)):
                Add(SqlTokenKind.Dot, ".", 1);
                return;
            default:
                break;
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            LexNumber(start);
        }
        else if (IsIdentifierStart(c))
        {
            LexWordOrPrefixedString(start);
        }
        else
        {
            LexOperator(start);
        }
    }

    private void Add(SqlTokenKind kind, string text, int length)
    {
        _tokens.Add(new SqlToken(kind, text, _pos));
        _pos += length;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private bool IsIdentifierPart(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || c >= '\u0080' || (c == '$' && _dialect != SqlDialect.Sqlite);

    private void LexWordOrPrefixedString(int start)
    {
        var c = _text[_pos];
        var next = Peek(1);
        var lower = char.ToLowerInvariant(c);
        if (next == '\'')
        {
            if (lower == 'e' && IsPostgres)
            {
                _pos++;
                LexQuoted('\'', SqlTokenKind.String, backslashEscapes: true, start);
                return;
            }

            if (lower is 'b' or 'x' or 'n')
            {
                _pos++;
                LexQuoted('\'', SqlTokenKind.String, backslashEscapes: IsMySql, start);
                return;
            }
        }

        if (lower == 'u' && next == '&' && IsPostgres && Peek(2) is '\'' or '"')
        {
            _pos += 2;
            var quote = _text[_pos];
            LexQuoted(quote, quote == '"' ? SqlTokenKind.QuotedIdentifier : SqlTokenKind.String, backslashEscapes: false, start);
            return;
        }

        _pos++;
        while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }

        _tokens.Add(new SqlToken(SqlTokenKind.Word, _text[start.._pos].ToLowerInvariant(), start));
    }

    private void LexQuoted(char quote, SqlTokenKind kind, bool backslashEscapes, int start)
    {
        _pos++;
        var contentStart = _pos;
        StringBuilder? unescaped = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && backslashEscapes && _pos + 1 < _text.Length)
            {
                unescaped ??= new StringBuilder().Append(_text, contentStart, _pos - contentStart);
                unescaped.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (c == quote)
            {
                if (Peek(1) == quote)
                {
                    unescaped ??= new StringBuilder().Append(_text, contentStart, _pos - contentStart);
                    unescaped.Append(quote);
                    _pos += 2;
                    continue;
                }

                var content = unescaped?.ToString() ?? _text[contentStart.._pos];
                _pos++;
                _tokens.Add(new SqlToken(kind, content, start));
                return;
            }

            unescaped?.Append(c);
            _pos++;
        }

        _error = kind == SqlTokenKind.QuotedIdentifier ? "unterminated quoted identifier" : "unterminated string literal";
    }

    private void LexBracketIdentifier(int start)
    {
        var end = _text.IndexOf(']', _pos + 1);
        if (end < 0)
        {
            _error = "unterminated quoted identifier";
            return;
        }

        _tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, _text[(_pos + 1)..end], start));
        _pos = end + 1;
    }

    private void LexDollar(int start)
    {
        if (!IsPostgres)
        {
            // SQLite $name parameters; MySQL has no $ syntax outside identifiers.
            _pos++;
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            _tokens.Add(new SqlToken(SqlTokenKind.Parameter, _text[start.._pos], start));
            return;
        }

        if (char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            _tokens.Add(new SqlToken(SqlTokenKind.Parameter, _text[start.._pos], start));
            return;
        }

        // A dollar-quote tag follows identifier rules minus '$' and may be empty: $$ or $tag$.
        var tagEnd = _pos + 1;
        if (tagEnd < _text.Length && IsIdentifierStart(_text[tagEnd]))
        {
            tagEnd++;
            while (tagEnd < _text.Length && (char.IsAsciiLetterOrDigit(_text[tagEnd]) || _text[tagEnd] == '_' || _text[tagEnd] >= '\u0080'))
            {
                tagEnd++;
            }
        }

        if (tagEnd >= _text.Length || _text[tagEnd] != '$')
        {
            LexOperator(start);
            return;
        }

        var delimiter = _text.Substring(_pos, tagEnd - _pos + 1);
        var bodyStart = tagEnd + 1;
        var close = _text.IndexOf(delimiter, bodyStart, StringComparison.Ordinal);
        if (close < 0)
        {
            _error = "unterminated dollar-quoted string";
            return;
        }

        _tokens.Add(new SqlToken(SqlTokenKind.String, _text[bodyStart..close], start));
        _pos = close + delimiter.Length;
    }

    private void LexColon(int start)
    {
        var next = Peek(1);
        if (next is ':' or '=')
        {
            Add(SqlTokenKind.Operator, next == ':' ? "::" : ":=", 2);
            return;
        }

        if (IsIdentifierStart(next) || next is '\'' or '"' or '{')
        {
            // psql :var, :'var', :"var", and sqlite :name parameters.
            _pos++;
            while (_pos < _text.Length && (IsIdentifierPart(_text[_pos]) || _text[_pos] is '\'' or '"' or '{' or '}'))
            {
                _pos++;
            }

            _tokens.Add(new SqlToken(SqlTokenKind.Parameter, _text[start.._pos], start));
            return;
        }

        Add(SqlTokenKind.Operator, ":", 1);
    }

    private void LexVariable(int start)
    {
        _pos++;
        while (_pos < _text.Length && (IsIdentifierPart(_text[_pos]) || _text[_pos] is '@' or '.'))
        {
            _pos++;
        }

        _tokens.Add(new SqlToken(SqlTokenKind.Parameter, _text[start.._pos].ToLowerInvariant(), start));
    }

    private void LexNumber(int start)
    {
        if (_text[_pos] == '0' && Peek(1) is 'x' or 'X' or 'b' or 'B' or 'o' or 'O')
        {
            _pos += 2;
        }

        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_')
            {
                _pos++;
            }
            else if (c is '+' or '-' && _text[_pos - 1] is 'e' or 'E')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }

        _tokens.Add(new SqlToken(SqlTokenKind.Number, _text[start.._pos], start));
    }

    private void LexOperator(int start)
    {
        _pos++;
        var c = _text[start];
        if (IsOperatorChar(c))
        {
            while (_pos < _text.Length && IsOperatorChar(_text[_pos]) && !StartsComment(_pos))
            {
                _pos++;
            }
        }

        _tokens.Add(new SqlToken(SqlTokenKind.Operator, _text[start.._pos], start));
    }

    private bool StartsComment(int i) =>
        i + 1 < _text.Length && ((_text[i] == '-' && _text[i + 1] == '-' && !IsMySql) || (_text[i] == '/' && _text[i + 1] == '*'));

    private bool IsOperatorChar(char c) =>
        c is '+' or '-' or '*' or '/' or '<' or '>' or '=' or '~' or '!' or '@' or '%' or '^' or '&' or '|' or '?'
        || (c == '#' && !IsMySql);
}
