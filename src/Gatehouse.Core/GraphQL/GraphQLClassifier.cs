using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.GraphQL;

/// <summary>
/// Classifies GraphQL requests: every root field of a mutation becomes an action (whatever its alias, and
/// through fragments), queries and subscriptions become reads. Unparseable, hash-only or otherwise
/// invisible requests become opaque high-risk actions; nothing here throws.
/// </summary>
public static class GraphQLClassifier
{
    /// <summary>Reads are plentiful and harmless; past this many root fields the rest are not reported one by one.</summary>
    private const int MaxReadActions = 256;

    /// <summary>Classifies one GraphQL document with the operation name and variables JSON sent beside it.</summary>
    public static IReadOnlyList<AgentAction> Classify(string document, string? operationName = null, string? variablesJson = null) =>
        Classify(document, operationName, variablesJson, provider: null);

    /// <summary>Classifies a GraphQL-over-HTTP JSON body: one request object or a batched array of them.</summary>
    public static IReadOnlyList<AgentAction> ClassifyRequestBody(string jsonBody) => ClassifyRequestBody(jsonBody, provider: null);

    internal static IReadOnlyList<AgentAction> Classify(string document, string? operationName, string? variablesJson, string? provider)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(variablesJson))
            {
                return ClassifyDocument(document, operationName, null, provider);
            }

            using var variables = JsonDocument.Parse(variablesJson);
            return ClassifyDocument(document, operationName, variables.RootElement, provider);
        }
        catch (JsonException)
        {
            // Unreadable variables cannot hide a mutation field, but they can hide which resource it hits.
            return ClassifyDocumentSafely(document, operationName, provider);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [Opaque("graphql.internal-error", $"The GraphQL request could not be classified: {exception.Message}", Tags.ParseError)];
        }
    }

    internal static IReadOnlyList<AgentAction> ClassifyRequestBody(string jsonBody, string? provider)
    {
        try
        {
            return GraphQLRequestBody.Classify(jsonBody, provider);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [Opaque("graphql.internal-error", $"The GraphQL request could not be classified: {exception.Message}", Tags.ParseError)];
        }
    }

    private static IReadOnlyList<AgentAction> ClassifyDocumentSafely(string document, string? operationName, string? provider)
    {
        try
        {
            return ClassifyDocument(document, operationName, null, provider);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return [Opaque("graphql.internal-error", $"The GraphQL request could not be classified: {exception.Message}", Tags.ParseError)];
        }
    }

    internal static List<AgentAction> ClassifyDocument(string document, string? operationName, JsonElement? variables, string? provider)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = GraphQLParser.Parse(document);
        }
        catch (GraphQLSyntaxException exception)
        {
            return [Opaque("graphql.parse-error", $"The GraphQL document does not parse ({exception.Message}); it may mutate.", Tags.ParseError)];
        }

        var actions = new List<AgentAction>();
        var selected = SelectOperation(parsed, operationName);
        try
        {
            if (selected is not null)
            {
                ClassifyOperation(selected, parsed, variables, provider, actions);
            }
            else
            {
                // Several operations and no (matching) name: the server would refuse, but whichever one might run is classified.
                foreach (var operation in parsed.Operations)
                {
                    ClassifyOperation(operation, parsed, variables, provider, actions);
                }
            }
        }
        catch (GraphQLSyntaxException exception)
        {
            return [Opaque("graphql.invalid-document", $"The GraphQL document is invalid ({exception.Message}); it may mutate.", Tags.ParseError)];
        }

        return actions;
    }

    /// <summary>The operation a server runs for <paramref name="operationName"/>; null when it names none or several could run.</summary>
    internal static GraphQLOperation? SelectOperation(GraphQLDocument document, string? operationName)
    {
        if (!string.IsNullOrEmpty(operationName))
        {
            foreach (var operation in document.Operations)
            {
                if (string.Equals(operation.Name, operationName, StringComparison.Ordinal))
                {
                    return operation;
                }
            }

            return null;
        }

        return document.Operations.Count == 1 ? document.Operations[0] : null;
    }

    private static void ClassifyOperation(
        GraphQLOperation operation, GraphQLDocument document, JsonElement? variables, string? provider, List<AgentAction> actions)
    {
        var fields = GraphQLRootFields.Collect(operation, document.Fragments);
        if (operation.Type != GraphQLOperationType.Mutation)
        {
            var reads = 0;
            foreach (var field in fields)
            {
                if (reads++ == MaxReadActions)
                {
                    break;
                }

                actions.Add(GraphQLFieldClassifier.Read(field, operation.Type));
            }

            return;
        }

        if (fields.Count == 0)
        {
            // The grammar now allows `mutation {}`; no client sends one, so it is not waved through as harmless.
            actions.Add(Opaque("graphql.empty-mutation", "The GraphQL mutation selects no field; it is not a request a client sends.", Tags.ParseError));
            return;
        }

        var resolver = new GraphQLArgumentResolver(variables, operation.Variables);
        foreach (var field in fields)
        {
            // Introspection fields (__typename, __schema) are answered by the server itself and change nothing.
            actions.Add(field.Name.StartsWith("__", StringComparison.Ordinal)
                ? GraphQLFieldClassifier.Read(field, GraphQLOperationType.Query)
                : GraphQLFieldClassifier.Mutation(field, resolver, provider));
        }
    }

    internal static AgentAction Opaque(string ruleId, string reason, params string[] extraTags)
    {
        var tags = new List<string>(extraTags.Length + 1) { Tags.Opaque };
        tags.AddRange(extraTags);
        return new AgentAction
        {
            Verb = Verb.Unknown,
            Target = ResourceRef.Of("graphql-operation"),
            Tool = GraphQLFieldClassifier.Tool,
            Reversible = false,
            Risk = Risk.High,
            Path = GraphQLFieldClassifier.LocalPath,
            RuleId = ruleId,
            Reason = reason,
            Tags = tags,
        };
    }
}
