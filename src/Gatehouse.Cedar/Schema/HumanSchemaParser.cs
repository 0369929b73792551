using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Schema;

/// <summary>
/// Reads the human-readable <c>.cedarschema</c> format into raw declarations: namespaces, <c>type</c>
/// (common types), <c>entity</c> (with <c>in</c>, a shape, <c>tags</c> or <c>enum</c>), <c>action</c> (with
/// <c>in</c> and <c>appliesTo</c>), annotations anywhere a declaration or attribute may carry one.
/// </summary>
internal sealed class HumanSchemaParser
{
    private const int MaxDepth = 256;

    private readonly List<Token> _tokens;
    private readonly string? _source;
    private int _position;
    private int _depth;

    private HumanSchemaParser(List<Token> tokens, string? source)
    {
        _tokens = tokens;
        _source = source;
    }

    public static IReadOnlyList<RawNamespace> Parse(string text, string? source)
    {
        var parser = new HumanSchemaParser(Lexer.Tokenize(text, source), source);
        return parser.ParseSchema();
    }

    private Token Current => _tokens[_position];

    private IReadOnlyList<RawNamespace> ParseSchema()
    {
        var root = new RawNamespace(string.Empty);
        var namespaces = new List<RawNamespace> { root };
        while (Current.Kind != TokenKind.End)
        {
            SkipAnnotations();
            if (Current.IsIdentifier("namespace"))
            {
                Advance();
                var ns = new RawNamespace(ParsePath());
                Expect(TokenKind.LeftBrace, "after the namespace name");
                while (Current.Kind != TokenKind.RightBrace)
                {
                    if (Current.Kind == TokenKind.End)
                    {
                        throw Error("expected '}' to close the namespace, found end of input");
                    }

                    SkipAnnotations();
                    ParseDeclaration(ns);
                }

                Advance();
                namespaces.Add(ns);
            }
            else
            {
                ParseDeclaration(root);
            }
        }

        return namespaces;
    }

    private void ParseDeclaration(RawNamespace ns)
    {
        var start = Current;
        if (start.IsIdentifier("entity"))
        {
            Advance();
            ParseEntity(ns, start);
        }
        else if (start.IsIdentifier("action"))
        {
            Advance();
            ParseAction(ns, start);
        }
        else if (start.IsIdentifier("type"))
        {
            Advance();
            var name = ExpectIdentifier("as the common type name");
            Expect(TokenKind.Assign, "after the common type name");
            var type = ParseType();
            Expect(TokenKind.Semicolon, "after the common type declaration");
            ns.CommonTypes.Add(new RawCommonType(name, type, start.Line, start.Column));
        }
        else
        {
            throw Error($"expected 'entity', 'action', 'type' or 'namespace', found {Current.Describe()}");
        }
    }

    private void ParseEntity(RawNamespace ns, Token start)
    {
        var names = new List<string> { ExpectIdentifier("as the entity type name") };
        while (Accept(TokenKind.Comma))
        {
            names.Add(ExpectIdentifier("as the entity type name"));
        }

        if (Current.IsIdentifier("enum"))
        {
            Advance();
            Expect(TokenKind.LeftBracket, "after 'enum'");
            var ids = new List<string> { ExpectString("as an enumerated entity id") };
            while (Accept(TokenKind.Comma))
            {
                if (Current.Kind == TokenKind.RightBracket)
                {
                    break;
                }

                ids.Add(ExpectString("as an enumerated entity id"));
            }

            Expect(TokenKind.RightBracket, "to close the enumeration");
            Expect(TokenKind.Semicolon, "after the entity declaration");
            foreach (var name in names)
            {
                ns.EntityTypes.Add(new RawEntityType(name, [], null, null, ids, start.Line, start.Column));
            }

            return;
        }

        var parents = new List<string>();
        if (Current.IsIdentifier("in"))
        {
            Advance();
            ParsePathList(parents);
        }

        RawType? shape = null;
        Accept(TokenKind.Assign);
        if (Current.Kind == TokenKind.LeftBrace)
        {
            shape = ParseRecord();
        }

        RawType? tags = null;
        if (Current.IsIdentifier("tags"))
        {
            Advance();
            tags = ParseType();
        }

        Expect(TokenKind.Semicolon, "after the entity declaration");
        foreach (var name in names)
        {
            ns.EntityTypes.Add(new RawEntityType(name, parents, shape, tags, null, start.Line, start.Column));
        }
    }

    private void ParseAction(RawNamespace ns, Token start)
    {
        var names = new List<string> { ExpectName("as the action name") };
        while (Accept(TokenKind.Comma))
        {
            names.Add(ExpectName("as the action name"));
        }

        var parents = new List<RawActionRef>();
        if (Current.IsIdentifier("in"))
        {
            Advance();
            if (Accept(TokenKind.LeftBracket))
            {
                if (!Accept(TokenKind.RightBracket))
                {
                    do
                    {
                        parents.Add(ParseActionRef());
                    }
                    while (Accept(TokenKind.Comma) && Current.Kind != TokenKind.RightBracket);

                    Expect(TokenKind.RightBracket, "to close the action group list");
                }
            }
            else
            {
                parents.Add(ParseActionRef());
            }
        }

        var principals = new List<string>();
        var resources = new List<string>();
        RawType? context = null;
        if (Current.IsIdentifier("appliesTo"))
        {
            Advance();
            Expect(TokenKind.LeftBrace, "after 'appliesTo'");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (Current.Kind != TokenKind.RightBrace)
            {
                var key = Current;
                var word = ExpectIdentifier("'principal', 'resource' or 'context'");
                if (!seen.Add(word))
                {
                    throw Error($"'{word}' appears twice in appliesTo", key);
                }

                Expect(TokenKind.Colon, $"after '{word}'");
                switch (word)
                {
                    case "principal": ParsePathList(principals); break;
                    case "resource": ParsePathList(resources); break;
                    case "context": context = ParseType(); break;
                    default: throw Error($"expected 'principal', 'resource' or 'context', found '{word}'", key);
                }

                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            Expect(TokenKind.RightBrace, "to close appliesTo");
        }

        if (Current.IsIdentifier("attributes"))
        {
            throw Error("action attributes are not supported");
        }

        Expect(TokenKind.Semicolon, "after the action declaration");
        foreach (var name in names)
        {
            ns.Actions.Add(new RawAction(name, parents, principals, resources, context, start.Line, start.Column));
        }
    }

    private RawActionRef ParseActionRef()
    {
        if (Current.Kind == TokenKind.String)
        {
            return new RawActionRef(null, ExpectString("as an action name"));
        }

        var parts = new List<string> { ExpectIdentifier("as an action reference") };
        while (Accept(TokenKind.DoubleColon))
        {
            if (Current.Kind == TokenKind.String)
            {
                return new RawActionRef(string.Join("::", parts), ExpectString("as an action id"));
            }

            parts.Add(ExpectIdentifier("in an action reference"));
        }

        if (parts.Count != 1)
        {
            throw Error($"expected '::' and an action id after '{string.Join("::", parts)}'");
        }

        return new RawActionRef(null, parts[0]);
    }

    private void ParsePathList(List<string> into)
    {
        if (Accept(TokenKind.LeftBracket))
        {
            while (Current.Kind != TokenKind.RightBracket)
            {
                into.Add(ParsePath());
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            Expect(TokenKind.RightBracket, "to close the list of entity types");
            return;
        }

        into.Add(ParsePath());
    }

    private RawType ParseType()
    {
        if (++_depth > MaxDepth)
        {
            throw Error("type nests too deeply");
        }

        try
        {
            var start = Current;
            if (start.Kind == TokenKind.LeftBrace)
            {
                return ParseRecord();
            }

            var path = ParsePath();
            if (path == "Set" && Accept(TokenKind.Less))
            {
                var element = ParseType();
                Expect(TokenKind.Greater, "to close Set<");
                return new RawType(RawTypeKind.Set, null, element, null, false, start.Line, start.Column);
            }

            return new RawType(RawTypeKind.Named, path, null, null, false, start.Line, start.Column);
        }
        finally
        {
            _depth--;
        }
    }

    private RawType ParseRecord()
    {
        var start = Expect(TokenKind.LeftBrace, "to open a record type");
        var attributes = new List<RawAttribute>();
        while (Current.Kind != TokenKind.RightBrace)
        {
            SkipAnnotations();
            var name = ExpectName("as an attribute name");
            var required = !Accept(TokenKind.Question);
            Expect(TokenKind.Colon, $"after attribute '{name}'");
            attributes.Add(new RawAttribute(name, ParseType(), required));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace, "to close the record type");
        return new RawType(RawTypeKind.Record, null, null, attributes, false, start.Line, start.Column);
    }

    private string ParsePath()
    {
        var first = ExpectIdentifier("as a name");
        if (Current.Kind != TokenKind.DoubleColon)
        {
            return first;
        }

        var parts = new List<string> { first };
        while (Current.Kind == TokenKind.DoubleColon && _tokens[_position + 1].Kind == TokenKind.Identifier)
        {
            Advance();
            parts.Add(ExpectIdentifier("in a name"));
        }

        return string.Join("::", parts);
    }

    private void SkipAnnotations()
    {
        while (Accept(TokenKind.At))
        {
            ExpectIdentifier("as the annotation name");
            if (Accept(TokenKind.LeftParen))
            {
                ExpectString("as the annotation value");
                Expect(TokenKind.RightParen, "to close the annotation");
            }
        }
    }

    private string ExpectName(string what) =>
        Current.Kind == TokenKind.String ? ExpectString(what) : ExpectIdentifier(what);

    private string ExpectIdentifier(string what)
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            throw Error($"expected an identifier {what}, found {Current.Describe()}");
        }

        return Advance().Text;
    }

    private string ExpectString(string what)
    {
        var token = Current;
        if (token.Kind != TokenKind.String)
        {
            throw Error($"expected a string {what}, found {token.Describe()}");
        }

        Advance();
        var problem = CedarStrings.TryUnescape(token.Text, false, out var value, null);
        return problem is null ? value : throw Error(problem, token);
    }

    private Token Expect(TokenKind kind, string context)
    {
        if (Current.Kind != kind)
        {
            throw Error($"expected '{TokenText.Of(kind)}' {context}, found {Current.Describe()}");
        }

        return Advance();
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Advance()
    {
        var token = _tokens[_position];
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private CedarParseException Error(string message) => Error(message, Current);

    private CedarParseException Error(string message, Token at) =>
        new([new CedarDiagnostic(message, at.Line, at.Column, _source)]);
}
