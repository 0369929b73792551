using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// The Kubernetes API's REST paths (<c>/api/v1/…</c>, <c>/apis/{group}/{version}/…</c>): deleting a namespace
/// or a whole collection is critical, deleting data-bearing resources is critical, scaling to zero replicas is
/// an outage, <c>pods/exec</c> runs code. <c>?dryRun=All</c> changes nothing.
/// </summary>
internal static class KubernetesRequestClassifier
{
    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var segments = context.Url.Segments;
        int start;
        if (segments.Count >= 3 && segments[0] == "api" && segments[1] == "v1")
        {
            start = 2;
            var first = segments[2];
            if (!HttpProviderCatalog.Instance.KubernetesCoreResources.Contains(first))
            {
                return null;
            }
        }
        else if (segments.Count >= 4 && segments[0] == "apis" && IsVersion(segments[2]))
        {
            start = 3;
        }
        else
        {
            return null;
        }

        string? ns = null;
        var index = start;
        string resource;
        string? name;
        string? subresource;
        if (segments[index] == "namespaces" && segments.Count == index + 3 && segments[index + 2] is "finalize" or "status")
        {
            // A namespace's own subresource, not a collection inside it.
            resource = "namespaces";
            name = segments[index + 1];
            subresource = segments[index + 2];
        }
        else
        {
            if (segments[index] == "namespaces" && segments.Count > index + 2)
            {
                ns = segments[index + 1];
                index += 2;
            }

            resource = segments[index];
            name = segments.Count > index + 1 ? segments[index + 1] : null;
            subresource = segments.Count > index + 2 ? segments[index + 2] : null;
        }

        var hints = new List<string>(context.Hints);
        if (ns is not null)
        {
            hints.Add(ns);
        }
        else if (resource == "namespaces" && name is not null)
        {
            hints.Add(name);
        }

        var action = Classify(context, ns, resource, name, subresource);
        action = action with { EnvironmentHints = hints };
        if (IsDryRun(context) && !context.IsSafeMethod)
        {
            action = action with { Risk = Risk.None, Reversible = true, Tags = [.. action.Tags, Tags.DryRun], Reason = action.Reason + " (server-side dry run: nothing is persisted)" };
        }

        return action;
    }

    private static AgentAction Classify(HttpRequestContext context, string? ns, string resource, string? name, string? subresource)
    {
        var kind = Singular(resource);
        var id = name is null ? ns : ns is null ? name : ns + "/" + name;
        var critical = HttpProviderCatalog.Instance.KubernetesCriticalResources.Contains(resource);
        var where = ns is null ? "cluster-wide" : $"in namespace '{ns}'";

        if (subresource is not null)
        {
            return Subresource(context, kind, id, subresource);
        }

        switch (context.Method)
        {
            case "GET" or "HEAD" or "OPTIONS":
                return name is null
                    ? context.Action(Verb.List, Risk.None, kind, ns, "http.kubernetes.list", $"Lists {resource} {where}.")
                    : context.Action(Verb.Read, Risk.None, kind, id, "http.kubernetes.get", $"Reads {kind} '{name}'.");
            case "DELETE" when name is null:
                return context.Action(Verb.Delete, Risk.Critical, kind, ns, "http.kubernetes.delete-collection",
                    $"Deletes every {kind} {where}{(context.Url.HasQueryKey("labelSelector") ? " matching a label selector" : string.Empty)}.", [Tags.AllResources]);
            case "DELETE" when resource == "namespaces":
                return context.Action(Verb.Delete, Risk.Critical, "namespace", name, "http.kubernetes.delete-namespace",
                    $"Deletes namespace '{name}' and everything in it.", [Tags.Cascade]);
            case "DELETE":
                return context.Action(Verb.Delete, critical ? Risk.Critical : Risk.High, kind, id, "http.kubernetes.delete",
                    $"Deletes {kind} '{name}' {where}.");
            case "POST":
                return context.Action(Verb.Create, Risk.Medium, kind, id, "http.kubernetes.create", $"Creates a {kind} {where}.");
            case "PUT" or "PATCH":
                return ScalesToZero(context.Body)
                    ? context.Action(Verb.Update, Risk.High, kind, id, "http.kubernetes.scale-to-zero", $"Scales {kind} '{name}' to zero replicas (outage).")
                    : context.Action(Verb.Update, Risk.Medium, kind, id, "http.kubernetes.update", $"Updates {kind} '{name}' {where}.");
            default:
                return context.Action(Verb.Unknown, Risk.High, kind, id, "http.kubernetes.unknown-method", $"{context.Method} on {kind} '{name}'.", [Tags.Opaque]);
        }
    }

    private static AgentAction Subresource(HttpRequestContext context, string kind, string? id, string subresource)
    {
        switch (subresource)
        {
            case "exec" or "attach" or "portforward" or "proxy":
                return context.Action(Verb.Execute, Risk.High, kind, id, "http.kubernetes." + subresource, $"Runs '{subresource}' against {kind} '{id}'.");
            case "log":
                return context.Action(Verb.Read, Risk.None, kind, id, "http.kubernetes.log", $"Reads logs of {kind} '{id}'.");
            case "eviction":
                return context.Action(Verb.Delete, Risk.Medium, kind, id, "http.kubernetes.evict", $"Evicts {kind} '{id}'.");
            case "finalize" when !context.IsSafeMethod:
                return context.Action(Verb.Update, Risk.High, kind, id, "http.kubernetes.finalize", $"Rewrites the finalizers of {kind} '{id}', forcing its removal.", [Tags.Force]);
            case "scale" when !context.IsSafeMethod:
                return ScalesToZero(context.Body)
                    ? context.Action(Verb.Update, Risk.High, kind, id, "http.kubernetes.scale-to-zero", $"Scales {kind} '{id}' to zero replicas (outage).")
                    : context.Action(Verb.Update, Risk.Medium, kind, id, "http.kubernetes.scale", $"Scales {kind} '{id}'.");
            default:
                return context.IsSafeMethod
                    ? context.Action(Verb.Read, Risk.None, kind, id, "http.kubernetes.get-subresource", $"Reads '{subresource}' of {kind} '{id}'.")
                    : context.Action(Verb.Update, Risk.Medium, kind, id, "http.kubernetes.update-subresource", $"Updates '{subresource}' of {kind} '{id}'.");
        }
    }

    private static bool IsDryRun(HttpRequestContext context) =>
        string.Equals(context.Url.QueryValue("dryRun"), "All", StringComparison.OrdinalIgnoreCase);

    private static bool IsVersion(string segment) => segment.Length >= 2 && segment[0] == 'v' && char.IsAsciiDigit(segment[1]);

    private static string Singular(string resource)
    {
        if (resource.EndsWith("sses", StringComparison.Ordinal) || resource.EndsWith("xes", StringComparison.Ordinal))
        {
            return resource[..^2];
        }

        if (resource.EndsWith("ies", StringComparison.Ordinal))
        {
            return resource[..^3] + "y";
        }

        return resource.EndsWith('s') ? resource[..^1] : resource;
    }

    /// <summary>True when a scale or patch body sets replicas to 0 (merge patch, full object, or JSON patch).</summary>
    internal static bool ScalesToZero(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return HasZeroReplicas(document.RootElement, 0);
        }
        catch (JsonException)
        {
            // YAML or other bodies: a plain textual check keeps "replicas: 0" visible.
            return body.Contains("replicas: 0", StringComparison.Ordinal) || body.Contains("replicas:0", StringComparison.Ordinal);
        }
    }

    private static bool HasZeroReplicas(JsonElement element, int depth)
    {
        if (depth > 6)
        {
            return false;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                // JSON patch: {"op": "replace", "path": "/spec/replicas", "value": 0}
                if (item.ValueKind == JsonValueKind.Object &&
                    item.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String &&
                    path.GetString()!.EndsWith("/replicas", StringComparison.Ordinal) &&
                    item.TryGetProperty("value", out var value) && IsZero(value))
                {
                    return true;
                }
            }

            return false;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("replicas") && IsZero(property.Value))
            {
                return true;
            }

            if (property.NameEquals("spec") && HasZeroReplicas(property.Value, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsZero(JsonElement value) =>
        (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number == 0) ||
        (value.ValueKind == JsonValueKind.String && value.GetString() == "0");
}
