using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.GraphQL;

/// <summary>
/// Reads GraphQL-over-HTTP JSON bodies (<c>{"query", "operationName", "variables", "extensions"}</c>, or a
/// batched array of them) and classifies each request in the body.
/// </summary>
internal static class GraphQLRequestBody
{

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static List<AgentAction> Classify(string jsonBody, string? provider)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(jsonBody, Options);
        }
        catch (JsonException exception)
        {
            return [GraphQLClassifier.Opaque("graphql.body-invalid-json", $"The GraphQL request body is not valid JSON ({exception.Message}).", Tags.ParseError)];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return ClassifyRequest(root, provider);
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return [GraphQLClassifier.Opaque("graphql.body-not-request", "The GraphQL request body is neither a request object nor a batch.", Tags.ParseError)];
            }

            var actions = new List<AgentAction>();
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    actions.AddRange(ClassifyRequest(item, provider));
                }
                else
                {
                    actions.Add(GraphQLClassifier.Opaque("graphql.body-not-request", "A batched GraphQL entry is not a request object.", Tags.ParseError));
                }
            }

            if (actions.Count == 0)
            {
                actions.Add(GraphQLClassifier.Opaque("graphql.empty-batch", "The GraphQL batch holds no request."));
            }

            return actions;
        }
    }

    /// <summary>True when the JSON text looks like a GraphQL request: an object with a string "query", or an array of such.</summary>
    public static bool LooksLikeRequest(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return IsRequestObject(root);
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && IsRequestObject(item))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsRequestObject(JsonElement element) =>
        (element.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String) ||
        (element.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("persistedQuery", out _));

    private static List<AgentAction> ClassifyRequest(JsonElement request, string? provider)
    {
        var operationName = request.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        if (!request.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            if (IsPersisted(request))
            {
                return [GraphQLClassifier.Opaque(
                    "graphql.persisted-query",
                    $"A persisted query is sent by hash only{(operationName is null ? string.Empty : $" (operation '{operationName}')")}; its text is not visible.",
                    Tags.PersistedQuery)];
            }

            return [GraphQLClassifier.Opaque("graphql.no-query", "The GraphQL request has no query text.", Tags.ParseError)];
        }

        var text = query.GetString()!;
        if (!request.TryGetProperty("variables", out var variables) || variables.ValueKind == JsonValueKind.Null)
        {
            return GraphQLClassifier.ClassifyDocument(text, operationName, null, provider);
        }

        if (variables.ValueKind == JsonValueKind.String)
        {
            // Some clients send the variables as a JSON string rather than an object.
            try
            {
                using var parsed = JsonDocument.Parse(variables.GetString()!, Options);
                return GraphQLClassifier.ClassifyDocument(text, operationName, parsed.RootElement, provider);
            }
            catch (JsonException)
            {
                return GraphQLClassifier.ClassifyDocument(text, operationName, null, provider);
            }
        }

        return GraphQLClassifier.ClassifyDocument(text, operationName, variables, provider);
    }

    private static bool IsPersisted(JsonElement request) =>
        (request.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("persistedQuery", out _)) ||
        request.TryGetProperty("id", out _) || request.TryGetProperty("documentId", out _) || request.TryGetProperty("queryId", out _);
}
