using Gatehouse.Core.Model;

namespace Gatehouse.Core.Analysis;

/// <summary>Actions the walker itself produces, for things no catalog or nested classifier covers.</summary>
internal static class ActionFactory
{
    public static AgentAction Opaque(string tool, string ruleId, string reason, Risk risk = Risk.High, Verb verb = Verb.Execute, params string[] tags) => new()
    {
        Verb = verb,
        Target = ResourceRef.Of("code"),
        Tool = tool,
        Reversible = false,
        Risk = risk,
        Path = tool,
        RuleId = ruleId,
        Reason = reason,
        Tags = [Tags.Opaque, .. tags],
    };

    public static AgentAction ParseError(string tool, string message) => Opaque(
        tool,
        "gatehouse.parse-error",
        $"the input could not be parsed ({message}), so what it runs is unknown",
        Risk.High,
        Verb.Unknown,
        Tags.ParseError);

    public static AgentAction UnknownProgram(string name) => new()
    {
        Verb = Verb.Execute,
        Target = ResourceRef.Of("program", name),
        Tool = name,
        Reversible = true,
        Risk = Risk.Low,
        Path = name,
        RuleId = "gatehouse.unknown-program",
        Reason = $"runs {name}, a program the catalog does not describe",
    };

    public static AgentAction Simple(string tool, string ruleId, Verb verb, string kind, string? id, Risk risk, bool reversible, string reason, params string[] tags) => new()
    {
        Verb = verb,
        Target = ResourceRef.Of(kind, id),
        Tool = tool,
        Reversible = reversible,
        Risk = risk,
        Path = tool,
        RuleId = ruleId,
        Reason = reason,
        Tags = tags,
    };
}
