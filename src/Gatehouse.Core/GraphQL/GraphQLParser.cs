namespace Gatehouse.Core.GraphQL;

/// <summary>
/// A recursive-descent parser for GraphQL executable documents (October 2021 spec). Nesting is bounded by
/// <see cref="MaxDepth"/> so hostile input yields a syntax error instead of exhausting the stack.
/// Type-system definitions are rejected: a request document may only hold operations and fragments.
/// </summary>
internal sealed class GraphQLParser
{
    internal const int MaxDepth = 200;

    private readonly GraphQLLexer _lexer;
    private GraphQLToken _current;
    private int _depth;

    /// <summary>Fragment names spread anywhere in the definition being parsed, so document rules can check them.</summary>
    private List<string> _spreads = [];

    private GraphQLParser(string source)
    {
        _lexer = new GraphQLLexer(source);
        _current = _lexer.Next();
    }

    /// <summary>Parses a whole document; throws <see cref="GraphQLSyntaxException"/> on any error.</summary>
    public static GraphQLDocument Parse(string source)
    {
        var parser = new GraphQLParser(source);
        return parser.ParseDocument();
    }

    private GraphQLDocument ParseDocument()
    {
        var operations = new List<GraphQLOperation>();
        var fragments = new Dictionary<string, GraphQLFragment>(StringComparer.Ordinal);
        if (_current.Kind == GraphQLTokenKind.EndOfDocument)
        {
            throw Error("The document is empty.");
        }

        while (_current.Kind != GraphQLTokenKind.EndOfDocument)
        {
            _spreads = [];
            if (_current.IsPunctuator('{'))
            {
                var selections = ParseSelectionSet();
                operations.Add(new GraphQLOperation(GraphQLOperationType.Query, null, [], selections, _spreads));
                continue;
            }

            SkipDescription();
            if (_current.IsName("fragment"))
            {
                var fragment = ParseFragmentDefinition();
                if (!fragments.TryAdd(fragment.Name, fragment))
                {
                    throw Error($"Fragment '{fragment.Name}' is defined twice.");
                }
            }
            else if (_current.Kind == GraphQLTokenKind.Name && TryOperationType(_current.Value!, out var type))
            {
                operations.Add(ParseOperation(type));
            }
            else
            {
                throw Error("Expected an operation or a fragment definition.");
            }
        }

        if (operations.Count == 0)
        {
            throw Error("The document has no operation.");
        }

        var document = new GraphQLDocument(operations, fragments);
        GraphQLDocumentRules.Check(document);
        return document;
    }

    /// <summary>
    /// A description (a string) may precede an operation or fragment definition and a variable definition;
    /// it documents and never executes, so it is checked and dropped. Only a keyword-led definition may follow.
    /// </summary>
    private void SkipDescription()
    {
        if (_current.Kind is not (GraphQLTokenKind.String or GraphQLTokenKind.BlockString))
        {
            return;
        }

        Advance();
        if (_current.Kind != GraphQLTokenKind.Name)
        {
            throw Error("A description must precede a named definition.");
        }
    }

    private static bool TryOperationType(string name, out GraphQLOperationType type)
    {
        switch (name)
        {
            case "query":
                type = GraphQLOperationType.Query;
                return true;
            case "mutation":
                type = GraphQLOperationType.Mutation;
                return true;
            case "subscription":
                type = GraphQLOperationType.Subscription;
                return true;
            default:
                type = default;
                return false;
        }
    }

    private GraphQLOperation ParseOperation(GraphQLOperationType type)
    {
        Advance();
        string? name = null;
        if (_current.Kind == GraphQLTokenKind.Name)
        {
            name = _current.Value;
            Advance();
        }

        var variables = _current.IsPunctuator('(') ? ParseVariableDefinitions() : [];
        ParseDirectives(isConst: false);
        var selections = ParseSelectionSet();
        return new GraphQLOperation(type, name, variables, selections, _spreads);
    }

    private List<GraphQLVariableDefinition> ParseVariableDefinitions()
    {
        Expect('(');
        var definitions = new List<GraphQLVariableDefinition>();
        do
        {
            if (_current.Kind is GraphQLTokenKind.String or GraphQLTokenKind.BlockString)
            {
                Advance();
            }

            Expect('$');
            var name = ExpectName();
            Expect(':');
            SkipType();
            GraphQLValue? defaultValue = null;
            if (_current.IsPunctuator('='))
            {
                Advance();
                defaultValue = ParseValue(isConst: true);
            }

            ParseDirectives(isConst: true);
            definitions.Add(new GraphQLVariableDefinition(name, defaultValue));
        }
        while (!_current.IsPunctuator(')'));

        Advance();
        return definitions;
    }

    private void SkipType()
    {
        Enter();
        if (_current.IsPunctuator('['))
        {
            Advance();
            SkipType();
            Expect(']');
        }
        else
        {
            SkipName();
        }

        if (_current.IsPunctuator('!'))
        {
            Advance();
        }

        _depth--;
    }

    private GraphQLFragment ParseFragmentDefinition()
    {
        Advance();
        var name = ExpectName();
        if (name == "on")
        {
            throw Error("A fragment cannot be named 'on'.");
        }

        if (!_current.IsName("on"))
        {
            throw Error("Expected 'on' and a type condition.");
        }

        Advance();
        var typeCondition = ExpectName();
        ParseDirectives(isConst: false);
        var selections = ParseSelectionSet();
        return new GraphQLFragment(name, typeCondition, selections, _spreads);
    }

    private List<GraphQLSelection> ParseSelectionSet()
    {
        Enter();
        Expect('{');
        var selections = new List<GraphQLSelection>();
        while (!_current.IsPunctuator('}'))
        {
            selections.Add(ParseSelection());
        }

        Advance();
        _depth--;
        return selections;
    }

    /// <summary>
    /// Checks the grammar of a selection set below a root field without building anything: classification
    /// only looks at root fields, and a large query should not allocate a tree nobody reads.
    /// </summary>
    private void SkipSelectionSet()
    {
        Enter();
        Expect('{');
        while (!_current.IsPunctuator('}'))
        {
            if (_current.IsPunctuator('.'))
            {
                Advance();
                if (_current.Kind == GraphQLTokenKind.Name && !_current.IsName("on"))
                {
                    _spreads.Add(_current.Value!);
                    Advance();
                    ParseDirectives(isConst: false);
                    continue;
                }

                if (_current.IsName("on"))
                {
                    Advance();
                    SkipName();
                }

                ParseDirectives(isConst: false);
                SkipSelectionSet();
                continue;
            }

            SkipName();
            if (_current.IsPunctuator(':'))
            {
                Advance();
                SkipName();
            }

            if (_current.IsPunctuator('('))
            {
                SkipArguments(isConst: false);
            }

            ParseDirectives(isConst: false);
            if (_current.IsPunctuator('{'))
            {
                SkipSelectionSet();
            }
        }

        Advance();
        _depth--;
    }

    private GraphQLSelection ParseSelection()
    {
        if (_current.IsPunctuator('.'))
        {
            var position = _current.Start;
            Advance();
            if (_current.Kind == GraphQLTokenKind.Name && !_current.IsName("on"))
            {
                var fragmentName = _current.Value!;
                _spreads.Add(fragmentName);
                Advance();
                ParseDirectives(isConst: false);
                return new GraphQLFragmentSpread(fragmentName, position);
            }

            string? typeCondition = null;
            if (_current.IsName("on"))
            {
                Advance();
                typeCondition = ExpectName();
            }

            ParseDirectives(isConst: false);
            return new GraphQLInlineFragment(typeCondition, ParseSelectionSet());
        }

        return ParseField();
    }

    private GraphQLField ParseField()
    {
        var position = _current.Start;
        var name = ExpectName();
        string? alias = null;
        if (_current.IsPunctuator(':'))
        {
            Advance();
            alias = name;
            name = ExpectName();
        }

        var arguments = _current.IsPunctuator('(') ? ParseArguments(isConst: false) : [];
        ParseDirectives(isConst: false);
        if (_current.IsPunctuator('{'))
        {
            SkipSelectionSet();
        }

        return new GraphQLField(alias, name, arguments, position);
    }

    private List<KeyValuePair<string, GraphQLValue>> ParseArguments(bool isConst)
    {
        Expect('(');
        var arguments = new List<KeyValuePair<string, GraphQLValue>>();
        do
        {
            var name = ExpectName();
            Expect(':');
            arguments.Add(new KeyValuePair<string, GraphQLValue>(name, ParseValue(isConst)));
        }
        while (!_current.IsPunctuator(')'));

        Advance();
        return arguments;
    }

    /// <summary>Directives on variable definitions take constant arguments; everywhere else variables are allowed.</summary>
    private void ParseDirectives(bool isConst)
    {
        while (_current.IsPunctuator('@'))
        {
            Advance();
            SkipName();
            if (_current.IsPunctuator('('))
            {
                SkipArguments(isConst);
            }
        }
    }

    private void SkipArguments(bool isConst)
    {
        Expect('(');
        do
        {
            SkipName();
            Expect(':');
            SkipValue(isConst);
        }
        while (!_current.IsPunctuator(')'));

        Advance();
    }

    private void SkipValue(bool isConst)
    {
        var token = _current;
        switch (token.Kind)
        {
            case GraphQLTokenKind.Int:
            case GraphQLTokenKind.Float:
            case GraphQLTokenKind.String:
            case GraphQLTokenKind.BlockString:
            case GraphQLTokenKind.Name:
                Advance();
                return;
            case GraphQLTokenKind.Punctuator when token.Punctuator == '$':
                if (isConst)
                {
                    throw Error("A variable is not allowed in a constant value.");
                }

                Advance();
                SkipName();
                return;
            case GraphQLTokenKind.Punctuator when token.Punctuator == '[':
                Enter();
                Advance();
                while (!_current.IsPunctuator(']'))
                {
                    SkipValue(isConst);
                }

                Advance();
                _depth--;
                return;
            case GraphQLTokenKind.Punctuator when token.Punctuator == '{':
                Enter();
                Advance();
                while (!_current.IsPunctuator('}'))
                {
                    SkipName();
                    Expect(':');
                    SkipValue(isConst);
                }

                Advance();
                _depth--;
                return;
            default:
                throw Error("Expected a value.");
        }
    }

    private GraphQLValue ParseValue(bool isConst)
    {
        var token = _current;
        switch (token.Kind)
        {
            case GraphQLTokenKind.Int:
                Advance();
                return new GraphQLValue(GraphQLValueKind.Int, token.Value);
            case GraphQLTokenKind.Float:
                Advance();
                return new GraphQLValue(GraphQLValueKind.Float, token.Value);
            case GraphQLTokenKind.String:
            case GraphQLTokenKind.BlockString:
                Advance();
                return new GraphQLValue(GraphQLValueKind.String, token.Value);
            case GraphQLTokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" or "false" => new GraphQLValue(GraphQLValueKind.Boolean, token.Value),
                    "null" => new GraphQLValue(GraphQLValueKind.Null, null),
                    _ => new GraphQLValue(GraphQLValueKind.Enum, token.Value),
                };
            case GraphQLTokenKind.Punctuator when token.Punctuator == '$':
                if (isConst)
                {
                    throw Error("A variable is not allowed in a constant value.");
                }

                Advance();
                return new GraphQLValue(GraphQLValueKind.Variable, ExpectName());
            case GraphQLTokenKind.Punctuator when token.Punctuator == '[':
                return ParseList(isConst);
            case GraphQLTokenKind.Punctuator when token.Punctuator == '{':
                return ParseObject(isConst);
            default:
                throw Error("Expected a value.");
        }
    }

    private GraphQLValue ParseList(bool isConst)
    {
        Enter();
        Advance();
        var items = new List<GraphQLValue>();
        while (!_current.IsPunctuator(']'))
        {
            items.Add(ParseValue(isConst));
        }

        Advance();
        _depth--;
        return new GraphQLValue(GraphQLValueKind.List, null, Items: items);
    }

    private GraphQLValue ParseObject(bool isConst)
    {
        Enter();
        Advance();
        var fields = new List<KeyValuePair<string, GraphQLValue>>();
        while (!_current.IsPunctuator('}'))
        {
            var name = ExpectName();
            Expect(':');
            fields.Add(new KeyValuePair<string, GraphQLValue>(name, ParseValue(isConst)));
        }

        Advance();
        _depth--;
        return new GraphQLValue(GraphQLValueKind.Object, null, Fields: fields);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new GraphQLSyntaxException($"The document nests deeper than {MaxDepth} levels.", _current.Start, isDepthLimit: true);
        }
    }

    private void Advance() => _current = _lexer.Next();

    private void Expect(char punctuator)
    {
        if (!_current.IsPunctuator(punctuator))
        {
            throw Error($"Expected '{punctuator}'.");
        }

        Advance();
    }

    private void SkipName()
    {
        if (_current.Kind != GraphQLTokenKind.Name)
        {
            throw Error("Expected a name.");
        }

        Advance();
    }

    private string ExpectName()
    {
        if (_current.Kind != GraphQLTokenKind.Name)
        {
            throw Error("Expected a name.");
        }

        var name = _current.Value!;
        Advance();
        return name;
    }

    private GraphQLSyntaxException Error(string message) => new(message, _current.Start);
}
