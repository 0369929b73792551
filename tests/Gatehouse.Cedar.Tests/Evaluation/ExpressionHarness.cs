namespace Gatehouse.Cedar.Tests.Evaluation;

/// <summary>Evaluates one condition through a real policy set: "true", "false" or "error".</summary>
internal static class ExpressionHarness
{
    public const string Entities = """
        [
          {"uid": {"type": "User", "id": "alice"}, "attrs": {"age": 30, "name": "Alice", "tags": ["a", "b"],
            "address": {"city": "Paris", "zip": "75001"}, "manager": {"__entity": {"type": "User", "id": "bob"}}},
            "parents": [{"type": "Group", "id": "staff"}], "tags": {"level": 3}},
          {"uid": {"type": "User", "id": "bob"}, "attrs": {}, "parents": [{"type": "Group", "id": "admins"}]},
          {"uid": {"type": "Group", "id": "staff"}, "attrs": {}, "parents": [{"type": "Group", "id": "everyone"}]},
          {"uid": {"type": "Group", "id": "admins"}, "attrs": {}, "parents": [{"type": "Group", "id": "staff"}]},
          {"uid": {"type": "Group", "id": "everyone"}, "attrs": {}, "parents": []},
          {"uid": {"type": "Action", "id": "view"}, "attrs": {}, "parents": [{"type": "Action", "id": "read"}]},
          {"uid": {"type": "Action", "id": "read"}, "attrs": {}, "parents": []},
          {"uid": {"type": "Doc", "id": "d1"}, "attrs": {"owner": {"__entity": {"type": "User", "id": "alice"}}}, "parents": []}
        ]
        """;

    private static readonly Entities Store = Cedar.Entities.FromJson(Entities);

    public static readonly AuthorizationRequest Request = new(
        new EntityUid("User", "alice"),
        new EntityUid("Action", "view"),
        new EntityUid("Doc", "d1"),
        CedarRecord.Of([new("ip", CedarValue.Of("10.0.0.1")), new("n", CedarValue.Of(5))]));

    public static string Evaluate(string condition)
    {
        var policies = PolicySet.Parse($"permit(principal, action, resource) when {{ {condition} }};");
        var response = Authorizer.IsAuthorized(Request, policies, Store);
        if (response.Errors.Count > 0)
        {
            return "error";
        }

        return response.Decision == CedarDecision.Allow ? "true" : "false";
    }

    public static string ErrorOf(string condition)
    {
        var policies = PolicySet.Parse($"permit(principal, action, resource) when {{ {condition} }};");
        var response = Authorizer.IsAuthorized(Request, policies, Store);
        return response.Errors.Count == 1 ? response.Errors[0].Message : "no error";
    }
}
