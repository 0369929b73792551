namespace Gatehouse.Cedar.Syntax;

internal sealed partial class Parser
{
    private Expr ParseExpr()
    {
        var start = Current;
        Enter(start);
        try
        {
            if (AcceptWord("if"))
            {
                var condition = ParseExpr();
                ExpectWord("then", "after the if condition");
                var then = ParseExpr();
                ExpectWord("else", "after the then branch");
                var otherwise = ParseExpr();
                return Checked(new IfExpr(condition, then, otherwise, start.Line, start.Column));
            }

            return ParseOr();
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.OrOr)
        {
            var op = Advance();
            left = Checked(new OrExpr(left, ParseAnd(), op.Line, op.Column));
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseRelation();
        while (Current.Kind == TokenKind.AndAnd)
        {
            var op = Advance();
            left = Checked(new AndExpr(left, ParseRelation(), op.Line, op.Column));
        }

        return left;
    }

    private Expr ParseRelation()
    {
        var left = ParseAdditive();
        var op = Current;
        BinaryOperator? binary = op.Kind switch
        {
            TokenKind.Equal => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessEqual => BinaryOperator.LessEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterEqual => BinaryOperator.GreaterEqual,
            TokenKind.Identifier when op.Text == "in" => BinaryOperator.In,
            _ => null,
        };
        if (binary is { } known)
        {
            Advance();
            return Checked(new BinaryExpr(known, left, ParseAdditive(), op.Line, op.Column));
        }

        if (op.Kind == TokenKind.Assign)
        {
            throw Error(op, "'=' is not an operator; use '==' to compare");
        }

        if (AcceptWord("has"))
        {
            return ParseHas(left, op);
        }

        if (AcceptWord("like"))
        {
            var wildcards = new List<int>();
            var literal = ReadString(Expect(TokenKind.String, "as the pattern after 'like'"), true, wildcards);
            return Checked(new LikeExpr(left, new LikePattern(literal, wildcards), op.Line, op.Column));
        }

        if (AcceptWord("is"))
        {
            var type = ParsePath("as the entity type after 'is'");
            var inExpr = AcceptWord("in") ? ParseAdditive() : null;
            return Checked(new IsExpr(left, type, inExpr, op.Line, op.Column));
        }

        return left;
    }

    /// <summary><c>e has a.b.c</c> means <c>e has a &amp;&amp; e.a has b &amp;&amp; e.a.b has c</c>.</summary>
    private Expr ParseHas(Expr target, Token op)
    {
        if (Current.Kind == TokenKind.String)
        {
            return Checked(new HasExpr(target, ReadString(Advance(), false, null), op.Line, op.Column));
        }

        var attribute = ExpectUnreservedIdentifier("as an attribute name after 'has'");
        Expr result = Checked(new HasExpr(target, attribute, op.Line, op.Column));
        var path = target;
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            path = Checked(new GetAttributeExpr(path, attribute, op.Line, op.Column));
            attribute = ExpectUnreservedIdentifier("as an attribute name in a 'has' path");
            result = Checked(new AndExpr(result, Checked(new HasExpr(path, attribute, op.Line, op.Column)), op.Line, op.Column));
        }

        return result;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Checked(new BinaryExpr(kind, left, ParseMultiplicative(), op.Line, op.Column));
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Star)
        {
            var op = Advance();
            left = Checked(new BinaryExpr(BinaryOperator.Multiply, left, ParseUnary(), op.Line, op.Column));
        }

        return left;
    }

    /// <summary>Up to four '!' or four '-' (one kind); a '-' directly before an integer literal makes a negative literal.</summary>
    private Expr ParseUnary()
    {
        var first = Current;
        if (first.Kind is not (TokenKind.Bang or TokenKind.Minus))
        {
            return ParseMember();
        }

        var count = 0;
        while (Current.Kind == first.Kind)
        {
            Advance();
            count++;
        }

        if (count > 4)
        {
            throw Error(first, $"too many occurrences of '{TokenText.Of(first.Kind)}' (at most 4)");
        }

        Expr operand;
        if (first.Kind == TokenKind.Minus && Current.Kind == TokenKind.Integer && !IsAccessAfterLiteral())
        {
            var literal = Advance();
            operand = new LiteralExpr(CedarValue.Of(ParseInteger(literal, negative: true)), literal.Line, literal.Column);
            count--;
        }
        else
        {
            operand = ParseMember();
        }

        var op = first.Kind == TokenKind.Bang ? UnaryOperator.Not : UnaryOperator.Negate;
        for (var i = 0; i < count; i++)
        {
            operand = Checked(new UnaryExpr(op, operand, first.Line, first.Column));
        }

        return operand;
    }

    private bool IsAccessAfterLiteral() => Peek().Kind is TokenKind.Dot or TokenKind.LeftBracket;

    private long ParseInteger(Token literal, bool negative)
    {
        if (!ulong.TryParse(literal.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var magnitude)
            || magnitude > (negative ? 9223372036854775808UL : long.MaxValue))
        {
            throw Error(literal, $"integer literal {(negative ? "-" : string.Empty)}{literal.Text} is out of range");
        }

        return negative ? (long)(0UL - magnitude) : (long)magnitude;
    }
}
