namespace Gatehouse.Core.GraphQL;

/// <summary>
/// Flattens an operation's root selection set into the fields the server will execute at the root,
/// through fragment spreads and inline fragments. Directives such as <c>@skip</c> are ignored on purpose:
/// a field that might be skipped is still counted (fail closed). Cycles, unknown fragments, chains deeper
/// than the parser's nesting bound, and expansion beyond a fixed budget are syntax errors, so a tiny
/// document cannot fan out into millions of fields.
/// </summary>
internal static class GraphQLRootFields
{
    internal const int ExpansionBudget = 50_000;

    public static List<GraphQLField> Collect(GraphQLOperation operation, IReadOnlyDictionary<string, GraphQLFragment> fragments)
    {
        var fields = new List<GraphQLField>();
        var active = new HashSet<string>(StringComparer.Ordinal);
        var budget = ExpansionBudget;
        Walk(operation.SelectionSet, fragments, active, fields, ref budget, 0);
        return fields;
    }

    private static void Walk(
        IReadOnlyList<GraphQLSelection> selections,
        IReadOnlyDictionary<string, GraphQLFragment> fragments,
        HashSet<string> active,
        List<GraphQLField> fields,
        ref int budget,
        int depth)
    {
        if (depth > GraphQLParser.MaxDepth)
        {
            throw new GraphQLSyntaxException("Fragments nest too deeply.", 0, isDepthLimit: true);
        }

        foreach (var selection in selections)
        {
            if (--budget < 0)
            {
                throw new GraphQLSyntaxException("Fragment expansion exceeds the classification budget.", 0);
            }

            switch (selection)
            {
                case GraphQLField field:
                    fields.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, fragments, active, fields, ref budget, depth + 1);
                    break;
                case GraphQLFragmentSpread spread:
                    if (!fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        throw new GraphQLSyntaxException($"Unknown fragment '{spread.Name}'.", spread.Position);
                    }

                    if (!active.Add(spread.Name))
                    {
                        throw new GraphQLSyntaxException($"Fragment '{spread.Name}' spreads itself.", spread.Position);
                    }

                    Walk(fragment.SelectionSet, fragments, active, fields, ref budget, depth + 1);
                    active.Remove(spread.Name);
                    break;
                default:
                    throw new GraphQLSyntaxException("Unknown selection.", 0);
            }
        }
    }
}
