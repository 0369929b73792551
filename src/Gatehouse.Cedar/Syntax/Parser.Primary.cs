namespace Gatehouse.Cedar.Syntax;

internal sealed partial class Parser
{
    private Expr ParseMember()
    {
        var expr = ParsePrimary();
        while (true)
        {
            var op = Current;
            if (Accept(TokenKind.Dot))
            {
                var nameToken = Current;
                var name = ExpectUnreservedIdentifier("as an attribute or method name");
                if (Current.Kind == TokenKind.LeftParen)
                {
                    var arguments = ParseArguments();
                    CheckArity(nameToken, name, arguments.Count, Reserved.MethodArity(name), "method");
                    expr = Checked(new MethodCallExpr(expr, name, arguments, nameToken.Line, nameToken.Column));
                }
                else
                {
                    expr = Checked(new GetAttributeExpr(expr, name, op.Line, op.Column));
                }
            }
            else if (Accept(TokenKind.LeftBracket))
            {
                var key = ReadString(Expect(TokenKind.String, "as the attribute name inside '[ ]'"), false, null);
                Expect(TokenKind.RightBracket, "after the attribute name");
                expr = Checked(new GetAttributeExpr(expr, key, op.Line, op.Column));
            }
            else
            {
                return expr;
            }
        }
    }

    private void CheckArity(Token at, string name, int count, int arity, string what)
    {
        if (arity < 0)
        {
            throw Error(at, $"'{name}' is not a known {what}");
        }

        if (arity != count)
        {
            var plural = arity == 1 ? "argument" : "arguments";
            throw Error(at, $"call to '{name}' takes {arity} {plural}, but {count} given");
        }
    }

    private List<Expr> ParseArguments()
    {
        Expect(TokenKind.LeftParen, "to start the arguments");
        var arguments = new List<Expr>();
        if (Accept(TokenKind.RightParen))
        {
            return arguments;
        }

        do
        {
            if (Current.Kind == TokenKind.RightParen)
            {
                break;
            }

            arguments.Add(ParseExpr());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RightParen, "to close the argument list");
        return arguments;
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return new LiteralExpr(CedarValue.Of(ParseInteger(token, negative: false)), token.Line, token.Column);
            case TokenKind.String:
                Advance();
                return new LiteralExpr(CedarValue.Of(ReadString(token, false, null)), token.Line, token.Column);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RightParen, "to close '('");
                return inner;
            case TokenKind.LeftBracket:
                return ParseSet();
            case TokenKind.LeftBrace:
                return ParseRecord();
            case TokenKind.Question:
                throw Error(token, "template slots are only allowed in the policy scope");
            case TokenKind.Identifier:
                return ParseName();
            default:
                throw Error(token, $"expected an expression, found {token.Describe()}");
        }
    }

    private Expr ParseName()
    {
        var token = Advance();
        switch (token.Text)
        {
            case "true":
                return new LiteralExpr(CedarValue.Of(true), token.Line, token.Column);
            case "false":
                return new LiteralExpr(CedarValue.Of(false), token.Line, token.Column);
            case "principal" when Current.Kind != TokenKind.DoubleColon:
                return new VariableExpr(Variable.Principal, token.Line, token.Column);
            case "action" when Current.Kind != TokenKind.DoubleColon:
                return new VariableExpr(Variable.Action, token.Line, token.Column);
            case "resource" when Current.Kind != TokenKind.DoubleColon:
                return new VariableExpr(Variable.Resource, token.Line, token.Column);
            case "context" when Current.Kind != TokenKind.DoubleColon:
                return new VariableExpr(Variable.Context, token.Line, token.Column);
        }

        if (Reserved.Identifiers.Contains(token.Text))
        {
            throw Error(token, $"expected an expression, found reserved identifier '{token.Text}'");
        }

        var path = new System.Text.StringBuilder(token.Text);
        while (Current.Kind == TokenKind.DoubleColon)
        {
            Advance();
            if (Current.Kind == TokenKind.String)
            {
                var id = ReadString(Advance(), false, null);
                return new LiteralExpr(CedarValue.Of(new EntityUid(path.ToString(), id)), token.Line, token.Column);
            }

            path.Append("::").Append(ExpectUnreservedIdentifier("in a name path"));
        }

        var name = path.ToString();
        if (Current.Kind == TokenKind.LeftParen)
        {
            var arguments = ParseArguments();
            CheckArity(token, name, arguments.Count, Reserved.FunctionArity(name), "extension function");
            return Checked(new FunctionCallExpr(name, arguments, token.Line, token.Column));
        }

        throw Error(token, $"unknown variable '{name}'; expected principal, action, resource or context");
    }

    private Expr ParseSet()
    {
        var open = Advance();
        var items = new List<Expr>();
        if (!Accept(TokenKind.RightBracket))
        {
            do
            {
                if (Current.Kind == TokenKind.RightBracket)
                {
                    break;
                }

                items.Add(ParseExpr());
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RightBracket, "to close the set");
        }

        return Checked(new SetExpr(items, open.Line, open.Column));
    }

    private Expr ParseRecord()
    {
        var open = Advance();
        var fields = new List<KeyValuePair<string, Expr>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!Accept(TokenKind.RightBrace))
        {
            do
            {
                if (Current.Kind == TokenKind.RightBrace)
                {
                    break;
                }

                var keyToken = Current;
                var key = keyToken.Kind == TokenKind.String
                    ? ReadString(Advance(), false, null)
                    : ExpectUnreservedIdentifier("as a record key");
                Expect(TokenKind.Colon, "after the record key");
                var value = ParseExpr();
                if (!seen.Add(key))
                {
                    throw Error(keyToken, $"duplicate key '{key}' in record literal");
                }

                fields.Add(new KeyValuePair<string, Expr>(key, value));
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RightBrace, "to close the record");
        }

        return Checked(new RecordExpr(fields, open.Line, open.Column));
    }
}
