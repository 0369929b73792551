using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// Recognises GraphQL carried over HTTP (a JSON body with a "query", <c>application/graphql</c>, a known
/// GraphQL endpoint, or a GET with <c>?query=</c>) and hands it to the GraphQL classifier. The resulting
/// actions keep GraphQL's verdict, gain the <c>http&gt;graphql</c> path and the endpoint host as evidence.
/// </summary>
internal static class HttpGraphQLClassifier
{
    internal const string GraphQLPath = "http>graphql";

    public static List<AgentAction>? TryClassify(HttpRequestContext context)
    {
        var catalog = HttpProviderCatalog.Instance;
        catalog.GraphQLHosts.TryGetValue(context.Url.Host, out var knownProvider);
        var provider = string.IsNullOrEmpty(knownProvider) ? GraphQLCatalog.Instance.ProviderForHost(context.Url.Host) : knownProvider;
        var isEndpoint = IsEndpoint(context);
        var body = context.Body;
        var hasBody = !string.IsNullOrEmpty(body);

        if (hasBody && !context.BodyIsOpaque)
        {
            if (string.Equals(context.ContentType, "application/graphql", StringComparison.Ordinal))
            {
                return Wrap(GraphQLClassifier.Classify(body!, context.Url.QueryValue("operationName"), context.Url.QueryValue("variables"), provider), context, viaGet: false);
            }

            if (LooksLikeJson(body!) && GraphQLRequestBody.LooksLikeRequest(body!))
            {
                var actions = GraphQLClassifier.ClassifyRequestBody(body!, provider);
                if (!isEndpoint && ContainsOnlyParseErrors(actions))
                {
                    // {"query": "some search text"} sent to an ordinary API is not GraphQL.
                    return null;
                }

                return Wrap(actions, context, viaGet: false);
            }

            if (isEndpoint && !context.IsSafeMethod)
            {
                // A GraphQL endpoint given a body that is no JSON request: read it as a bare document (fails closed on garbage).
                var actions = LooksLikeJson(body!)
                    ? GraphQLClassifier.ClassifyRequestBody(body!, provider)
                    : ClassifyFormOrDocument(body!, provider);
                return Wrap(actions, context, viaGet: false);
            }
        }

        if (isEndpoint && context.BodyIsOpaque && !context.IsSafeMethod)
        {
            return
            [
                Opaque(context, "http.graphql.opaque-body", "A request to a GraphQL endpoint carries a body that cannot be seen; it may be a mutation."),
            ];
        }

        var query = context.Url.QueryValue("query");
        if (query is not null && (isEndpoint || LooksLikeGraphQLDocument(query)))
        {
            var actions = GraphQLClassifier.Classify(query, context.Url.QueryValue("operationName"), context.Url.QueryValue("variables"), provider);
            if (!isEndpoint && ContainsOnlyParseErrors(actions))
            {
                // "?query=foo" on an ordinary search API is not GraphQL.
                return null;
            }

            return Wrap(actions, context, viaGet: context.Method == "GET");
        }

        return null;
    }

    /// <summary>True when the URL is a GraphQL endpoint (a <c>/graphql</c>-style path, or the root of a known GraphQL host).</summary>
    public static bool IsEndpoint(HttpRequestContext context)
    {
        var catalog = HttpProviderCatalog.Instance;
        return IsGraphQLPath(context.Url, catalog) || (catalog.GraphQLHosts.ContainsKey(context.Url.Host) && context.Url.Segments.Count == 0);
    }

    /// <summary>A form-encoded body (<c>query=…&amp;variables=…</c>) or a bare document.</summary>
    private static IReadOnlyList<AgentAction> ClassifyFormOrDocument(string body, string? provider)
    {
        if (body.StartsWith("query=", StringComparison.Ordinal) || body.Contains("&query=", StringComparison.Ordinal))
        {
            var form = HttpUrl.ParseQuery(body);
            string? query = null;
            string? operationName = null;
            string? variables = null;
            foreach (var pair in form)
            {
                switch (pair.Key)
                {
                    case "query":
                        query = pair.Value;
                        break;
                    case "operationName":
                        operationName = pair.Value;
                        break;
                    case "variables":
                        variables = pair.Value;
                        break;
                    default:
                        break;
                }
            }

            if (query is not null)
            {
                return GraphQLClassifier.Classify(query, operationName, variables, provider);
            }
        }

        return GraphQLClassifier.Classify(body, null, null, provider);
    }

    private static bool IsGraphQLPath(HttpUrl url, HttpProviderCatalog catalog)
    {
        var segments = url.Segments;
        if (segments.Count == 0)
        {
            return false;
        }

        // /graphql, /api/graphql, /v1/graphql, and versioned forms such as /graphql/v2 or /graphql/internal.
        return catalog.GraphQLPathSegments.Contains(segments[^1]) ||
            (segments.Count >= 2 && catalog.GraphQLPathSegments.Contains(segments[^2]));
    }

    private static bool LooksLikeJson(string body)
    {
        foreach (var c in body)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[';
            }
        }

        return false;
    }

    private static bool LooksLikeGraphQLDocument(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.StartsWith("mutation", StringComparison.Ordinal) ||
            trimmed.StartsWith("query", StringComparison.Ordinal) ||
            trimmed.StartsWith("subscription", StringComparison.Ordinal) ||
            trimmed.StartsWith("{", StringComparison.Ordinal);
    }

    private static bool ContainsOnlyParseErrors(IReadOnlyList<AgentAction> actions)
    {
        foreach (var action in actions)
        {
            if (!action.HasTag(Tags.ParseError))
            {
                return false;
            }
        }

        return true;
    }

    private static List<AgentAction> Wrap(IReadOnlyList<AgentAction> actions, HttpRequestContext context, bool viaGet)
    {
        var wrapped = new List<AgentAction>(actions.Count);
        foreach (var action in actions)
        {
            var tags = action.Tags;
            if (viaGet && action.Verb != Verb.Read)
            {
                tags = [.. action.Tags, Tags.MutationViaGet];
            }

            var hints = new List<string>(action.EnvironmentHints.Count + context.Hints.Count);
            hints.AddRange(context.Hints);
            foreach (var hint in action.EnvironmentHints)
            {
                if (!hints.Contains(hint))
                {
                    hints.Add(hint);
                }
            }

            wrapped.Add(action with { Path = GraphQLPath, Tags = tags, EnvironmentHints = hints });
        }

        return wrapped;
    }

    private static AgentAction Opaque(HttpRequestContext context, string ruleId, string reason) => new()
    {
        Verb = Verb.Unknown,
        Target = ResourceRef.Of("http-endpoint", context.Url.Endpoint),
        Tool = "graphql",
        Reversible = false,
        Risk = Risk.High,
        Path = GraphQLPath,
        RuleId = ruleId,
        Reason = reason,
        Tags = [Tags.Opaque],
        EnvironmentHints = context.Hints,
    };
}
