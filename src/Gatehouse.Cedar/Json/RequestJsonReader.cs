using System.Text.Json;

namespace Gatehouse.Cedar.Json;

internal static class RequestJsonReader
{
    public static AuthorizationRequest Read(string json) => JsonInput.Read(json, "request", ReadRoot);

    private static AuthorizationRequest ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CedarException("invalid request JSON: expected an object");
        }

        var context = CedarRecord.Empty;
        if (root.TryGetProperty("context", out var contextJson) && contextJson.ValueKind != JsonValueKind.Null)
        {
            context = CedarJsonReader.ReadValue(contextJson, "request context", 0) as CedarRecord
                ?? throw new CedarException("invalid request JSON: \"context\" must be an object");
        }

        return new AuthorizationRequest(Uid(root, "principal"), Uid(root, "action"), Uid(root, "resource"), context);
    }

    private static EntityUid Uid(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new CedarException($"invalid request JSON: missing \"{name}\"");
        }

        return value.ValueKind == JsonValueKind.String
            ? EntityUid.Parse(value.GetString()!)
            : CedarJsonReader.ReadUid(value, $"request {name}");
    }
}
