namespace Gatehouse.Core.GraphQL;

/// <summary>
/// The document rules a server applies before executing anything that need no schema: a lone anonymous
/// operation, unique operation names, known fragment names and no fragment cycles (unique fragment names are
/// checked while parsing). A document that breaks one is refused by the server, so we refuse it too rather
/// than guess which reading the server would have taken.
/// </summary>
internal static class GraphQLDocumentRules
{
    public static void Check(GraphQLDocument document)
    {
        CheckOperationNames(document.Operations);
        foreach (var operation in document.Operations)
        {
            CheckKnown(operation.Spreads, document.Fragments);
        }

        foreach (var fragment in document.Fragments.Values)
        {
            CheckKnown(fragment.Spreads, document.Fragments);
        }

        if (document.Fragments.Count > 0)
        {
            CheckNoCycles(document.Fragments);
        }
    }

    private static void CheckOperationNames(IReadOnlyList<GraphQLOperation> operations)
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
                throw new GraphQLSyntaxException("An anonymous operation must be the only operation in its document.", 0);
            }

            if (!names.Add(operation.Name))
            {
                throw new GraphQLSyntaxException($"Operation '{operation.Name}' is defined twice.", 0);
            }
        }
    }

    private static void CheckKnown(IReadOnlyList<string> spreads, IReadOnlyDictionary<string, GraphQLFragment> fragments)
    {
        foreach (var name in spreads)
        {
            if (!fragments.ContainsKey(name))
            {
                throw new GraphQLSyntaxException($"Unknown fragment '{name}'.", 0);
            }
        }
    }

    /// <summary>
    /// Depth-first search over the fragment graph with an explicit stack: a 1 MB document can chain tens of
    /// thousands of fragments, more than the call stack would survive. Each fragment is finished once, so the
    /// cost stays linear in the number of spreads.
    /// </summary>
    private static void CheckNoCycles(IReadOnlyDictionary<string, GraphQLFragment> fragments)
    {
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(GraphQLFragment Fragment, int Next)>();
        foreach (var root in fragments.Values)
        {
            if (finished.Contains(root.Name))
            {
                continue;
            }

            stack.Push((root, 0));
            onPath.Add(root.Name);
            while (stack.Count > 0)
            {
                var (fragment, next) = stack.Pop();
                if (next == fragment.Spreads.Count)
                {
                    onPath.Remove(fragment.Name);
                    finished.Add(fragment.Name);
                    continue;
                }

                stack.Push((fragment, next + 1));
                var target = fragment.Spreads[next];
                if (onPath.Contains(target))
                {
                    throw new GraphQLSyntaxException($"Fragment '{target}' spreads itself.", 0);
                }

                if (!finished.Contains(target))
                {
                    stack.Push((fragments[target], 0));
                    onPath.Add(target);
                }
            }
        }
    }
}
