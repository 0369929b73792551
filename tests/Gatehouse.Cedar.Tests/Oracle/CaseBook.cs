namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>Shorthand for hand-written differential cases: a default world (alice, a view action, photo p) that each case overrides.</summary>
internal static class CaseBook
{
    public const string Alice = "{\"type\":\"User\",\"id\":\"alice\"}";
    public const string View = "{\"type\":\"Action\",\"id\":\"view\"}";
    public const string Photo = "{\"type\":\"Photo\",\"id\":\"p\"}";

    /// <summary>alice (age 30, in Group::"staff", tagged env=prod) viewing photo p (owned by alice, in Album::"trip").</summary>
    public const string World = """
        [
          {"uid":{"type":"User","id":"alice"},"attrs":{"age":30,"name":"alice","roles":["dev","ops"],
            "info":{"level":3,"active":true},"addr":{"__extn":{"fn":"ip","arg":"10.1.2.3"}},
            "balance":{"__extn":{"fn":"decimal","arg":"12.50"}},"manager":{"__entity":{"type":"User","id":"bob"}}},
            "parents":[{"type":"Group","id":"staff"}],"tags":{"env":"prod","level":2}},
          {"uid":{"type":"User","id":"bob"},"attrs":{"age":9223372036854},"parents":[{"type":"Group","id":"admins"}]},
          {"uid":{"type":"Group","id":"staff"},"attrs":{},"parents":[{"type":"Group","id":"all"}]},
          {"uid":{"type":"Group","id":"admins"},"attrs":{},"parents":[{"type":"Group","id":"all"}]},
          {"uid":{"type":"Group","id":"all"},"attrs":{},"parents":[]},
          {"uid":{"type":"Photo","id":"p"},"attrs":{"owner":{"__entity":{"type":"User","id":"alice"}},"private":false,"size":2048},
            "parents":[{"type":"Album","id":"trip"}]},
          {"uid":{"type":"Album","id":"trip"},"attrs":{},"parents":[{"type":"Album","id":"all"}]},
          {"uid":{"type":"Album","id":"all"},"attrs":{},"parents":[]},
          {"uid":{"type":"Action","id":"view"},"attrs":{},"parents":[{"type":"Action","id":"read"}]},
          {"uid":{"type":"Action","id":"read"},"attrs":{},"parents":[]}
        ]
        """;

    public const string DefaultContext =
        """{"ip":{"__extn":{"fn":"ip","arg":"192.168.1.7"}},"hour":14,"mfa":true,"when":{"__extn":{"fn":"datetime","arg":"2024-06-15T10:00:00Z"}},"tags":["a","b"]}""";

    public static DifferentialCase Case(
        string name, string policies, string entities = World, string principal = Alice, string action = View,
        string resource = Photo, string context = DefaultContext) =>
        new(name, policies, entities,
            $"{{\"principal\":{principal},\"action\":{action},\"resource\":{resource},\"context\":{context}}}");

    /// <summary>A single permit whose condition is the expression: Allow when true, Deny when false, an error when it errors.</summary>
    public static DifferentialCase When(string name, string expression) =>
        Case(name, $"permit(principal, action, resource) when {{ {expression} }};");
}
