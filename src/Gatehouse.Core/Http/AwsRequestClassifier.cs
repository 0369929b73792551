using System.Text.Json;
using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// AWS's query protocol (<c>Action=DeleteDBInstance</c> in the query string or a form body) and JSON protocol
/// (<c>X-Amz-Target: DynamoDB_20120810.DeleteTable</c>). The verb comes from the action name's first word;
/// data-store deletions are critical, backup deletions tag <c>destroys-backups</c>, and parameters such as
/// <c>SkipFinalSnapshot=true</c> escalate.
/// </summary>
internal static class AwsRequestClassifier
{
    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        string? action = null;
        var target = context.Header("X-Amz-Target");
        if (!string.IsNullOrWhiteSpace(target))
        {
            var dot = target.LastIndexOf('.');
            action = (dot >= 0 ? target[(dot + 1)..] : target).Trim();
            ReadJsonParameters(context.Body, parameters);
        }
        else
        {
            var isAwsHost = IsAwsHost(context.Url.Host);
            parameters.AddRange(context.Url.Query);
            if (!context.BodyIsOpaque && context.Body is { Length: > 0 } body && body.TrimStart().Length > 0 && body.TrimStart()[0] is not ('{' or '['))
            {
                parameters.AddRange(HttpUrl.ParseQuery(body.Trim()));
            }

            action = Find(parameters, "Action");
            // "Action=" is an ordinary word elsewhere; only AWS hosts, or a request that also names the API Version, count.
            if (action is null || !(isAwsHost || Find(parameters, "Version") is not null))
            {
                return null;
            }
        }

        if (action.Length == 0)
        {
            return null;
        }

        return Classify(context, action, parameters);
    }

    internal static bool IsAwsHost(string host) =>
        host.EndsWith(".amazonaws.com", StringComparison.Ordinal) || host.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal) || host == "amazonaws.com";

    private static AgentAction Classify(HttpRequestContext context, string action, List<KeyValuePair<string, string?>> parameters)
    {
        var catalog = HttpProviderCatalog.Instance;
        var words = MutationVerbs.SplitWords(action);
        var (verb, risk) = EffectOf(words.Count > 0 ? words[0] : string.Empty);
        var resource = words.Count > 1 ? string.Join('-', words.GetRange(1, words.Count - 1)) : null;
        var kind = resource is null ? "aws-resource" : catalog.AwsKinds.TryGetValue(resource, out var shared) ? shared : "aws-" + resource;
        var tags = new List<string>();
        var reason = $"AWS action {action}";
        if (catalog.AwsBackupActions.Contains(action))
        {
            verb = Verb.Delete;
            risk = Risk.Critical;
            tags.Add(Tags.DestroysBackups);
            reason += " deletes backups or snapshots";
        }
        else if (catalog.AwsCriticalActions.Contains(action))
        {
            risk = Risk.Critical;
            reason += " destroys a data store or whole stack";
        }

        foreach (var escalation in catalog.AwsEscalations)
        {
            var value = Find(parameters, escalation.Parameter);
            if (value is not null && string.Equals(value.Trim(), escalation.EqualsValue, StringComparison.OrdinalIgnoreCase))
            {
                risk = Risk.Critical;
                if (!tags.Contains(escalation.Tag))
                {
                    tags.Add(escalation.Tag);
                }

                reason += ", " + escalation.Reason;
            }
        }

        return context.Action(verb, risk, kind, FindId(parameters, catalog), "http.aws." + action, reason + ".", tags);
    }

    private static (Verb Verb, Risk Risk) EffectOf(string firstWord) => firstWord switch
    {
        "describe" or "get" or "head" or "lookup" or "scan" or "query" or "search" or "select" or "check" or "validate" or "estimate"
            or "preview" or "simulate" or "test" or "view" or "poll" or "receive" or "download" or "filter" or "decode" or "verify" => (Verb.Read, Risk.None),
        "list" => (Verb.List, Risk.None),
        "delete" or "terminate" or "purge" or "destroy" or "deregister" or "remove" or "schedule" or "erase" => (Verb.Delete, Risk.High),
        "revoke" => (Verb.Revoke, Risk.High),
        "authorize" => (Verb.Grant, Risk.High),
        "stop" or "detach" or "disassociate" or "disable" or "cancel" or "reset" or "restore" or "rollback" or "failover" or "promote" or "reject" => (Verb.Update, Risk.High),
        "reboot" or "modify" or "update" or "put" or "set" or "attach" or "associate" or "enable" or "tag" or "untag" or "copy" or "import"
            or "register" or "add" or "change" or "replace" or "batch" or "apply" or "accept" or "resize" or "upload" or "increase" or "decrease" => (Verb.Update, Risk.Medium),
        "create" or "run" or "start" or "allocate" or "request" or "send" or "publish" or "issue" or "generate" or "allow" => (Verb.Create, Risk.Medium),
        "invoke" or "execute" => (Verb.Execute, Risk.Medium),
        _ => (Verb.Unknown, Risk.High),
    };

    private static string? FindId(List<KeyValuePair<string, string?>> parameters, HttpProviderCatalog catalog)
    {
        foreach (var name in catalog.AwsIdParameters)
        {
            var value = Find(parameters, name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        foreach (var pair in parameters)
        {
            if (pair.Key is not ("Action" or "Version") && !string.IsNullOrEmpty(pair.Value) &&
                (pair.Key.EndsWith("Identifier", StringComparison.Ordinal) || pair.Key.EndsWith("Id", StringComparison.Ordinal) || pair.Key.EndsWith("Name", StringComparison.Ordinal)))
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static string? Find(List<KeyValuePair<string, string?>> parameters, string name)
    {
        foreach (var pair in parameters)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value ?? string.Empty;
            }
        }

        return null;
    }

    private static void ReadJsonParameters(string? body, List<KeyValuePair<string, string?>> parameters)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
                if (value is not null)
                {
                    parameters.Add(new KeyValuePair<string, string?>(property.Name, value));
                }
            }
        }
        catch (JsonException)
        {
            // The target header already names the action; unreadable parameters only cost the resource id.
        }
    }
}
