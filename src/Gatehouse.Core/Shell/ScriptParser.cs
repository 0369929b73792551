using System.Runtime.CompilerServices;
using System.Text;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>
/// Recursive-descent parser over one source string. Lexing is done on demand because the shell's
/// tokens depend on the grammatical position (reserved words, assignments, heredoc bodies).
/// This file holds state and the character-level scanning shared by the other parts.
/// </summary>
internal sealed partial class ScriptParser
{
    /// <summary>Deepest nesting of substitutions and compound commands accepted.</summary>
    public const int MaxDepth = 200;

    private readonly string _source;
    private readonly int _baseOffset;
    private readonly StringBuilder _literal;
    private readonly List<PendingHeredoc> _pendingHeredocs = [];
    private QuoteKind _literalKind;
    private int _position;
    private int _depth;

    /// <param name="source">The text to parse.</param>
    /// <param name="baseOffset">Where <paramref name="source"/> starts in the original input (for nested re-parses).</param>
    /// <param name="depth">Nesting depth already used by enclosing constructs.</param>
    /// <param name="literal">Shared scratch buffer; empty whenever a nested parse starts or ends.</param>
    public ScriptParser(string source, int baseOffset, int depth, StringBuilder literal)
    {
        _source = source;
        _baseOffset = baseOffset;
        _depth = depth;
        _literal = literal;
    }

    private bool AtEnd => _position >= _source.Length;

    private char Current => _position < _source.Length ? _source[_position] : '\0';

    /// <summary>Parses the whole source as a script; anything left over is a syntax error.</summary>
    public Script ParseTopLevel()
    {
        var script = ParseScript();
        SkipBlanks();
        if (!AtEnd)
        {
            throw UnexpectedToken();
        }

        return script;
    }

    private char PeekAt(int offset)
    {
        var index = _position + offset;
        return index < _source.Length ? _source[index] : '\0';
    }

    private bool Follows(string text) => _source.AsSpan(_position).StartsWith(text, StringComparison.Ordinal);

    private int Absolute(int position) => _baseOffset + position;

    private ShellSyntaxException Error(string message, int position) => new(message, Absolute(position));

    private ShellSyntaxException UnexpectedToken()
    {
        if (AtEnd)
        {
            return Error("syntax error: unexpected end of input", _position);
        }

        var length = 1;
        while (length < 3 && _position + length < _source.Length && IsOperatorChar(_source[_position + length]) && IsOperatorChar(Current))
        {
            length++;
        }

        var token = Current == '\n' ? "newline" : _source.Substring(_position, length);
        return Error($"syntax error near unexpected token '{token}'", _position);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error("nesting too deep", _position);
        }
    }

    private void Leave() => _depth--;

    private static bool IsBlank(char c) => c is ' ' or '\t';

    private static bool IsOperatorChar(char c) => c is ';' or '&' or '|' or '(' or ')' or '<' or '>';

    /// <summary>Characters that end an unquoted word.</summary>
    private static bool IsWordBreak(char c) => c is ' ' or '\t' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

    private bool IsWordBreakAt(int index) => index >= _source.Length || IsWordBreak(_source[index]);

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Skips blanks, line continuations and a comment (which only starts where a token could).</summary>
    private void SkipBlanks()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (IsBlank(c))
            {
                _position++;
            }
            else if (c == '\\' && PeekAt(1) == '\n')
            {
                _position += 2;
            }
            else if (c == '#')
            {
                var end = _source.IndexOf('\n', _position);
                _position = end < 0 ? _source.Length : end;
                return;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Skips blanks, comments and newlines; each newline releases pending heredoc bodies.</summary>
    private void SkipBlanksAndNewlines()
    {
        while (true)
        {
            SkipBlanks();
            if (Current == '\n' && !AtEnd)
            {
                ConsumeNewline();
            }
            else
            {
                return;
            }
        }
    }

    private void ConsumeNewline()
    {
        _position++;
        if (_pendingHeredocs.Count > 0)
        {
            ReadPendingHeredocBodies();
        }
    }

    /// <summary>
    /// The reserved word at the current position, if the next token is one. Callers only ask in
    /// command position, the only place bash recognises them.
    /// </summary>
    private string? PeekReservedWord()
    {
        var end = _position;
        while (end < _source.Length && end - _position < 9 && IsReservedWordChar(_source[end]))
        {
            end++;
        }

        if (end == _position || !IsWordBreakAt(end))
        {
            return null;
        }

        return _source.AsSpan(_position, end - _position) switch
        {
            "if" => "if",
            "then" => "then",
            "elif" => "elif",
            "else" => "else",
            "fi" => "fi",
            "do" => "do",
            "done" => "done",
            "case" => "case",
            "esac" => "esac",
            "while" => "while",
            "until" => "until",
            "for" => "for",
            "select" => "select",
            "in" => "in",
            "function" => "function",
            "time" => "time",
            "{" => "{",
            "}" => "}",
            "!" => "!",
            "[[" => "[[",
            _ => null,
        };
    }

    private static bool IsReservedWordChar(char c) => char.IsAsciiLetterLower(c) || c is '{' or '}' or '!' or '[';

    /// <summary>Consumes <paramref name="word"/> when it is the next token in command position.</summary>
    private bool TryConsumeReserved(string word)
    {
        if (!string.Equals(PeekReservedWord(), word, StringComparison.Ordinal))
        {
            return false;
        }

        _position += word.Length;
        return true;
    }

    private void ExpectReserved(string word)
    {
        SkipBlanksAndNewlines();
        if (!TryConsumeReserved(word))
        {
            throw AtEnd
                ? Error($"syntax error: expected '{word}' before end of input", _position)
                : Error($"syntax error: expected '{word}'", _position);
        }
    }

    /// <summary>True at a token that closes an enclosing construct, where a statement list must stop.</summary>
    private bool AtListTerminator()
    {
        var c = Current;
        if (c == ')')
        {
            return true;
        }

        if (c == ';')
        {
            return PeekAt(1) is ';' or '&';
        }

        return PeekReservedWord() is "then" or "elif" or "else" or "fi" or "do" or "done" or "esac" or "}";
    }

    /// <summary>A heredoc whose body arrives after the next newline token.</summary>
    private sealed record PendingHeredoc(List<Redirection> Owner, int Index, int? FileDescriptor, string Delimiter, bool Quoted, bool StripTabs);
}
