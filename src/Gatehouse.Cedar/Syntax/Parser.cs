using System.Runtime.CompilerServices;

namespace Gatehouse.Cedar.Syntax;

/// <summary>
/// Recursive-descent parser for Cedar policies. Recursion is capped (<see cref="MaxNesting"/>) and every tree's
/// depth is capped (<see cref="MaxDepth"/>) so hostile input is an error, never a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    public const int MaxNesting = 200;
    public const int MaxDepth = 1000;

    private readonly List<Token> _tokens;
    private readonly string? _source;
    private int _index;
    private int _nesting;

    private Parser(string text, string? source)
    {
        _source = source;
        _tokens = Lexer.Tokenize(text, source);
    }

    private Token Current => _tokens[_index];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    public static List<Policy> ParsePolicies(string text, string? source)
    {
        var parser = new Parser(text, source);
        return parser.Guard(() =>
        {
            var policies = new List<Policy>();
            while (parser.Current.Kind != TokenKind.End)
            {
                policies.Add(parser.ParsePolicy("policy" + policies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return policies;
        });
    }

    public static EntityUid ParseEntityUid(string text)
    {
        try
        {
            var parser = new Parser(text, null);
            var uid = parser.ParseEntityReference("an entity reference");
            parser.Expect(TokenKind.End, "after the entity reference");
            return uid;
        }
        catch (CedarParseException e)
        {
            throw new CedarException($"invalid entity uid '{text}': {e.Message}", e);
        }
    }

    public static Expr ParseExpression(string text, string? source)
    {
        var parser = new Parser(text, source);
        return parser.Guard(() =>
        {
            var expr = parser.ParseExpr();
            parser.Expect(TokenKind.End, "after the expression");
            return expr;
        });
    }

    private T Guard<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (InsufficientExecutionStackException)
        {
            throw Error(Current, "input is nested too deeply");
        }
    }

    private void Enter(Token at)
    {
        if (++_nesting > MaxNesting)
        {
            throw Error(at, $"expression is nested too deeply (more than {MaxNesting} levels)");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private void Leave() => _nesting--;

    private T Checked<T>(T expr)
        where T : Expr
    {
        if (expr.Depth > MaxDepth)
        {
            throw Error(expr.Line, expr.Column, $"expression is nested too deeply (more than {MaxDepth} levels)");
        }

        return expr;
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private bool AcceptWord(string word)
    {
        if (!Current.IsIdentifier(word))
        {
            return false;
        }

        _index++;
        return true;
    }

    private Token Expect(TokenKind kind, string context)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, $"expected '{TokenText.Of(kind)}' {context}, found {Current.Describe()}");
        }

        return Advance();
    }

    private void ExpectWord(string word, string context)
    {
        if (!AcceptWord(word))
        {
            throw Error(Current, $"expected '{word}' {context}, found {Current.Describe()}");
        }
    }

    private string ExpectIdentifier(string context)
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            throw Error(Current, $"expected an identifier {context}, found {Current.Describe()}");
        }

        return Advance().Text;
    }

    private string ExpectUnreservedIdentifier(string context)
    {
        var token = Current;
        var name = ExpectIdentifier(context);
        if (Reserved.Identifiers.Contains(name))
        {
            throw Error(token, $"'{name}' is a reserved identifier and cannot be used {context}");
        }

        return name;
    }

    private string ReadString(Token token, bool starIsWildcard, List<int>? wildcards)
    {
        var error = CedarStrings.TryUnescape(token.Text, starIsWildcard, out var value, wildcards);
        if (error is not null)
        {
            throw Error(token, error);
        }

        return value;
    }

    private CedarParseException Error(Token at, string message) => Error(at.Line, at.Column, message);

    private CedarParseException Error(int line, int column, string message) =>
        new([new CedarDiagnostic(message, line, column, _source)]);
}
