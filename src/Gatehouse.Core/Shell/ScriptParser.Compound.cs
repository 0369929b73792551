using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Compound commands: subshells, groups, if, loops, case, functions, [[ ]] and (( )).</summary>
internal sealed partial class ScriptParser
{
    private SubshellCommand ParseSubshell()
    {
        var open = _position;
        Enter();
        _position++;
        var body = ParseRequiredScript("subshell");
        ExpectClosingParen(open, "subshell");
        Leave();
        return new SubshellCommand(body);
    }

    private void ExpectClosingParen(int open, string construct)
    {
        SkipBlanksAndNewlines();
        if (Current != ')' || AtEnd)
        {
            throw AtEnd ? Error($"syntax error: unterminated {construct}", open) : UnexpectedToken();
        }

        _position++;
    }

    /// <summary><c>((</c> starts an arithmetic command unless it turns out to be two nested subshells.</summary>
    private Command ParseDoubleParenCommand()
    {
        var open = _position;
        Enter();
        _position += 2;
        var heredocMark = _pendingHeredocs.Count;
        var substitutions = new List<Script>();
        if (TryScanArithmetic(')', open, substitutions, out var expression))
        {
            Leave();
            return new ArithmeticCommand(expression, substitutions);
        }

        Leave();
        _position = open;
        _pendingHeredocs.RemoveRange(heredocMark, _pendingHeredocs.Count - heredocMark);
        return ParseSubshell();
    }

    private GroupCommand ParseGroup()
    {
        Enter();
        _position++;
        var body = ParseRequiredScript("{ } group");
        ExpectReserved("}");
        Leave();
        return new GroupCommand(body);
    }

    private IfCommand ParseIf()
    {
        Enter();
        _position += 2;
        var clauses = new List<(Script Condition, Script Body)>(1);
        Script? elseBody = null;
        while (true)
        {
            var condition = ParseRequiredScript("if condition");
            ExpectReserved("then");
            var body = ParseRequiredScript("then clause");
            clauses.Add((condition, body));
            SkipBlanksAndNewlines();
            if (TryConsumeReserved("elif"))
            {
                continue;
            }

            if (TryConsumeReserved("else"))
            {
                elseBody = ParseRequiredScript("else clause");
            }

            ExpectReserved("fi");
            break;
        }

        Leave();
        return new IfCommand(clauses, elseBody);
    }

    private WhileCommand ParseWhile(bool until)
    {
        Enter();
        _position += 5;
        var condition = ParseRequiredScript(until ? "until condition" : "while condition");
        var body = ParseDoGroup();
        Leave();
        return new WhileCommand(condition, body, until);
    }

    private Script ParseDoGroup()
    {
        ExpectReserved("do");
        var body = ParseRequiredScript("do group");
        ExpectReserved("done");
        return body;
    }

    /// <summary><c>for</c> and <c>select</c> (same shape; select runs its body once per choice).</summary>
    private Command ParseFor()
    {
        Enter();
        _position += Current == 'f' ? 3 : 6;
        SkipBlanks();
        if (Current == '(' && PeekAt(1) == '(')
        {
            var arithmetic = ParseArithmeticFor();
            Leave();
            return arithmetic;
        }

        var nameStart = _position;
        while (!AtEnd && IsNameChar(Current))
        {
            _position++;
        }

        if (_position == nameStart || !IsNameStart(_source[nameStart]) || !IsWordBreakAt(_position))
        {
            throw Error("syntax error: expected a variable name after 'for'", nameStart);
        }

        var variable = _source.Substring(nameStart, _position - nameStart);
        List<Word>? items = null;
        SkipBlanks();
        if (Current == ';' && !AtEnd)
        {
            _position++;
        }

        SkipBlanksAndNewlines();
        if (TryConsumeReserved("in"))
        {
            items = [];
            while (true)
            {
                SkipBlanks();
                if (AtEnd || Current == '\n')
                {
                    break;
                }

                if (Current == ';')
                {
                    _position++;
                    break;
                }

                if (IsWordBreak(Current) && !IsProcessSubstitutionStart())
                {
                    throw UnexpectedToken();
                }

                items.Add(ParseWord());
            }
        }

        var body = ParseLoopBody();
        Leave();
        return new ForCommand(variable, items, body);
    }

    /// <summary>A loop body: <c>do … done</c>, or bash's lesser-known <c>{ … }</c> form.</summary>
    private Script ParseLoopBody()
    {
        SkipBlanksAndNewlines();
        if (TryConsumeReserved("{"))
        {
            var body = ParseRequiredScript("{ } group");
            ExpectReserved("}");
            return body;
        }

        return ParseDoGroup();
    }

    private ArithmeticForCommand ParseArithmeticFor()
    {
        var open = _position;
        _position += 2;
        var substitutions = new List<Script>();
        if (!TryScanArithmetic(')', open, substitutions, out var expression))
        {
            throw Error("syntax error in arithmetic for expression", open);
        }

        if (substitutions.Count > 0)
        {
            throw Error("command substitution inside for (( )) is not supported", open);
        }

        var first = expression.IndexOf(';', StringComparison.Ordinal);
        var second = first < 0 ? -1 : expression.IndexOf(';', first + 1);
        if (second < 0 || expression.IndexOf(';', second + 1) >= 0)
        {
            throw Error("syntax error: for (( )) needs exactly three expressions", open);
        }

        SkipBlanks();
        if (Current == ';' && !AtEnd)
        {
            _position++;
        }

        var body = ParseLoopBody();
        return new ArithmeticForCommand(
            expression[..first].Trim(),
            expression[(first + 1)..second].Trim(),
            expression[(second + 1)..].Trim(),
            body);
    }

    private CaseCommand ParseCase()
    {
        var open = _position;
        Enter();
        _position += 4;
        SkipBlanks();
        if (AtEnd || (IsWordBreak(Current) && !IsProcessSubstitutionStart()))
        {
            throw UnexpectedToken();
        }

        var subject = ParseWord();
        SkipBlanksAndNewlines();
        if (!TryConsumeReserved("in"))
        {
            throw Error("syntax error: expected 'in' after case word", _position);
        }

        var items = new List<CaseItem>();
        while (true)
        {
            SkipBlanksAndNewlines();
            if (TryConsumeReserved("esac"))
            {
                break;
            }

            if (AtEnd)
            {
                throw Error("syntax error: expected 'esac'", open);
            }

            var patterns = ParseCasePatterns();
            var body = ParseScript();
            items.Add(new CaseItem(patterns, body));
            SkipBlanksAndNewlines();
            if (Follows(";;&"))
            {
                _position += 3;
            }
            else if (Follows(";;") || Follows(";&"))
            {
                _position += 2;
            }
            else if (PeekReservedWord() != "esac")
            {
                throw AtEnd ? Error("syntax error: expected 'esac'", open) : UnexpectedToken();
            }
        }

        Leave();
        return new CaseCommand(subject, items);
    }

    private List<Word> ParseCasePatterns()
    {
        if (Current == '(')
        {
            _position++;
        }

        var patterns = new List<Word>(1);
        while (true)
        {
            SkipBlanks();
            if (AtEnd || (IsWordBreak(Current) && !IsProcessSubstitutionStart()))
            {
                throw UnexpectedToken();
            }

            patterns.Add(ParseWord());
            SkipBlanks();
            if (Current == '|' && !AtEnd)
            {
                _position++;
                continue;
            }

            if (Current == ')' && !AtEnd)
            {
                _position++;
                return patterns;
            }

            throw UnexpectedToken();
        }
    }

    /// <summary><c>name ( )</c> after the name word was read as the first word of a simple command.</summary>
    private FunctionDefinition ParseFunctionAfterName(Word nameWord)
    {
        var name = nameWord.StaticValue ?? throw Error("syntax error: function name must be a literal word", nameWord.Start - _baseOffset);
        _position++;
        SkipBlanks();
        if (Current != ')' || AtEnd)
        {
            throw UnexpectedToken();
        }

        _position++;
        return new FunctionDefinition(name, ParseFunctionBody());
    }

    private FunctionDefinition ParseFunctionKeyword()
    {
        _position += 8;
        SkipBlanks();
        if (AtEnd || IsWordBreak(Current))
        {
            throw UnexpectedToken();
        }

        var nameWord = ParseWord();
        var name = nameWord.StaticValue ?? throw Error("syntax error: function name must be a literal word", nameWord.Start - _baseOffset);
        SkipBlanks();
        if (Current == '(' && !AtEnd)
        {
            _position++;
            SkipBlanks();
            if (Current != ')' || AtEnd)
            {
                throw UnexpectedToken();
            }

            _position++;
        }

        return new FunctionDefinition(name, ParseFunctionBody());
    }

    private Command ParseFunctionBody()
    {
        SkipBlanksAndNewlines();
        var start = _position;
        Enter();
        var body = ParseCommand();
        Leave();
        if (body is SimpleCommand)
        {
            throw Error("syntax error: function body must be a compound command", start);
        }

        return body;
    }

    /// <summary>
    /// <c>[[ … ]]</c>: operators become literal words; the right side of <c>=~</c> is a regex where
    /// parentheses and <c>|</c> are ordinary characters.
    /// </summary>
    private ConditionalCommand ParseConditional()
    {
        var open = _position;
        Enter();
        _position += 2;
        var words = new List<Word>();
        var regexNext = false;
        while (true)
        {
            SkipBlanksAndNewlines();
            if (AtEnd)
            {
                throw Error("syntax error: expected ']]'", open);
            }

            if (Current == ']' && PeekAt(1) == ']' && IsWordBreakAt(_position + 2))
            {
                _position += 2;
                break;
            }

            var start = _position;
            Word word;
            if (regexNext)
            {
                word = ParseWord(regex: true);
            }
            else if ((Follows("&&") || Follows("||")) && !regexNext)
            {
                _position += 2;
                word = OperatorWord(start);
            }
            else if (Current is '(' or ')' or '<' or '>' && !IsProcessSubstitutionStart())
            {
                _position++;
                word = OperatorWord(start);
            }
            else if (IsWordBreak(Current) && !IsProcessSubstitutionStart())
            {
                throw UnexpectedToken();
            }
            else
            {
                word = ParseWord();
            }

            regexNext = !regexNext && word.Parts is [LiteralPart { Text: "=~", Quote: QuoteKind.None }];
            words.Add(word);
        }

        Leave();
        return new ConditionalCommand(words);
    }

    private Word OperatorWord(int start) =>
        new([new LiteralPart(_source.Substring(start, _position - start), QuoteKind.None)], Absolute(start), Absolute(_position));
}
