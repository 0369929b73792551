using System.Text.Json;
using Gatehouse.Core.Analysis;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// Classifies a tool Gatehouse has no built-in knowledge of — an MCP tool, or an agent tool not in <see cref="HookTools"/> —
/// from its name and its arguments. Arguments carrying a shell command, SQL or a GraphQL document go to those classifiers;
/// paths to credential files or enforcement settings are credential access or tampering; the name's verb sets a floor:
/// destructive names need at least an approval, and a name that does not read as an observation is never allowed silently.
/// </summary>
internal static class ToolCallClassifier
{
    private const int MaxDepth = 32;
    private const int MaxValues = 10_000;

    private static readonly string[] ShellFields = ["command", "cmd", "script", "shell", "bash", "commandline", "command_line"];
    private static readonly string[] SqlFields = ["sql", "statement", "statements", "sql_query", "sqlquery"];
    private static readonly string[] GraphQLFields = ["graphql", "document", "gql", "query"];
    private static readonly string[] PathFields = ["path", "file_path", "filepath", "file", "filename", "source", "destination", "target", "paths", "files", "uri"];

    public static IReadOnlyList<AgentAction> Classify(string toolName, string? server, JsonElement arguments)
    {
        var (namedServer, tool) = ToolNames.Split(toolName);
        server ??= namedServer;
        var verb = ToolNames.VerbOf(tool);
        var label = server is null ? toolName : $"mcp>{server}>{tool}";
        var actions = new List<AgentAction>();
        var budget = MaxValues;
        if (arguments.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            Walk(arguments, null, 0, verb, label, actions, ref budget);
        }

        var content = actions.Count;
        switch (verb)
        {
            case ToolNameVerb.Destructive:
                actions.Add(Named(label, "mcp.destructive-name", Verb.Delete, Risk.High, $"the tool's name says it destroys something ({tool})"));
                break;
            case ToolNameVerb.Carrier when content == 0:
                actions.Add(Opaque(label, "mcp.opaque-execution", $"{tool} runs something Gatehouse cannot see in its arguments"));
                break;
            case ToolNameVerb.Carrier:
                break;
            case ToolNameVerb.Reading:
                actions.Add(Named(label, "mcp.read-name", Verb.Read, Risk.None, $"the tool's name says it only reads ({tool})"));
                break;
            default:
                actions.Add(Named(label, "mcp.unknown-effect", Verb.Unknown, Risk.High, $"{tool} is a tool Gatehouse does not know, and its name does not say it only reads"));
                break;
        }

        return actions;
    }

    private static void Walk(JsonElement element, string? field, int depth, ToolNameVerb verb, string label, List<AgentAction> actions, ref int budget)
    {
        if (--budget < 0)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            actions.Add(Opaque(label, "mcp.arguments-too-deep", "the arguments nest deeper than Gatehouse inspects"));
            budget = 0;
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, depth + 1, verb, label, actions, ref budget);
                }

                break;
            case JsonValueKind.Array:
                if (field is not null && Is(field, ShellFields) && AllStrings(element))
                {
                    // argv form: ["rm", "-rf", "/data"].
                    ClassifyNested(InputKind.Shell, JoinArgv(element), label, actions);
                    break;
                }

                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, field, depth + 1, verb, label, actions, ref budget);
                }

                break;
            case JsonValueKind.String:
                ClassifyString(element.GetString()!, field, verb, label, actions);
                break;
            default:
                break;
        }
    }

    private static void ClassifyString(string text, string? field, ToolNameVerb verb, string label, List<AgentAction> actions)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (field is not null && Is(field, ShellFields))
        {
            ClassifyNested(InputKind.Shell, text, label, actions);
            return;
        }

        var looksGraphQL = NestedLanguage.LooksLikeGraphQL(text, field is not null && Is(field, GraphQLFields));
        if (looksGraphQL)
        {
            ClassifyNested(InputKind.GraphQL, text, label, actions);
            return;
        }

        if ((field is not null && Is(field, SqlFields)) || NestedLanguage.LooksLikeSql(text))
        {
            ClassifyNested(InputKind.Sql, text, label, actions);
            return;
        }

        if (field is not null && Is(field, PathFields) && text.Length < 4096)
        {
            var path = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
            if (PathClassifier.IsEnforcementControl(path) || CredentialPaths.IsCredential(path))
            {
                actions.Add(verb == ToolNameVerb.Reading
                    ? ToolActionMapper.ReadAction(label, path) with { Path = label }
                    : ToolActionMapper.FileChange(label, path, verb == ToolNameVerb.Destructive ? Verb.Delete : Verb.Update) with { Path = label });
            }
        }
    }

    private static void ClassifyNested(InputKind kind, string text, string label, List<AgentAction> actions)
    {
        var classification = ActionClassifier.Classify(kind, text);
        foreach (var action in classification.Actions)
        {
            actions.Add(action with { Path = $"{label}>{action.Path}" });
        }
    }

    private static bool AllStrings(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return array.GetArrayLength() > 0;
    }

    private static string JoinArgv(JsonElement array)
    {
        var words = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            words.Add(ToolActionMapper.ShellQuote(item.GetString()!));
        }

        return string.Join(' ', words);
    }

    private static bool Is(string field, string[] names)
    {
        foreach (var name in names)
        {
            if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static AgentAction Named(string label, string rule, Verb verb, Risk risk, string reason) =>
        ActionFactory.Simple(label, rule, verb, "tool", label, risk, verb is Verb.Read, reason, Tags.Heuristic);

    private static AgentAction Opaque(string label, string rule, string reason) =>
        ActionFactory.Opaque(label, rule, reason, Risk.High, Verb.Unknown, Tags.Heuristic);
}
