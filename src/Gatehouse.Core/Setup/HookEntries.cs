using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>
/// The hook entries Gatehouse installs in each agent's settings, chosen so that no failure lets a call through where
/// the agent offers a way to say so: every tool matched, failures blocking (Claude Code's <c>onFailure</c>, Cursor's
/// <c>failClosed</c>), and timeouts short enough that nobody is tempted to remove the hook.
/// </summary>
internal static class HookEntries
{
    public const int TimeoutSeconds = 30;

    /// <summary>The resident server answers in milliseconds; a longer wait means it is gone, and the call is blocked.</summary>
    public const int ResidentTimeoutSeconds = 5;

    /// <summary>Cursor's events that Gatehouse guards: shell commands, MCP tool calls and file reads.</summary>
    public static readonly string[] CursorEvents = ["beforeShellExecution", "beforeMCPExecution", "beforeReadFile"];

    public static IReadOnlyList<SettingsEdit> For(HookAgent agent, HookLaunch launch)
    {
        var name = AgentSettings.Name(agent);
        var command = launch.HookCommand(name);
        switch (agent)
        {
            case HookAgent.Claude:
                if (launch.ResidentUrl(name) is { } url)
                {
                    return
                    [
                        new(["hooks", "PreToolUse"], IsOurGroup(name), [Group("*", new JsonObject { ["type"] = "http", ["url"] = url, ["timeout"] = ResidentTimeoutSeconds, ["onFailure"] = "block" })]),
                        new(["hooks", "SessionStart"], IsOurGroup(name), [Group(null, new JsonObject { ["type"] = "command", ["command"] = launch.EnsureServerCommand, ["timeout"] = 15 })]),
                    ];
                }

                return
                [
                    new(["hooks", "PreToolUse"], IsOurGroup(name), [Group("*", new JsonObject { ["type"] = "command", ["command"] = command, ["timeout"] = TimeoutSeconds, ["onFailure"] = "block" })]),
                    new(["hooks", "SessionStart"], IsOurGroup(name), []),
                ];
            case HookAgent.Codex:
                // No matcher: Codex then runs the hook for every tool (shell, apply_patch, MCP).
                return [new(["hooks", "PreToolUse"], IsOurGroup(name), [Group(null, new JsonObject { ["type"] = "command", ["command"] = command, ["timeout"] = TimeoutSeconds })])];
            case HookAgent.Gemini:
                // Gemini's tool matcher is a regular expression; timeouts are in milliseconds.
                return [new(["hooks", "BeforeTool"], IsOurGroup(name), [Group(".*", new JsonObject { ["name"] = "gatehouse", ["type"] = "command", ["command"] = command, ["timeout"] = TimeoutSeconds * 1000 })])];
            case HookAgent.Cursor:
                var edits = new List<SettingsEdit>();
                foreach (var cursorEvent in CursorEvents)
                {
                    edits.Add(new(["hooks", cursorEvent], IsOurs(name, "command"), [new JsonObject { ["command"] = command, ["timeout"] = TimeoutSeconds, ["failClosed"] = true }]));
                }

                return edits;
            case HookAgent.Copilot:
                return
                [
                    new(["hooks", "preToolUse"], IsOurs(name, "bash"), [new JsonObject { ["type"] = "command", ["bash"] = command, ["powershell"] = "& " + command, ["timeoutSec"] = TimeoutSeconds }]),
                ];
            default:
                throw new ArgumentOutOfRangeException(nameof(agent));
        }
    }

    /// <summary>Members a new file needs at the top (Cursor's and Copilot's <c>"version": 1</c>).</summary>
    public static IReadOnlyList<(string Name, JsonNode Value)>? RootDefaults(HookAgent agent) =>
        agent is HookAgent.Cursor or HookAgent.Copilot ? [("version", JsonValue.Create(1))] : null;

    /// <summary>Whether a hook command or URL is Gatehouse's own for <paramref name="agentName"/>.</summary>
    public static bool IsGatehouseHandler(JsonElement handler, string agentName, string commandProperty = "command")
    {
        if (handler.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (handler.TryGetProperty(commandProperty, out var command) && command.ValueKind == JsonValueKind.String)
        {
            var text = command.GetString()!;
            return text.Contains("gatehouse", StringComparison.OrdinalIgnoreCase)
                && (text.EndsWith(" hook " + agentName, StringComparison.Ordinal) || text.Contains(" serve --ensure", StringComparison.Ordinal));
        }

        return handler.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            && url.GetString()!.Contains("/v1/hooks/" + agentName, StringComparison.Ordinal);
    }

    /// <summary>The handlers inside a matcher group (Claude, Codex, Gemini shape).</summary>
    public static IEnumerable<JsonElement> Handlers(JsonElement group) =>
        group.ValueKind == JsonValueKind.Object && group.TryGetProperty("hooks", out var hooks) && hooks.ValueKind == JsonValueKind.Array
            ? hooks.EnumerateArray()
            : [];

    /// <summary>A group is ours only when every handler in it is: a group the user shares with other hooks is never removed.</summary>
    public static Func<JsonElement, bool> IsOurGroup(string agentName) => group =>
    {
        var any = false;
        foreach (var handler in Handlers(group))
        {
            if (!IsGatehouseHandler(handler, agentName))
            {
                return false;
            }

            any = true;
        }

        return any;
    };

    private static Func<JsonElement, bool> IsOurs(string agentName, string commandProperty) => entry => IsGatehouseHandler(entry, agentName, commandProperty);

    private static JsonObject Group(string? matcher, JsonObject handler)
    {
        var group = new JsonObject();
        if (matcher is not null)
        {
            group["matcher"] = matcher;
        }

        group["hooks"] = new JsonArray(handler);
        return group;
    }
}
