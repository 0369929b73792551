using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// Elasticsearch and OpenSearch REST calls that destroy data: deleting indices (<c>DELETE /_all</c>,
/// <c>DELETE /logs-*</c>, <c>DELETE /orders</c> on a search cluster), data streams and snapshots, and a
/// <c>_delete_by_query</c> whose query matches every document.
/// </summary>
internal static class SearchClusterRequestClassifier
{
    private const int MaxBodyLength = 1 << 20;

    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var segments = context.Url.Segments;
        if (segments.Count == 0)
        {
            return null;
        }

        if (context.Method == "DELETE")
        {
            return DeleteIndex(context, segments) ?? DeleteDataStreamOrSnapshot(context, segments);
        }

        return context.Method == "POST" &&
            string.Equals(segments[^1], "_delete_by_query", StringComparison.OrdinalIgnoreCase)
            ? DeleteByQuery(context, segments)
            : null;
    }

    private static AgentAction? DeleteIndex(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        if (segments.Count != 1)
        {
            return null;
        }

        var index = segments[0];
        var everything = index is "_all" or "*" or "_all*";
        var wildcard = index.Contains('*', StringComparison.Ordinal);
        if (!everything && !wildcard && (index.StartsWith('_') || !IsSearchCluster(context.Url)))
        {
            return null;
        }

        IReadOnlyList<string> tags = everything || wildcard || index.Contains(',', StringComparison.Ordinal) ? [Tags.AllResources] : [];
        var what = everything ? "every index" : wildcard ? $"every index matching '{index}'" : $"index '{index}' with all its documents";
        return context.Action(Verb.Delete, Risk.Critical, "search-index", index, "http.search.delete-index",
            $"Deletes {what} on {context.Url.Host} (Elasticsearch/OpenSearch).", tags);
    }

    private static AgentAction? DeleteDataStreamOrSnapshot(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        if (segments.Count == 2 && string.Equals(segments[0], "_data_stream", StringComparison.OrdinalIgnoreCase))
        {
            return context.Action(Verb.Delete, Risk.Critical, "search-data-stream", segments[1], "http.search.delete-data-stream",
                $"Deletes data stream '{segments[1]}' and its backing indices.");
        }

        if (segments.Count == 3 && string.Equals(segments[0], "_snapshot", StringComparison.OrdinalIgnoreCase))
        {
            return context.Action(Verb.Delete, Risk.Critical, "snapshot", segments[2], "http.search.delete-snapshot",
                $"Deletes snapshot '{segments[2]}' from repository '{segments[1]}'.", [Tags.DestroysBackups]);
        }

        return null;
    }

    private static AgentAction? DeleteByQuery(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        var index = segments.Count >= 2 ? segments[^2] : "_all";
        var queryParameter = context.Url.QueryValue("q");
        bool everyDocument;
        if (queryParameter is not null)
        {
            everyDocument = queryParameter.Trim() is "" or "*" or "*:*";
        }
        else if (context.BodyIsOpaque)
        {
            // What it deletes cannot be seen; the generic action-endpoint rule judges it.
            return null;
        }
        else
        {
            everyDocument = QueryMatchesEverything(context.Body);
        }

        if (!everyDocument)
        {
            return null;
        }

        return context.Action(Verb.Delete, Risk.Critical, "search-index", index, "http.search.delete-by-query-all",
            $"Deletes every document of '{index}' (_delete_by_query with a query that matches everything).", [Tags.AllRows]);
    }

    /// <summary>No body, no query, <c>match_all</c>, or a body that cannot be read as JSON but names match_all.</summary>
    internal static bool QueryMatchesEverything(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return true;
        }

        if (body.Length > MaxBodyLength)
        {
            return body.Contains("match_all", StringComparison.Ordinal);
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var query))
            {
                return true;
            }

            if (query.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var clause in query.EnumerateObject())
            {
                if (!string.Equals(clause.Name, "match_all", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return body.Contains("match_all", StringComparison.Ordinal);
        }
    }

    private static bool IsSearchCluster(HttpUrl url)
    {
        var hints = HttpProviderCatalog.Instance.SearchClusters;
        if (url.Port is { } port && hints.Ports.Contains(port))
        {
            return true;
        }

        foreach (var suffix in hints.HostSuffixes)
        {
            if (url.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var label in url.Host.Split('.'))
        {
            if (hints.HostLabels.Contains(label))
            {
                return true;
            }
        }

        return false;
    }
}
