namespace Gatehouse.Cedar.Syntax;

internal sealed partial class Parser
{
    private Policy ParsePolicy(string id)
    {
        var start = Current;
        var annotations = ParseAnnotations();
        var effectToken = Current;
        PolicyEffect effect;
        if (AcceptWord("permit"))
        {
            effect = PolicyEffect.Permit;
        }
        else if (AcceptWord("forbid"))
        {
            effect = PolicyEffect.Forbid;
        }
        else
        {
            throw Error(effectToken, $"expected 'permit' or 'forbid', found {effectToken.Describe()}");
        }

        Expect(TokenKind.LeftParen, "after the policy effect");
        ExpectWord("principal", "as the first scope element");
        var principal = ParseScopeElement("?principal", "principal");
        Expect(TokenKind.Comma, "after the principal constraint");
        ExpectWord("action", "as the second scope element");
        var action = ParseActionScope();
        Expect(TokenKind.Comma, "after the action constraint");
        ExpectWord("resource", "as the third scope element");
        var resource = ParseScopeElement("?resource", "resource");
        Accept(TokenKind.Comma);
        Expect(TokenKind.RightParen, "after the policy scope");

        var conditions = new List<Condition>();
        while (Current.IsIdentifier("when") || Current.IsIdentifier("unless"))
        {
            var isWhen = Advance().Text == "when";
            var open = Expect(TokenKind.LeftBrace, $"after '{(isWhen ? "when" : "unless")}'");
            if (Current.Kind == TokenKind.RightBrace)
            {
                throw Error(open, "a condition's body must not be empty");
            }

            conditions.Add(new Condition(isWhen, ParseExpr()));
            Expect(TokenKind.RightBrace, "to close the condition");
        }

        Expect(TokenKind.Semicolon, "after policy");
        var start0 = annotations.Count > 0 ? start : effectToken;
        return new Policy(id, effect, annotations, principal, action, resource, conditions, null, start0.Line, start0.Column, _source);
    }

    private Dictionary<string, string> ParseAnnotations()
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Current.Kind == TokenKind.At)
        {
            Advance();
            var keyToken = Current;
            var key = ExpectIdentifier("as the annotation name");
            var value = string.Empty;
            if (Accept(TokenKind.LeftParen))
            {
                value = ReadString(Expect(TokenKind.String, "as the annotation value"), false, null);
                Expect(TokenKind.RightParen, "after the annotation value");
            }

            if (!annotations.TryAdd(key, value))
            {
                throw Error(keyToken, $"duplicate annotation '@{key}'");
            }
        }

        return annotations;
    }

    private ScopeConstraint ParseScopeElement(string slot, string variable)
    {
        if (Accept(TokenKind.Equal))
        {
            return Target(ScopeKind.Equal, null, slot, variable);
        }

        if (AcceptWord("is"))
        {
            var type = ParsePath($"as the entity type after '{variable} is'");
            return AcceptWord("in") ? Target(ScopeKind.IsIn, type, slot, variable) : new ScopeConstraint(ScopeKind.Is, null, null, type, []);
        }

        if (AcceptWord("in"))
        {
            return Target(ScopeKind.In, null, slot, variable);
        }

        return ScopeConstraint.Any;
    }

    private ScopeConstraint Target(ScopeKind kind, string? type, string slot, string variable)
    {
        if (Current.Kind == TokenKind.Question)
        {
            Advance();
            var nameToken = Current;
            var name = "?" + ExpectIdentifier("as the slot name");
            if (name != slot)
            {
                throw Error(nameToken, $"the {variable} constraint may only use the slot {slot}, found {name}");
            }

            return new ScopeConstraint(kind, null, slot, type, []);
        }

        return new ScopeConstraint(kind, ParseEntityReference($"in the {variable} constraint"), null, type, []);
    }

    private ScopeConstraint ParseActionScope()
    {
        if (Accept(TokenKind.Equal))
        {
            return new ScopeConstraint(ScopeKind.Equal, ParseEntityReference("in the action constraint"), null, null, []);
        }

        if (AcceptWord("in"))
        {
            if (!Accept(TokenKind.LeftBracket))
            {
                return new ScopeConstraint(ScopeKind.In, ParseEntityReference("in the action constraint"), null, null, []);
            }

            var actions = new List<EntityUid>();
            if (!Accept(TokenKind.RightBracket))
            {
                do
                {
                    if (Current.Kind == TokenKind.RightBracket)
                    {
                        break;
                    }

                    actions.Add(ParseEntityReference("in the action list"));
                }
                while (Accept(TokenKind.Comma));

                Expect(TokenKind.RightBracket, "to close the action list");
            }

            return new ScopeConstraint(ScopeKind.InSet, null, null, null, actions);
        }

        if (Current.IsIdentifier("is"))
        {
            throw Error(Current, "the action constraint does not support 'is'");
        }

        return ScopeConstraint.Any;
    }

    /// <summary>Reads <c>Ns::Type::"id"</c>.</summary>
    private EntityUid ParseEntityReference(string context)
    {
        var first = Current;
        if (first.Kind != TokenKind.Identifier)
        {
            throw Error(first, $"expected an entity reference {context}, found {first.Describe()}");
        }

        var type = new System.Text.StringBuilder(ExpectUnreservedIdentifier("as an entity type"));
        while (true)
        {
            Expect(TokenKind.DoubleColon, $"in the entity reference {context}");
            if (Current.Kind == TokenKind.String)
            {
                return new EntityUid(type.ToString(), ReadString(Advance(), false, null));
            }

            type.Append("::").Append(ExpectUnreservedIdentifier("as an entity type"));
        }
    }

    /// <summary>Reads an entity type path <c>Ns::Type</c>, stopping before any <c>::"id"</c>.</summary>
    private string ParsePath(string context)
    {
        var type = new System.Text.StringBuilder(ExpectUnreservedIdentifier(context));
        while (Current.Kind == TokenKind.DoubleColon && Peek().Kind == TokenKind.Identifier)
        {
            Advance();
            type.Append("::").Append(ExpectUnreservedIdentifier(context));
        }

        return type.ToString();
    }
}
