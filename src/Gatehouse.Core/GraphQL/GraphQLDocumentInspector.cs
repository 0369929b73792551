namespace Gatehouse.Core.GraphQL;

/// <summary>One root field as the server would execute it: its schema name and the alias it answers under.</summary>
internal sealed record GraphQLInspectedField(string Name, string? Alias);

internal sealed record GraphQLInspectedOperation(GraphQLOperationType Type, string? Name, IReadOnlyList<GraphQLInspectedField> RootFields);

/// <summary>
/// What the parser made of a document: either an error (and whether it is our nesting bound rather than the
/// grammar), or every operation with its root fields after fragment expansion and the operation that would run.
/// </summary>
internal sealed record GraphQLInspection(
    string? Error,
    bool IsDepthLimit,
    IReadOnlyList<GraphQLInspectedOperation> Operations,
    int? SelectedOperation)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The parser's view of a document in plain terms, the same view the classifier acts on, so that it can be
/// compared with a reference implementation (see the GraphQL oracle tests).
/// </summary>
internal static class GraphQLDocumentInspector
{
    public static GraphQLInspection Inspect(string document, string? operationName)
    {
        try
        {
            var parsed = GraphQLParser.Parse(document);
            var operations = new List<GraphQLInspectedOperation>(parsed.Operations.Count);
            foreach (var operation in parsed.Operations)
            {
                var fields = new List<GraphQLInspectedField>();
                foreach (var field in GraphQLRootFields.Collect(operation, parsed.Fragments))
                {
                    fields.Add(new GraphQLInspectedField(field.Name, field.Alias));
                }

                operations.Add(new GraphQLInspectedOperation(operation.Type, operation.Name, fields));
            }

            var selected = GraphQLClassifier.SelectOperation(parsed, operationName);
            int? selectedIndex = selected is null ? null : IndexOf(parsed.Operations, selected);
            return new GraphQLInspection(null, false, operations, selectedIndex);
        }
        catch (GraphQLSyntaxException exception)
        {
            return new GraphQLInspection(exception.Message, exception.IsDepthLimit, [], null);
        }
    }

    private static int IndexOf(IReadOnlyList<GraphQLOperation> operations, GraphQLOperation operation)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            if (ReferenceEquals(operations[i], operation))
            {
                return i;
            }
        }

        return -1;
    }
}
