using Gatehouse.Cedar.Json;

namespace Gatehouse.Cedar;

/// <summary>Who (principal) wants to do what (action) to which resource, with what context.</summary>
public sealed record AuthorizationRequest(EntityUid Principal, EntityUid Action, EntityUid Resource, CedarRecord Context)
{
    /// <summary>Reads <c>{"principal", "action", "resource", "context"}</c>; uids as JSON objects or Cedar text.</summary>
    public static AuthorizationRequest FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return RequestJsonReader.Read(json);
    }
}
