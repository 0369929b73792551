using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// The HTTP APIs of configuration and secret stores, where one request can wipe a whole tree: Consul's
/// <c>DELETE /v1/kv/…?recurse</c>, etcd v2 <c>DELETE /v2/keys/…?recursive=true</c>, etcd v3's
/// <c>POST /v3/kv/deleterange</c> with a range, and Vault's <c>DELETE /v1/{mount}/metadata/…</c> (every version).
/// </summary>
internal static class KeyValueStoreRequestClassifier
{
    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var segments = context.Url.Segments;
        if (segments.Count < 2)
        {
            return null;
        }

        if (context.Method == "DELETE")
        {
            return ConsulRecursiveDelete(context, segments) ?? EtcdV2RecursiveDelete(context, segments) ?? VaultMetadataDelete(context, segments);
        }

        return context.Method == "POST" ? EtcdV3DeleteRange(context, segments) : null;
    }

    private static AgentAction? ConsulRecursiveDelete(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        if (!Is(segments[0], "v1") || !Is(segments[1], "kv") || !IsSetFlag(context.Url.QueryValue("recurse")))
        {
            return null;
        }

        var prefix = Remainder(segments, 2);
        return context.Action(Verb.Delete, Risk.Critical, "kv-prefix", prefix, "http.consul.kv-recursive-delete",
            prefix == "/" ? "Deletes every key in Consul's KV store." : $"Deletes every Consul key under '{prefix}'.", [Tags.AllResources, Tags.Recursive]);
    }

    private static AgentAction? EtcdV2RecursiveDelete(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        if (!Is(segments[0], "v2") || !Is(segments[1], "keys") ||
            !(IsSetFlag(context.Url.QueryValue("recursive")) || IsSetFlag(context.Url.QueryValue("dir"))))
        {
            return null;
        }

        var prefix = Remainder(segments, 2);
        return context.Action(Verb.Delete, Risk.Critical, "kv-prefix", prefix, "http.etcd.recursive-delete",
            $"Deletes the etcd directory '{prefix}' and everything under it.", [Tags.AllResources, Tags.Recursive]);
    }

    private static AgentAction? VaultMetadataDelete(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        if (segments.Count < 4 || !Is(segments[0], "v1") || !Is(segments[2], "metadata"))
        {
            return null;
        }

        var secret = segments[1] + "/" + Remainder(segments, 3).TrimStart('/');
        return context.Action(Verb.Delete, Risk.Critical, "secret", secret, "http.vault.delete-metadata",
            $"Deletes secret '{secret}' with every version and its history (Vault KV metadata delete).");
    }

    private static AgentAction? EtcdV3DeleteRange(HttpRequestContext context, IReadOnlyList<string> segments)
    {
        if (segments.Count != 3 || !segments[0].StartsWith("v3", StringComparison.OrdinalIgnoreCase) ||
            !Is(segments[1], "kv") || !Is(segments[2], "deleterange"))
        {
            return null;
        }

        // A range_end turns one key into a prefix or a whole keyspace; an unreadable body may hold one.
        if (context.BodyIsOpaque || HasRangeEnd(context.Body))
        {
            return context.Action(Verb.Delete, Risk.Critical, "kv-prefix", context.Url.Endpoint, "http.etcd.delete-range",
                "Deletes a range of etcd keys (deleterange with range_end).", [Tags.AllResources]);
        }

        return context.Action(Verb.Delete, Risk.High, "kv-key", context.Url.Endpoint, "http.etcd.delete-key", "Deletes an etcd key.");
    }

    private static bool HasRangeEnd(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind != JsonValueKind.Object || document.RootElement.TryGetProperty("range_end", out _);
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>Consul and etcd read a bare flag (<c>?recurse</c>) or any value but false as set.</summary>
    private static bool IsSetFlag(string? value) =>
        value is not null && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);

    private static string Remainder(IReadOnlyList<string> segments, int start) =>
        segments.Count <= start ? "/" : "/" + string.Join('/', segments.Skip(start));
}
