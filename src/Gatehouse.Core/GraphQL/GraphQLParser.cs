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
            if (_current.IsPunctuator('{'))
            {
                operations.Add(new GraphQLOperation(GraphQLOperationType.Query, null, [], ParseSelectionSet()));
            }
            else if (_current.IsName("fragment"))
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

        CheckOperationNames(operations);
        return new GraphQLDocument(operations, fragments);
    }

    private void CheckOperationNames(List<GraphQLOperation> operations)
    {
        if (operations.Count == 1)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation.Name is null)
            {
                throw Error("An anonymous operation must be the only operation in its document.");
            }

            if (!names.Add(operation.Name))
            {
                throw Error($"Operation '{operation.Name}' is defined twice.");
            }
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
        ParseDirectives();
        return new GraphQLOperation(type, name, variables, ParseSelectionSet());
    }

    private List<GraphQLVariableDefinition> ParseVariableDefinitions()
    {
        Expect('(');
        var definitions = new List<GraphQLVariableDefinition>();
        do
        {
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

            ParseDirectives();
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
        ParseDirectives();
        return new GraphQLFragment(name, typeCondition, ParseSelectionSet());
    }

    private List<GraphQLSelection> ParseSelectionSet()
    {
        Enter();
        Expect('{');
        var selections = new List<GraphQLSelection>();
        do
        {
            selections.Add(ParseSelection());
        }
        while (!_current.IsPunctuator('}'));

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
        do
        {
            if (_current.IsPunctuator('.'))
            {
                Advance();
                if (_current.Kind == GraphQLTokenKind.Name && !_current.IsName("on"))
                {
                    Advance();
                    ParseDirectives();
                    continue;
                }

                if (_current.IsName("on"))
                {
                    Advance();
                    SkipName();
                }

                ParseDirectives();
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
                SkipArguments();
            }

            ParseDirectives();
            if (_current.IsPunctuator('{'))
            {
                SkipSelectionSet();
            }
        }
        while (!_current.IsPunctuator('}'));

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
                Advance();
                ParseDirectives();
                return new GraphQLFragmentSpread(fragmentName, position);
            }

            string? typeCondition = null;
            if (_current.IsName("on"))
            {
                Advance();
                typeCondition = ExpectName();
            }

            ParseDirectives();
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
        ParseDirectives();
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

    private void ParseDirectives()
    {
        while (_current.IsPunctuator('@'))
        {
            Advance();
            SkipName();
            if (_current.IsPunctuator('('))
            {
                SkipArguments();
            }
        }
    }

    private void SkipArguments()
    {
        Expect('(');
        do
        {
            SkipName();
            Expect(':');
            SkipValue();
        }
        while (!_current.IsPunctuator(')'));

        Advance();
    }

    private void SkipValue()
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
                Advance();
                SkipName();
                return;
            case GraphQLTokenKind.Punctuator when token.Punctuator == '[':
                Enter();
                Advance();
                while (!_current.IsPunctuator(']'))
                {
                    SkipValue();
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
                    SkipValue();
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
            throw Error($"The document nests deeper than {MaxDepth} levels.");
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
