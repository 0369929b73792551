namespace Gatehouse.Core.Interpreters.Lexing;

/// <summary>The tokens of one code string, or the reason it could not be tokenised.</summary>
internal sealed record LexResult(List<ScriptToken> Tokens, string? Error);

/// <summary>
/// A small tokenizer for the five interpreter dialects. It only needs to know where strings,
/// comments and identifiers are, so that text inside strings and comments is never taken for code.
/// </summary>
internal sealed partial class ScriptLexer
{
    /// <summary>Deeper interpolation nesting than this is hostile input; stop instead of recursing.</summary>
    private const int MaxEmbeddedDepth = 100;

    private static readonly string[] Operators =
    [
        "<=>", "===", "!==", "**=", "...", "->", "=>", "::", "==", "!=", "<=", ">=", "&&", "||", "++", "--",
        "+=", "-=", "*=", "/=", ".=", "**", "//", "<<", ">>", "=~", "!~", "?.", "??",
    ];

    /// <summary>Multi-character operators grouped by first character, so most punctuation costs one array lookup.</summary>
    private static readonly string[][] OperatorsByFirstChar = GroupOperators();

    private readonly string _src;
    private readonly ScriptDialect _dialect;
    private readonly List<ScriptToken> _tokens = [];
    private int _pos;
    private int _depth;
    private int _embedded;
    private string? _error;

    /// <summary>Code found inside string interpolations, appended after the main code once lexing ends.</summary>
    private List<ScriptToken>? _deferred;

    private ScriptLexer(string src, ScriptDialect dialect)
    {
        _src = src;
        _dialect = dialect;
    }

    public static LexResult Lex(string code, ScriptDialect dialect)
    {
        var lexer = new ScriptLexer(code, dialect);
        lexer.Run();
        return new LexResult(lexer._tokens, lexer._error);
    }

    private void Run()
    {
        if (_dialect == ScriptDialect.Php)
        {
            SkipPhpOpenTag();
        }

        while (_error is null && LexOne())
        {
        }

        if (_error is null && _pendingHeredocs is { Count: > 0 })
        {
            _error = "unterminated heredoc";
        }

        if (_error is null && _deferred is not null)
        {
            _tokens.AddRange(_deferred);
        }
    }

    private bool Python => _dialect == ScriptDialect.Python;

    private bool JavaScript => _dialect == ScriptDialect.JavaScript;

    private bool Ruby => _dialect == ScriptDialect.Ruby;

    private bool Perl => _dialect == ScriptDialect.Perl;

    private bool Php => _dialect == ScriptDialect.Php;

    private char Peek(int offset = 0)
    {
        var i = _pos + offset;
        return i < _src.Length ? _src[i] : '\0';
    }

    private bool AtLineStart(int index) => index == 0 || _src[index - 1] == '\n';

    /// <summary>Lexes one token (or skips one run of space or comment). False at the end of input.</summary>
    private bool LexOne()
    {
        if (_pos >= _src.Length)
        {
            return false;
        }

        var c = _src[_pos];
        if (c == '\n')
        {
            _pos++;
            if (_depth <= 0 && (_tokens.Count == 0 || _tokens[^1].Kind != TokenKind.Newline))
            {
                _tokens.Add(new ScriptToken(TokenKind.Newline, _pos - 1, _pos, "\n"));
            }

            ReadPendingHeredocs();
            return true;
        }

        if (char.IsWhiteSpace(c))
        {
            _pos++;
            return true;
        }

        if (c == '\\' && Peek(1) == '\n')
        {
            _pos += 2;
            return true;
        }

        if (TrySkipComment(c))
        {
            return true;
        }

        if (TryLexString(c))
        {
            return true;
        }

        if (char.IsDigit(c))
        {
            LexNumber();
            return true;
        }

        if (IsIdentifierStart(c) || (c == '\\' && Php && IsIdentifierStart(Peek(1))))
        {
            LexIdentifierOrPrefixedString();
            return true;
        }

        if (TryLexSigilVariable(c))
        {
            return true;
        }

        if (c == '/' && RegexAllowedHere() && TryLexSlashRegex())
        {
            return true;
        }

        LexPunct();
        return true;
    }

    private bool TrySkipComment(char c)
    {
        if (c == '#' && !JavaScript)
        {
            SkipToEndOfLine();
            return true;
        }

        if ((JavaScript || Php) && c == '/' && Peek(1) == '/')
        {
            SkipToEndOfLine();
            return true;
        }

        if ((JavaScript || Php) && c == '/' && Peek(1) == '*')
        {
            var end = _src.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                _error = "unterminated comment";
                _pos = _src.Length;
                return true;
            }

            _pos = end + 2;
            return true;
        }

        if (JavaScript && c == '#' && Peek(1) == '!' && _pos == 0)
        {
            SkipToEndOfLine();
            return true;
        }

        if ((Ruby || Perl) && c == '=' && AtLineStart(_pos) && char.IsLetter(Peek(1)))
        {
            // Ruby =begin … =end and Perl POD (=head1 … =cut) are block comments at line starts.
            var terminator = Ruby ? "\n=end" : "\n=cut";
            var end = _src.IndexOf(terminator, _pos, StringComparison.Ordinal);
            _pos = end < 0 ? _src.Length : end + terminator.Length;
            SkipToEndOfLine();
            return true;
        }

        if ((Ruby || Perl) && c == '_' && AtLineStart(_pos)
            && (string.CompareOrdinal(_src, _pos, "__END__", 0, 7) == 0 || (Perl && string.CompareOrdinal(_src, _pos, "__DATA__", 0, 8) == 0)))
        {
            // Everything after __END__ is data, not code.
            _pos = _src.Length;
            return true;
        }

        if (Php && c == '?' && Peek(1) == '>')
        {
            // Text outside PHP tags is output, not code.
            var next = _src.IndexOf("<?php", _pos, StringComparison.OrdinalIgnoreCase);
            _pos = next < 0 ? _src.Length : next;
            SkipPhpOpenTag();
            return true;
        }

        return false;
    }

    private void SkipPhpOpenTag()
    {
        while (_pos < _src.Length && char.IsWhiteSpace(_src[_pos]))
        {
            _pos++;
        }

        if (string.Compare(_src, _pos, "<?php", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
        {
            _pos += 5;
        }
        else if (string.CompareOrdinal(_src, _pos, "<?=", 0, 3) == 0)
        {
            _pos += 3;
        }
    }

    private void SkipToEndOfLine()
    {
        var end = _src.IndexOf('\n', _pos);
        _pos = end < 0 ? _src.Length : end;
    }

    private bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || (JavaScript && c == '$');

    private bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || (JavaScript && c == '$');

    private void LexNumber()
    {
        var start = _pos;
        while (_pos < _src.Length && (char.IsLetterOrDigit(_src[_pos]) || _src[_pos] == '_'
            || (_src[_pos] == '.' && char.IsDigit(Peek(1)))))
        {
            _pos++;
        }

        Add(TokenKind.Number, start, _src[start.._pos]);
    }

    private void LexIdentifierOrPrefixedString()
    {
        var start = _pos;
        if (_src[_pos] == '\\')
        {
            // PHP namespace root (\exec): the leading separator does not change the name.
            _pos++;
            start = _pos;
        }

        while (_pos < _src.Length && (IsIdentifierPart(_src[_pos]) || (Php && _src[_pos] == '\\' && IsIdentifierStart(Peek(1)))))
        {
            _pos++;
        }

        if (Ruby && _pos < _src.Length && (_src[_pos] == '?' || _src[_pos] == '!') && Peek(1) != '=')
        {
            _pos++;
        }

        var name = _src[start.._pos];
        if (Python && IsPythonStringPrefix(name) && (Peek() == '\'' || Peek() == '"'))
        {
            LexPythonString(start, name);
            return;
        }

        if (Perl && TryLexPerlQuoteLike(start, name))
        {
            return;
        }

        if (Ruby && Peek() == ':' && Peek(1) != ':' && IsAfterHashOpener())
        {
            // Ruby keyword-argument / hash key "name:" — the name is data, and the colon separates.
            Add(TokenKind.String, start, name);
            return;
        }

        Add(TokenKind.Identifier, start, name);
    }

    /// <summary>Ruby's <c>key: value</c> shorthand only follows <c>(</c>, <c>{</c>, <c>,</c> or a paren-less call.</summary>
    private bool IsAfterHashOpener()
    {
        if (_tokens.Count == 0)
        {
            return false;
        }

        var prev = _tokens[^1];
        // After an identifier it is a paren-less call's keyword argument: `get url, headers: h`.
        return prev.IsPunct("(") || prev.IsPunct("{") || prev.IsPunct(",") || prev.IsPunct("|")
            || prev.Kind is TokenKind.Identifier or TokenKind.String;
    }

    private static bool IsPythonStringPrefix(string name)
    {
        if (name.Length is 0 or > 2)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.ToLowerInvariant(c) is not ('r' or 'u' or 'b' or 'f' or 't'))
            {
                return false;
            }
        }

        return name.Length == 1 || char.ToLowerInvariant(name[0]) != char.ToLowerInvariant(name[1]);
    }

    private bool TryLexSigilVariable(char c)
    {
        if (!(Perl || Php || Ruby))
        {
            return false;
        }

        var start = _pos;
        if (Ruby && (c == '@' || c == '$'))
        {
            var p = _pos + 1;
            if (c == '@' && Peek(1) == '@')
            {
                p++;
            }

            if (p < _src.Length && (char.IsLetter(_src[p]) || _src[p] == '_'))
            {
                _pos = p;
                while (_pos < _src.Length && IsIdentifierPart(_src[_pos]))
                {
                    _pos++;
                }

                Add(TokenKind.Identifier, start, _src[start.._pos]);
                return true;
            }

            return false;
        }

        if (Php)
        {
            if (c != '$' || !IsIdentifierStart(Peek(1)))
            {
                return false;
            }

            _pos++;
            while (_pos < _src.Length && IsIdentifierPart(_src[_pos]))
            {
                _pos++;
            }

            Add(TokenKind.Identifier, start, _src[start.._pos]);
            return true;
        }

        return TryLexPerlVariable(c);
    }

    private bool TryLexPerlVariable(char c)
    {
        var start = _pos;
        if (c == '%' && !PerlHashSigilAllowed())
        {
            return false;
        }

        if (c is not ('$' or '@' or '%' or '&'))
        {
            return false;
        }

        var p = _pos + 1;
        if (c == '$' && p < _src.Length && _src[p] == '#')
        {
            p++;
        }

        if (p < _src.Length && (char.IsLetter(_src[p]) || _src[p] == '_' || (_src[p] == ':' && p + 1 < _src.Length && _src[p + 1] == ':')))
        {
            while (p < _src.Length && (char.IsLetterOrDigit(_src[p]) || _src[p] == '_'
                || (_src[p] == ':' && p + 2 < _src.Length && _src[p + 1] == ':' && (char.IsLetter(_src[p + 2]) || _src[p + 2] == '_'))))
            {
                p += _src[p] == ':' ? 2 : 1;
            }

            _pos = p;
            Add(TokenKind.Identifier, start, _src[start.._pos]);
            return true;
        }

        if (c == '$' && p < _src.Length && (char.IsDigit(_src[p]) || "_!@$&;0/\\,.".Contains(_src[p], StringComparison.Ordinal)))
        {
            _pos = p + 1;
            Add(TokenKind.Identifier, start, _src[start.._pos]);
            return true;
        }

        if (c == '&' || c == '%')
        {
            return false;
        }

        // A bare sigil before a block or another sigil is a dereference: ${…}, @{…}, $$ref.
        _pos++;
        Add(TokenKind.Identifier, start, c.ToString());
        return true;
    }

    private bool PerlHashSigilAllowed()
    {
        var next = Peek(1);
        if (!(char.IsLetter(next) || next == '_' || next == '$' || next == '{'))
        {
            return false;
        }

        return !PreviousEndsOperand();
    }

    /// <summary>True when the previous token ends an operand, so a following / or % is an operator.</summary>
    private bool PreviousEndsOperand()
    {
        if (_tokens.Count == 0)
        {
            return false;
        }

        var prev = _tokens[^1];
        return prev.Kind switch
        {
            TokenKind.Number or TokenKind.String or TokenKind.Command or TokenKind.Regex => true,
            TokenKind.Identifier => !IsOperatorKeyword(prev.Text),
            TokenKind.Punct => prev.Text is ")" or "]" or "}",
            _ => false,
        };
    }

    private static bool IsOperatorKeyword(string word) => word is "return" or "typeof" or "case" or "do" or "else" or "in" or "of"
        or "new" or "delete" or "void" or "throw" or "yield" or "await" or "instanceof" or "and" or "or" or "not"
        or "if" or "unless" or "while" or "until" or "split" or "grep" or "map" or "when" or "puts" or "print" or "x" or "lt" or "gt"
        or "eq" or "ne" or "le" or "ge" or "cmp" or "push" or "join";

    private void LexPunct()
    {
        var start = _pos;
        var first = _src[_pos];
        if (first < OperatorsByFirstChar.Length)
        {
            foreach (var op in OperatorsByFirstChar[first])
            {
                if (string.CompareOrdinal(_src, _pos, op, 0, op.Length) == 0)
                {
                    _pos += op.Length;
                    Add(TokenKind.Punct, start, op);
                    return;
                }
            }
        }

        var c = _src[_pos++];
        switch (c)
        {
            case '(' or '[' or '{':
                _depth++;
                break;
            case ')' or ']' or '}':
                _depth--;
                break;
            default:
                break;
        }

        Add(TokenKind.Punct, start, PunctText(c));
    }

    private static string[][] GroupOperators()
    {
        var groups = new string[128][];
        for (var c = 0; c < groups.Length; c++)
        {
            groups[c] = Array.FindAll(Operators, op => op[0] == c);
        }

        return groups;
    }

    private static string PunctText(char c) => c switch
    {
        '(' => "(",
        ')' => ")",
        '[' => "[",
        ']' => "]",
        '{' => "{",
        '}' => "}",
        ',' => ",",
        ';' => ";",
        '.' => ".",
        '=' => "=",
        ':' => ":",
        '+' => "+",
        '/' => "/",
        _ => c.ToString(),
    };

    private void Add(TokenKind kind, int start, string text, bool dynamic = false, bool template = false) =>
        _tokens.Add(new ScriptToken(kind, start, _pos, text, dynamic, template));

    private void Fail(string message)
    {
        _error ??= message;
        _pos = _src.Length;
    }
}
