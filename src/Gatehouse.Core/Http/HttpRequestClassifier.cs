using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// Classifies one HTTP request. Specific knowledge wins over the method: cloud metadata credential endpoints,
/// SQL carried in the body (Hasura, Supabase), provider REST rules, GraphQL (delegated to the GraphQL
/// classifier), AWS query/JSON protocols, S3, the Kubernetes API, key-value stores (Consul, etcd, Vault),
/// Elasticsearch/OpenSearch, then action endpoints (<c>…/delete</c>, <c>…:stop</c>) and data-store collections,
/// and finally the method itself. A body that cannot be seen on a mutating request is tagged opaque; a body
/// read from a credential file adds a credential-access action. Nothing here throws.
/// </summary>
public static class HttpRequestClassifier
{
    public static IReadOnlyList<AgentAction> Classify(HttpRequestDescription request)
    {
        try
        {
            var context = new HttpRequestContext(request);
            var actions = ClassifyRequest(context);
            if (CredentialUpload(context, request) is { } upload)
            {
                actions.Add(upload);
            }

            return actions;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return
            [
                new AgentAction
                {
                    Verb = Verb.Unknown,
                    Target = ResourceRef.Of("http-endpoint", request?.Url),
                    Tool = HttpRequestContext.Tool,
                    Reversible = false,
                    Risk = Risk.High,
                    Path = HttpRequestContext.LocalPath,
                    RuleId = "http.internal-error",
                    Reason = $"The HTTP request could not be classified: {exception.Message}",
                    Tags = [Tags.Opaque, Tags.ParseError],
                },
            ];
        }
    }

    private static List<AgentAction> ClassifyRequest(HttpRequestContext context)
    {
        if (CloudMetadataClassifier.TryClassify(context) is { } metadata)
        {
            return [metadata];
        }

        if (EmbeddedSqlRequestClassifier.TryClassify(context) is { } sql)
        {
            return sql;
        }

        if (HttpEndpointRules.TryClassify(context) is { } ruled)
        {
            return [MarkOpaqueBody(context, ruled)];
        }

        var graphQL = HttpGraphQLClassifier.TryClassify(context);
        if (graphQL is not null && HttpUrl.IsLoopbackHost(context.Url.Host) && IsDevelopmentServerPort(context.Url.Port))
        {
            // The API being built on this machine: one mutation through it is like a REST call to it.
            graphQL = [.. graphQL.Select(a => a.Risk == Risk.High && !a.HasTag(Tags.Opaque) ? a with { Risk = Risk.Medium } : a)];
        }

        if (graphQL is not null && HttpGraphQLClassifier.IsEndpoint(context))
        {
            return graphQL;
        }

        var action = MarkOpaqueBody(context, AwsRequestClassifier.TryClassify(context)
            ?? S3RequestClassifier.TryClassify(context)
            ?? KubernetesRequestClassifier.TryClassify(context)
            ?? KeyValueStoreRequestClassifier.TryClassify(context)
            ?? SearchClusterRequestClassifier.TryClassify(context)
            ?? MultiObjectDelete(context)
            ?? ActionEndpoint(context)
            ?? CriticalCollection(context)
            ?? ByMethod(context));
        if (graphQL is null)
        {
            return [action];
        }

        // GraphQL-shaped content sent somewhere that is not a GraphQL endpoint: the endpoint's own meaning
        // (POST …/delete) may be the worse one, so it is reported beside the GraphQL actions when it is.
        return HighestRisk(graphQL) >= action.Risk ? graphQL : [.. graphQL, action];
    }

    /// <summary>A body or upload read from a credential file (<c>-d @~/.aws/credentials</c>) sends a secret away.</summary>
    private static AgentAction? CredentialUpload(HttpRequestContext context, HttpRequestDescription request)
    {
        foreach (var file in HttpRequestFiles.Of(request))
        {
            if (CredentialPaths.IsCredential(file))
            {
                var destination = context.Url.Host.Length > 0 ? context.Url.Host : "an unknown host";
                return context.Action(Verb.Read, Risk.High, "credential-file", file, "http.send-credential-file",
                    $"Sends the credential file '{file}' to {destination}.", [Tags.CredentialAccess]);
            }
        }

        return null;
    }

    /// <summary>S3-compatible stores (MinIO, Ceph…) on any host take <c>POST /bucket?delete</c> as a multi-object delete.</summary>
    private static AgentAction? MultiObjectDelete(HttpRequestContext context)
    {
        if (context.Method != "POST")
        {
            return null;
        }

        foreach (var pair in context.Url.Query)
        {
            if (pair.Value is null && string.Equals(pair.Key, "delete", StringComparison.Ordinal))
            {
                var bucket = context.Url.Segments.Count > 0 ? context.Url.Segments[0] : context.Url.Host;
                return context.Action(Verb.Delete, Risk.High, "bucket-objects", bucket, "http.s3.delete-objects",
                    $"Deletes many objects from bucket '{bucket}' in one request (S3 multi-object delete).", [Tags.AllResources]);
            }
        }

        return null;
    }

    /// <summary><c>POST …/vms/x/deallocate</c>, <c>POST …/instances/x:stop</c>, <c>POST …/delete</c>: the last segment is the verb.</summary>
    private static AgentAction? ActionEndpoint(HttpRequestContext context)
    {
        if (context.IsSafeMethod || context.Url.Segments.Count == 0)
        {
            return null;
        }

        var last = context.Url.Segments[^1];
        var colon = last.LastIndexOf(':');
        var verbWord = colon >= 0 ? last[(colon + 1)..] : last;
        var everything = false;
        if (!HttpProviderCatalog.Instance.ActionEndpoints.TryGetValue(verbWord, out var effect))
        {
            // Compound action names: delete-all, purge_all, deleteAll, delete-by-query — the leading verb decides.
            var words = SplitActionWords(verbWord);
            if (words.Count < 2 || !HttpProviderCatalog.Instance.ActionEndpoints.TryGetValue(words[0], out effect))
            {
                return null;
            }

            everything = words.Contains("all", StringComparer.OrdinalIgnoreCase) || words.Contains("everything", StringComparer.OrdinalIgnoreCase);
        }

        var target = colon > 0 ? last[..colon] : context.Url.Segments.Count >= 2 ? context.Url.Segments[^2] : null;
        var risk = everything && effect.Verb == Verb.Delete ? Risk.Critical : effect.Risk;
        return context.Action(effect.Verb, risk, "http-endpoint", context.Url.Endpoint, "http.action-endpoint." + verbWord.ToLowerInvariant(),
            $"{context.Method} to the '{verbWord}' action endpoint{(target is null ? string.Empty : $" of '{target}'")}.", everything ? [Tags.AllResources] : []);
    }

    private static List<string> SplitActionWords(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] is '-' or '_' or '.' || (char.IsUpper(name[i]) && char.IsLower(name[i - 1])))
            {
                if (i > start)
                {
                    words.Add(name[start..i].Trim('-', '_', '.'));
                }

                start = i;
            }
        }

        words.RemoveAll(w => w.Length == 0);
        return words;
    }

    /// <summary><c>DELETE …/volumes/{id}</c> or <c>DELETE …/databases</c> on any API: data stores are critical.</summary>
    private static AgentAction? CriticalCollection(HttpRequestContext context)
    {
        if (context.Method != "DELETE" || context.Url.Segments.Count == 0)
        {
            return null;
        }

        var segments = context.Url.Segments;
        var collections = HttpProviderCatalog.Instance.CriticalCollections;
        if (segments.Count >= 2 && collections.TryGetValue(segments[^2], out var tags))
        {
            var kind = Singular(segments[^2]);
            return context.Action(Verb.Delete, Risk.Critical, kind, segments[^1], "http.delete." + kind, $"Deletes {kind} '{segments[^1]}' through {context.Url.Host}.", tags);
        }

        if (collections.TryGetValue(segments[^1], out tags))
        {
            var kind = Singular(segments[^1]);
            return context.Action(Verb.Delete, Risk.Critical, kind, context.Url.Endpoint, "http.delete-collection." + kind,
                $"Deletes {segments[^1]} in bulk through {context.Url.Host}.", [.. tags, Tags.AllResources]);
        }

        return null;
    }

    private static AgentAction ByMethod(HttpRequestContext context)
    {
        var method = context.Method;
        var endpoint = context.Url.Endpoint;
        return method switch
        {
            "GET" or "HEAD" or "OPTIONS" or "TRACE" => context.EndpointAction(Verb.Read, Risk.None, "http.read", $"{method} {endpoint} only reads."),
            "POST" => context.EndpointAction(Verb.Create, Risk.Medium, "http.post", $"POST {endpoint} creates or changes state."),
            "PUT" or "PATCH" => context.EndpointAction(Verb.Update, Risk.Medium, "http.update", $"{method} {endpoint} changes state."),
            // One item through the API of a server on this machine is the everyday loop of building that API.
            "DELETE" when HttpUrl.IsLoopbackHost(context.Url.Host) && IsDevelopmentServerPort(context.Url.Port) => context.EndpointAction(Verb.Delete, Risk.Medium, "http.delete.local", $"DELETE {endpoint} deletes a resource on a local development server."),
            "DELETE" => context.EndpointAction(Verb.Delete, Risk.High, "http.delete", $"DELETE {endpoint} deletes a resource."),
            _ => context.EndpointAction(Verb.Unknown, Risk.High, "http.unknown-method", $"{method} {endpoint} has an unknown effect.", [Tags.Opaque]),
        };
    }

    /// <summary>Ports web frameworks serve on in development; data stores (5432, 6379, 9200, 8500, 27017 …) are not among them.</summary>
    private static bool IsDevelopmentServerPort(int? port) => port is (>= 3000 and <= 4999) or 5000 or 5173 or 8000 or 8080 or 8888;


    private static AgentAction MarkOpaqueBody(HttpRequestContext context, AgentAction action)
    {
        if (!context.BodyIsOpaque || context.IsSafeMethod || action.HasTag(Tags.Opaque))
        {
            return action;
        }

        return action with { Tags = [.. action.Tags, Tags.Opaque], Reason = action.Reason + " The request body is not visible." };
    }

    private static Risk HighestRisk(List<AgentAction> actions)
    {
        var highest = Risk.None;
        foreach (var action in actions)
        {
            if (action.Risk > highest)
            {
                highest = action.Risk;
            }
        }

        return highest;
    }

    private static string Singular(string collection) =>
        collection.Equals("indices", StringComparison.OrdinalIgnoreCase) || collection.Equals("indexes", StringComparison.OrdinalIgnoreCase) ? "index"
        : collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y" : collection.EndsWith('s') ? collection[..^1] : collection;
}
