using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Lists, and-or lists, pipelines, command dispatch and simple commands.</summary>
internal sealed partial class ScriptParser
{
    private static readonly (AndOrOperator Operator, Pipeline Pipeline)[] NoRest = [];

    /// <summary>
    /// Statements until end of input or a token that closes an enclosing construct. A loop, not
    /// recursion, so long flat input costs no stack.
    /// </summary>
    private Script ParseScript()
    {
        var statements = new List<Statement>();
        while (true)
        {
            SkipBlanksAndNewlines();
            if (AtEnd || AtListTerminator())
            {
                break;
            }

            var body = ParseAndOr();
            SkipBlanks();
            var c = Current;
            if (c == '&' && !AtEnd)
            {
                _position++;
                statements.Add(new Statement(body, Background: true));
                continue;
            }

            statements.Add(new Statement(body, Background: false));
            if (c == ';' && PeekAt(1) is not ';' and not '&')
            {
                _position++;
                continue;
            }

            if (c == '\n' && !AtEnd)
            {
                ConsumeNewline();
                continue;
            }

            break;
        }

        return new Script(statements);
    }

    /// <summary>A statement list that bash requires to hold at least one command (bodies of compound commands).</summary>
    private Script ParseRequiredScript(string construct)
    {
        var start = _position;
        var script = ParseScript();
        if (script.Statements.Count == 0)
        {
            throw AtEnd
                ? Error($"syntax error: unexpected end of input in {construct}", _position)
                : Error($"syntax error: empty command list in {construct}", start);
        }

        return script;
    }

    private AndOrList ParseAndOr()
    {
        var first = ParsePipeline();
        List<(AndOrOperator, Pipeline)>? rest = null;
        while (true)
        {
            SkipBlanks();
            AndOrOperator op;
            if (Current == '&' && PeekAt(1) == '&')
            {
                op = AndOrOperator.And;
            }
            else if (Current == '|' && PeekAt(1) == '|')
            {
                op = AndOrOperator.Or;
            }
            else
            {
                break;
            }

            _position += 2;
            SkipBlanksAndNewlines();
            (rest ??= []).Add((op, ParsePipeline()));
        }

        return new AndOrList(first, rest is null ? NoRest : rest);
    }

    private Pipeline ParsePipeline()
    {
        var negated = false;
        var timed = false;
        while (true)
        {
            SkipBlanks();
            if (TryConsumeReserved("!"))
            {
                negated = !negated;
            }
            else if (TryConsumeReserved("time"))
            {
                timed = true;
                SkipBlanks();
                if (Current == '-' && PeekAt(1) == 'p' && IsWordBreakAt(_position + 2))
                {
                    _position += 2;
                }
            }
            else
            {
                break;
            }
        }

        var commands = new List<Command>(1) { ParseCommand() };
        while (true)
        {
            SkipBlanks();
            if (Current != '|' || PeekAt(1) == '|')
            {
                break;
            }

            _position += PeekAt(1) == '&' ? 2 : 1;
            SkipBlanksAndNewlines();
            commands.Add(ParseCommand());
        }

        return new Pipeline(commands, negated, timed);
    }

    private Command ParseCommand()
    {
        SkipBlanks();
        if (Current == '(' && !AtEnd)
        {
            return WithTrailingRedirections(PeekAt(1) == '(' ? ParseDoubleParenCommand() : ParseSubshell());
        }

        var reserved = PeekReservedWord();
        Command? compound = reserved switch
        {
            "{" => ParseGroup(),
            "if" => ParseIf(),
            "while" => ParseWhile(until: false),
            "until" => ParseWhile(until: true),
            "for" or "select" => ParseFor(),
            "case" => ParseCase(),
            "function" => ParseFunctionKeyword(),
            "[[" => ParseConditional(),
            "then" or "elif" or "else" or "fi" or "do" or "done" or "esac" or "}" or "in" => throw UnexpectedToken(),
            _ => null,
        };

        return compound is null ? ParseSimpleCommand() : WithTrailingRedirections(compound);
    }

    private Command ParseSimpleCommand()
    {
        var start = _position;
        var end = _position;
        List<Assignment>? assignments = null;
        List<Word>? words = null;
        List<Redirection>? redirections = null;
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                break;
            }

            var c = Current;
            if (c is '\n' or ';' or '|' or ')')
            {
                break;
            }

            if (c == '&' && PeekAt(1) != '>')
            {
                break;
            }

            if (c == '(')
            {
                if (words is { Count: 1 } && assignments is null && redirections is not { Count: > 0 })
                {
                    return ParseFunctionAfterName(words[0]);
                }

                throw UnexpectedToken();
            }

            if (TryParseRedirection(redirections ??= []))
            {
                end = _position;
                continue;
            }

            if (words is null && TryParseAssignment(out var assignment))
            {
                (assignments ??= []).Add(assignment);
                end = _position;
                continue;
            }

            (words ??= []).Add(ParseWord());
            end = _position;
        }

        if (words is null && assignments is null && (redirections is null || redirections.Count == 0))
        {
            throw UnexpectedToken();
        }

        return new SimpleCommand(
            assignments is null ? [] : assignments,
            words is null ? [] : words,
            Absolute(start),
            Absolute(end))
        {
            Redirections = redirections is null || redirections.Count == 0 ? [] : redirections,
        };
    }

    /// <summary>
    /// Recognises <c>NAME=value</c>, <c>NAME+=value</c>, <c>NAME[sub]=value</c> and <c>NAME=(a b)</c>
    /// at the current position; leaves the position untouched when the token is an ordinary word.
    /// </summary>
    private bool TryParseAssignment(out Assignment assignment)
    {
        assignment = null!;
        var i = _position;
        if (i >= _source.Length || !IsNameStart(_source[i]))
        {
            return false;
        }

        while (i < _source.Length && IsNameChar(_source[i]))
        {
            i++;
        }

        var hasSubscript = false;
        if (i < _source.Length && _source[i] == '[')
        {
            var close = FindSubscriptEnd(i, allowBlanks: false, out hasSubscript);
            if (close < 0)
            {
                return false;
            }

            i = close + 1;
        }

        var append = false;
        if (i + 1 < _source.Length && _source[i] == '+' && _source[i + 1] == '=')
        {
            append = true;
        }
        else if (i >= _source.Length || _source[i] != '=')
        {
            return false;
        }

        if (hasSubscript)
        {
            throw Error("command substitution inside an array subscript is not supported", _position);
        }

        var name = _source.Substring(_position, i - _position);
        _position = i + (append ? 2 : 1);
        if (Current == '(' && !AtEnd)
        {
            assignment = new Assignment(name, null, append, ParseArrayValues());
            return true;
        }

        Word value = IsWordBreakAt(_position)
            ? new Word([], Absolute(_position), Absolute(_position))
            : ParseWord(assignmentValue: true);
        assignment = new Assignment(name, value, append, null);
        return true;
    }

    private List<Word> ParseArrayValues()
    {
        var open = _position;
        _position++;
        var values = new List<Word>();
        while (true)
        {
            SkipBlanksAndNewlines();
            if (AtEnd)
            {
                throw Error("syntax error: unterminated array assignment", open);
            }

            if (Current == ')')
            {
                _position++;
                return values;
            }

            if (IsWordBreak(Current) && !IsProcessSubstitutionStart())
            {
                throw UnexpectedToken();
            }

            values.Add(ParseWord());
        }
    }

    /// <summary>
    /// Finds the <c>]</c> closing an array subscript that opens at <paramref name="open"/>, or -1.
    /// Subscripts are arithmetic, and command substitutions in them run, so they are reported.
    /// </summary>
    /// <param name="allowBlanks">Inside <c>${…}</c> blanks are part of the subscript; in an assignment word they end it.</param>
    private int FindSubscriptEnd(int open, bool allowBlanks, out bool hasSubstitution)
    {
        hasSubstitution = false;
        var brackets = 0;
        var parens = 0;
        for (var i = open; i < _source.Length; i++)
        {
            var c = _source[i];
            switch (c)
            {
                case '[':
                    brackets++;
                    break;
                case ']':
                    if (--brackets == 0 && parens == 0)
                    {
                        return i;
                    }

                    break;
                case '(':
                    parens++;
                    break;
                case ')':
                    parens--;
                    break;
                case '`':
                    hasSubstitution = true;
                    break;
                case '$' or '<' or '>' when i + 1 < _source.Length && _source[i + 1] == '(':
                    hasSubstitution = true;
                    break;
                case '\\':
                    i++;
                    break;
                case '\'' or '"':
                    var close = _source.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        return -1;
                    }

                    i = close;
                    break;
                case ' ' or '\t' or '\n' or ';' or '&' or '|' when !allowBlanks && parens == 0:
                    return -1;
                default:
                    break;
            }
        }

        return -1;
    }

    /// <summary>
    /// Redirections written after a compound command's closing token. Anything else but an
    /// operator or a closing reserved word there is a syntax error in bash.
    /// </summary>
    private Command WithTrailingRedirections(Command command)
    {
        List<Redirection>? redirections = null;
        while (true)
        {
            SkipBlanks();
            if (!TryParseRedirection(redirections ??= []))
            {
                break;
            }
        }

        if (!AtEnd && !IsWordBreak(Current) && !AtListTerminator())
        {
            throw UnexpectedToken();
        }

        if (!AtEnd && Current == '(')
        {
            throw UnexpectedToken();
        }

        return redirections is { Count: > 0 } ? command with { Redirections = redirections } : command;
    }
}
