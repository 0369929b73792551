using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// One tokenised script and what has been learned about its names so far: module aliases
/// (<c>import shutil as s</c>, <c>const fs = require('fs')</c>) and string constants (<c>p = '/'</c>).
/// </summary>
internal sealed class ScriptContext
{
    private ScriptContext(ScriptDialect dialect, List<ScriptToken> tokens, int[] match, int nesting)
    {
        Dialect = dialect;
        Tokens = tokens;
        Match = match;
        Nesting = nesting;
    }

    public ScriptDialect Dialect { get; }

    public List<ScriptToken> Tokens { get; }

    /// <summary>For each opening bracket, the index of its closing bracket (and vice versa); -1 elsewhere.</summary>
    public int[] Match { get; }

    /// <summary>How many <c>exec("…")</c> levels deep this script was found.</summary>
    public int Nesting { get; }

    public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Constants { get; } = new(StringComparer.Ordinal);

    /// <summary>Names bound to a list literal (<c>cmd = ['git', 'reset']</c>): the literal's token range.</summary>
    public Dictionary<string, CallArgument> ListConstants { get; } = new(StringComparer.Ordinal);

    /// <summary>Modules whose names were all imported (<c>from os import *</c>, Ruby <c>include FileUtils</c>).</summary>
    public List<string> StarModules { get; } = [];

    public int Count => Tokens.Count;

    public ScriptToken this[int index] => Tokens[index];

    /// <summary>Builds the context, or null when brackets do not balance (the code is malformed).</summary>
    public static ScriptContext? Create(ScriptDialect dialect, List<ScriptToken> tokens, int nesting)
    {
        var match = new int[tokens.Count];
        var stack = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            match[i] = -1;
            var t = tokens[i];
            if (t.Kind != TokenKind.Punct)
            {
                continue;
            }

            switch (t.Text)
            {
                case "(" or "[" or "{":
                    stack.Push(i);
                    break;
                case ")" or "]" or "}":
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    var open = stack.Pop();
                    if (!Pairs(tokens[open].Text, t.Text))
                    {
                        return null;
                    }

                    match[open] = i;
                    match[i] = open;
                    break;
                default:
                    break;
            }
        }

        return stack.Count == 0 ? new ScriptContext(dialect, tokens, match, nesting) : null;
    }

    private static bool Pairs(string open, string close) => (open, close) switch
    {
        ("(", ")") or ("[", "]") or ("{", "}") => true,
        _ => false,
    };

    public bool IsPunct(int index, string text) => index >= 0 && index < Tokens.Count && Tokens[index].IsPunct(text);

    /// <summary>
    /// The bracket opens a word list (Perl <c>qw(a b)</c>, Ruby <c>%w[a b]</c>): the lexer emits its brackets at the
    /// position of the quote operator, so both share a start, which real brackets never do.
    /// </summary>
    public bool IsWordListOpen(int index) => index >= 0 && index < Tokens.Count && Match[index] > index
        && Tokens[index].Kind == TokenKind.Punct && Tokens[Match[index]].Start == Tokens[index].Start;

    public bool IsMemberOperator(int index)
    {
        if (index < 0 || index >= Tokens.Count || Tokens[index].Kind != TokenKind.Punct)
        {
            return false;
        }

        return Dialect switch
        {
            ScriptDialect.Python => Tokens[index].Text == ".",
            ScriptDialect.JavaScript => Tokens[index].Text is "." or "?.",
            ScriptDialect.Ruby => Tokens[index].Text is "." or "::",
            _ => Tokens[index].Text is "->" or "::" or "?->",
        };
    }

    /// <summary>The operator that concatenates strings in this dialect.</summary>
    public bool IsConcatOperator(int index) => index < Tokens.Count && Tokens[index].Kind == TokenKind.Punct
        && (Dialect is ScriptDialect.Perl or ScriptDialect.Php ? Tokens[index].Text == "." : Tokens[index].Text == "+");
}
