using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Expansions introduced by <c>$</c>, backquotes and process substitution.</summary>
internal sealed partial class ScriptParser
{
    /// <summary>Parses whatever follows a <c>$</c> at the current position, or keeps the <c>$</c> as text.</summary>
    private void ParseDollar(List<WordPart> parts, bool quoted)
    {
        var next = PeekAt(1);
        if (_position + 1 >= _source.Length)
        {
            AppendLiteral('$', quoted ? QuoteKind.Double : QuoteKind.None, parts);
            _position++;
            return;
        }

        switch (next)
        {
            case '\'' when !quoted:
                ParseAnsiC(parts);
                return;
            case '"' when !quoted:
                // $"…" is a locale translation of "…": the same expansions apply.
                _position++;
                ParseDoubleQuoted(parts);
                return;
            case '(':
                FlushLiteral(parts);
                if (PeekAt(2) == '(' && TryParseArithmeticExpansion(parts, quoted))
                {
                    return;
                }

                parts.Add(new CommandSubstitutionPart(ParseParenthesizedScript(_position, _position + 1, "command substitution"), Backtick: false, quoted));
                return;
            case '[':
                FlushLiteral(parts);
                ParseLegacyArithmetic(parts, quoted);
                return;
            case '{':
                FlushLiteral(parts);
                ParseBracedParameter(parts, quoted);
                return;
            default:
                break;
        }

        string? name = null;
        if (IsNameStart(next))
        {
            var end = _position + 2;
            while (end < _source.Length && IsNameChar(_source[end]))
            {
                end++;
            }

            name = _source.Substring(_position + 1, end - _position - 1);
        }
        else if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            name = SpecialParameterName(next);
        }

        if (name is null)
        {
            AppendLiteral('$', quoted ? QuoteKind.Double : QuoteKind.None, parts);
            _position++;
            return;
        }

        FlushLiteral(parts);
        parts.Add(new ParameterPart(name, null, null, quoted));
        _position += 1 + name.Length;
    }

    private static string SpecialParameterName(char c) => c switch
    {
        '@' => "@",
        '*' => "*",
        '#' => "#",
        '?' => "?",
        '$' => "$",
        '!' => "!",
        '-' => "-",
        '0' => "0",
        '1' => "1",
        '2' => "2",
        '3' => "3",
        '4' => "4",
        '5' => "5",
        '6' => "6",
        '7' => "7",
        '8' => "8",
        _ => "9",
    };

    private void ParseAnsiC(List<WordPart> parts)
    {
        var open = _position;
        if (_literal.Length > 0 && _literalKind != QuoteKind.AnsiC)
        {
            FlushLiteral(parts);
        }

        _literalKind = QuoteKind.AnsiC;
        var end = AnsiCDecoder.Decode(_source, _position + 2, _literal);
        if (end < 0)
        {
            _literal.Clear();
            throw Error("unterminated $' quote", open);
        }

        _position = end;
    }

    /// <summary>
    /// <c>(</c> at <paramref name="open"/> up to its matching <c>)</c>, parsed in place as a script so
    /// that case patterns, quotes and heredocs inside are handled exactly like at top level.
    /// </summary>
    /// <param name="start">Where the construct starts (reported when it is unterminated).</param>
    /// <param name="open">The opening parenthesis.</param>
    /// <param name="construct">Name used in error messages.</param>
    private Script ParseParenthesizedScript(int start, int open, string construct)
    {
        Enter();
        _position = open + 1;
        var body = ParseScript();
        SkipBlanksAndNewlines();
        if (AtEnd)
        {
            throw Error($"unterminated {construct}", start);
        }

        if (Current != ')')
        {
            throw UnexpectedToken();
        }

        _position++;
        Leave();
        return body;
    }

    private void ParseProcessSubstitution(List<WordPart> parts)
    {
        FlushLiteral(parts);
        var isInput = Current == '<';
        parts.Add(new ProcessSubstitutionPart(ParseParenthesizedScript(_position, _position + 1, "process substitution"), isInput));
    }

    /// <summary>
    /// <c>`…`</c>: bash first removes the backslashes that quote <c>$</c>, <c>`</c> and <c>\</c>
    /// (and <c>"</c> inside double quotes), then parses the result as a script.
    /// </summary>
    private void ParseBackquote(List<WordPart> parts, bool quoted)
    {
        FlushLiteral(parts);
        var open = _position;
        _position++;
        while (true)
        {
            if (AtEnd)
            {
                _literal.Clear();
                throw Error("unterminated backquote substitution", open);
            }

            var c = _source[_position];
            if (c == '`')
            {
                _position++;
                break;
            }

            if (c == '\\' && PeekAt(1) is '$' or '`' or '\\' || (quoted && c == '\\' && PeekAt(1) == '"'))
            {
                _literal.Append(PeekAt(1));
                _position += 2;
                continue;
            }

            _literal.Append(c);
            _position++;
        }

        var body = _literal.ToString();
        _literal.Clear();
        Enter();
        var nested = new ScriptParser(body, Absolute(open + 1), _depth, _literal);
        var script = nested.ParseTopLevel();
        Leave();
        parts.Add(new CommandSubstitutionPart(script, Backtick: true, quoted));
    }

    /// <summary><c>$((…))</c>; false (position restored) when it is really <c>$( (…) )</c>.</summary>
    private bool TryParseArithmeticExpansion(List<WordPart> parts, bool quoted)
    {
        var dollar = _position;
        var heredocMark = _pendingHeredocs.Count;
        Enter();
        _position += 3;
        var substitutions = new List<Script>();
        var isArithmetic = TryScanArithmetic(')', dollar, substitutions, out var expression);
        Leave();
        if (!isArithmetic)
        {
            _position = dollar;
            _pendingHeredocs.RemoveRange(heredocMark, _pendingHeredocs.Count - heredocMark);
            return false;
        }

        parts.Add(new ArithmeticPart(expression, substitutions, quoted));
        return true;
    }

    /// <summary>The obsolete <c>$[expr]</c> arithmetic form, which bash still evaluates.</summary>
    private void ParseLegacyArithmetic(List<WordPart> parts, bool quoted)
    {
        var open = _position;
        Enter();
        _position += 2;
        var substitutions = new List<Script>();
        if (!TryScanArithmetic(']', open, substitutions, out var expression))
        {
            throw Error("unterminated $[ arithmetic", open);
        }

        Leave();
        parts.Add(new ArithmeticPart(expression, substitutions, quoted));
    }

    /// <summary>
    /// Scans an arithmetic expression up to <c>))</c> (or <c>]</c>), parsing any substitutions in it.
    /// Returns false when a <c>)</c> closes the outer parenthesis alone: then the text was a subshell.
    /// </summary>
    private bool TryScanArithmetic(char closer, int open, List<Script> substitutions, out string expression)
    {
        var start = _position;
        var depth = 0;
        var scratch = new List<WordPart>();
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == (closer == ')' ? '(' : '['))
            {
                depth++;
                _position++;
                continue;
            }

            if (c == closer)
            {
                if (depth > 0)
                {
                    depth--;
                    _position++;
                    continue;
                }

                expression = _source.Substring(start, _position - start);
                if (closer == ']')
                {
                    _position++;
                    return true;
                }

                if (PeekAt(1) == ')')
                {
                    _position += 2;
                    return true;
                }

                return false;
            }

            switch (c)
            {
                case '$':
                    ParseDollar(scratch, quoted: true);
                    break;
                case '`':
                    ParseBackquote(scratch, quoted: true);
                    break;
                case '\'':
                    var close = _source.IndexOf('\'', _position + 1);
                    _position = close < 0 ? _source.Length : close + 1;
                    break;
                case '\\':
                    _position += 2;
                    break;
                default:
                    _position++;
                    break;
            }

            FlushLiteral(scratch);
            if (scratch.Count > 0)
            {
                CollectScripts(scratch, substitutions);
                scratch.Clear();
            }
        }

        throw Error("unterminated arithmetic expression", open);
    }

    /// <summary>Every script that would run while expanding <paramref name="parts"/>.</summary>
    private static void CollectScripts(IReadOnlyList<WordPart> parts, List<Script> scripts)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case CommandSubstitutionPart substitution:
                    scripts.Add(substitution.Body);
                    break;
                case ProcessSubstitutionPart process:
                    scripts.Add(process.Body);
                    break;
                case ArithmeticPart arithmetic:
                    scripts.AddRange(arithmetic.Substitutions);
                    break;
                case ParameterPart { Argument: { } argument }:
                    CollectScripts(argument.Parts, scripts);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary><c>${…}</c>: name, optional subscript, optional operator and argument word.</summary>
    private void ParseBracedParameter(List<WordPart> parts, bool quoted)
    {
        var open = _position;
        Enter();
        _position += 2;
        string? op = null;
        if (Current == '#' && PeekAt(1) != '}' && IsParameterNameStart(PeekAt(1)) && !(PeekAt(1) is '-' or '=' or '?' or '+' && PeekAt(2) != '}'))
        {
            op = "length";
            _position++;
        }
        else if (Current == '!' && PeekAt(1) != '}' && IsParameterNameStart(PeekAt(1)))
        {
            op = "indirect";
            _position++;
        }

        var nameStart = _position;
        ReadParameterName();
        if (op == "indirect" && Current is '*' or '@' && PeekAt(1) == '}')
        {
            _position++;
        }

        if (Current == '[' && !AtEnd)
        {
            var close = FindSubscriptEnd(_position, allowBlanks: true, out var hasSubstitution);
            if (close < 0)
            {
                throw Error("bad substitution", open);
            }

            if (hasSubstitution)
            {
                throw Error("command substitution inside an array subscript is not supported", _position);
            }

            _position = close + 1;
        }

        if (_position == nameStart)
        {
            throw AtEnd ? Error("unterminated parameter expansion", open) : Error("bad substitution", open);
        }

        var name = _source.Substring(nameStart, _position - nameStart);
        Word? argument = null;
        if (Current != '}' || AtEnd)
        {
            if (op == "length")
            {
                throw Error("bad substitution", open);
            }

            var operatorText = ReadParameterOperator() ?? throw (AtEnd ? Error("unterminated parameter expansion", open) : Error("bad substitution", open));
            op = op == "indirect" ? "indirect" : operatorText;
            var argumentStart = _position;
            var argumentParts = new List<WordPart>(1);
            ParseText(argumentParts, quoted ? TextContext.QuotedBraceArgument : TextContext.BraceArgument, open);
            FlushLiteral(argumentParts);
            argument = new Word(argumentParts, Absolute(argumentStart), Absolute(_position));
        }

        _position++;
        Leave();
        parts.Add(new ParameterPart(name, op, argument, quoted));
    }

    private static bool IsParameterNameStart(char c) =>
        IsNameStart(c) || char.IsAsciiDigit(c) || c is '@' or '*' or '#' or '?' or '$' or '!' or '-';

    private void ReadParameterName()
    {
        if (AtEnd)
        {
            return;
        }

        var c = Current;
        if (IsNameStart(c))
        {
            while (!AtEnd && IsNameChar(Current))
            {
                _position++;
            }
        }
        else if (char.IsAsciiDigit(c))
        {
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }
        else if (c is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            _position++;
        }
    }

    private string? ReadParameterOperator()
    {
        var c = Current;
        var next = PeekAt(1);
        string? op = c switch
        {
            ':' when next is '-' or '=' or '?' or '+' => next switch { '-' => ":-", '=' => ":=", '?' => ":?", _ => ":+" },
            ':' => ":",
            '-' => "-",
            '=' => "=",
            '?' => "?",
            '+' => "+",
            '#' => next == '#' ? "##" : "#",
            '%' => next == '%' ? "%%" : "%",
            '/' => next switch { '/' => "//", '#' => "/#", '%' => "/%", _ => "/" },
            '^' => next == '^' ? "^^" : "^",
            ',' => next == ',' ? ",," : ",",
            '@' => "@",
            _ => null,
        };

        if (op is not null && !AtEnd)
        {
            _position += op.Length;
        }

        return op;
    }
}
