using System.Globalization;
using Gatehouse.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Reads an explicit action from a test case, for policies that must be tested on an action no command
/// produces today. Unspecified facts take the cautious value for the verb: a delete is irreversible and
/// high risk unless the case says otherwise.
/// </summary>
internal static class PolicyTestActionReader
{
    public static AgentAction Read(string source, YamlNode node)
    {
        var map = YamlInput.Mapping(source, node, "action");
        Verb? verb = null;
        string? kind = null;
        string? id = null;
        List<string> tags = [];
        List<string> environments = [];
        string tool = "policy-test";
        bool? reversible = null;
        Risk? risk = null;
        string? path = null;
        foreach (var (keyNode, value) in map.Children)
        {
            switch (YamlInput.Scalar(source, keyNode, "a key"))
            {
                case "verb":
                    verb = ParseVerb(source, value);
                    break;
                case "kind":
                    kind = YamlInput.Scalar(source, value, "kind");
                    break;
                case "id":
                    id = YamlInput.Scalar(source, value, "id");
                    break;
                case "tags":
                    tags = YamlInput.Strings(source, value, "tags");
                    break;
                case "environments":
                    environments = YamlInput.Strings(source, value, "environments");
                    break;
                case "tool":
                    tool = YamlInput.Scalar(source, value, "tool");
                    break;
                case "reversible":
                    reversible = ParseBool(source, value, "reversible");
                    break;
                case "risk":
                    risk = ParseRisk(source, value);
                    break;
                case "path":
                    path = YamlInput.Scalar(source, value, "path");
                    break;
                case var other:
                    throw YamlInput.Error(source, keyNode, $"unknown key '{other}' in an action (verb, kind, id, tags, environments, tool, reversible, risk, path).");
            }
        }

        if (verb is not { } v || kind is null)
        {
            throw YamlInput.Error(source, map, "an action needs at least 'verb' and 'kind'.");
        }

        var reads = v is Verb.Read or Verb.List;
        var destroys = v is Verb.Delete or Verb.Revoke or Verb.Unknown;
        return new AgentAction
        {
            Verb = v,
            Target = new ResourceRef(kind, id, environments),
            Tool = tool,
            Reversible = reversible ?? !destroys,
            Risk = risk ?? (reads ? Risk.None : destroys ? Risk.High : Risk.Medium),
            Path = path ?? tool,
            RuleId = "policy-test.action",
            Reason = $"test action: {WireNameOf(v)} {kind}{(id is null ? string.Empty : " " + id)}",
            Tags = tags,
            EnvironmentHints = environments,
        };
    }

    private static string WireNameOf(Verb verb) => Reporting.WireNames.Of(verb);

    private static Verb ParseVerb(string source, YamlNode value)
    {
        var text = YamlInput.Scalar(source, value, "verb");
        foreach (var verb in Enum.GetValues<Verb>())
        {
            if (string.Equals(Reporting.WireNames.Of(verb), text, StringComparison.Ordinal))
            {
                return verb;
            }
        }

        throw YamlInput.Error(source, value, $"unknown verb '{text}' (read, list, create, update, delete, execute, grant, revoke, deploy, unknown).");
    }

    private static Risk ParseRisk(string source, YamlNode value)
    {
        var text = YamlInput.Scalar(source, value, "risk");
        foreach (var risk in Enum.GetValues<Risk>())
        {
            if (string.Equals(Reporting.WireNames.Of(risk), text, StringComparison.Ordinal)
                || string.Equals(((int)risk).ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal))
            {
                return risk;
            }
        }

        throw YamlInput.Error(source, value, $"unknown risk '{text}' (none, low, medium, high, critical).");
    }

    private static bool ParseBool(string source, YamlNode value, string what) => YamlInput.Scalar(source, value, what) switch
    {
        "true" => true,
        "false" => false,
        var other => throw YamlInput.Error(source, value, $"{what} must be true or false, not '{other}'."),
    };
}
