using System.Text.Json;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// Reads each agent's documented pre-tool payload (shared/reference/A, §3) into one <see cref="HookRequest"/>.
/// Anything that does not fit the protocol throws <see cref="HookPayloadException"/>, which the handler turns into a block.
/// </summary>
internal static class HookPayloadParser
{
    /// <summary>Duplicate keys are rejected: an agent's parser and ours could pick different copies of <c>command</c>.</summary>
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public static HookRequest Parse(HookAgent agent, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrWhiteSpace(payload))
        {
            throw new HookPayloadException("the hook received no payload on standard input");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(payload, Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new HookPayloadException($"the hook payload is not valid JSON ({exception.Message})", exception);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new HookPayloadException("the hook payload is not a JSON object");
        }

        return agent switch
        {
            HookAgent.Cursor => ParseCursor(root),
            HookAgent.Copilot => ParseCopilot(root),
            HookAgent.Gemini => ParseToolCall(root, "BeforeTool", isMcp: root.TryGetProperty("mcp_context", out var mcp) && mcp.ValueKind == JsonValueKind.Object, McpServerOf(root)),
            _ => ParseToolCall(root, "PreToolUse", isMcp: false, mcpServer: null),
        };
    }

    /// <summary>Claude Code, Codex CLI and Gemini CLI: <c>session_id, cwd, hook_event_name, tool_name, tool_input{…}</c>.</summary>
    private static HookRequest ParseToolCall(JsonElement root, string defaultEvent, bool isMcp, string? mcpServer)
    {
        var tool = RequiredString(root, "tool_name");
        var input = ObjectOrJsonString(root, "tool_input");
        return new HookRequest(
            OptionalString(root, "hook_event_name") ?? defaultEvent,
            tool,
            input,
            OptionalString(root, "session_id"),
            OptionalString(root, "cwd"),
            isMcp,
            mcpServer,
            DescriptionOf(input));
    }

    /// <summary>
    /// Cursor: <c>beforeShellExecution{command, cwd}</c>, <c>beforeMCPExecution{tool_name, tool_input, url|command}</c>,
    /// <c>beforeReadFile{file_path, content}</c>, and the newer <c>preToolUse{tool_name, tool_input}</c>.
    /// </summary>
    private static HookRequest ParseCursor(JsonElement root)
    {
        var eventName = RequiredString(root, "hook_event_name");
        var session = OptionalString(root, "conversation_id");
        var cwd = OptionalString(root, "cwd") ?? FirstWorkspaceRoot(root);
        switch (eventName)
        {
            case "beforeShellExecution":
                _ = RequiredString(root, "command");
                return new HookRequest(eventName, "Shell", root, session, cwd, false, null, null);
            case "beforeReadFile":
                _ = RequiredString(root, "file_path");
                return new HookRequest(eventName, "Read", root, session, cwd, false, null, null);
            case "beforeMCPExecution":
                var server = OptionalString(root, "server") ?? OptionalString(root, "url") ?? OptionalString(root, "command");
                return new HookRequest(eventName, RequiredString(root, "tool_name"), ObjectOrJsonString(root, "tool_input"), session, cwd, true, server, null);
            case "preToolUse":
                var input = ObjectOrJsonString(root, "tool_input");
                return new HookRequest(eventName, RequiredString(root, "tool_name"), input, session, cwd, false, null, DescriptionOf(input));
            default:
                throw new HookPayloadException($"Cursor event '{eventName}' is not a pre-execution event Gatehouse can decide; wire Gatehouse to beforeShellExecution, beforeMCPExecution, beforeReadFile or preToolUse");
        }
    }

    /// <summary>
    /// Copilot CLI: <c>{sessionId, timestamp, cwd, toolName, toolArgs}</c> with <c>toolArgs</c> a JSON string, or with the
    /// PascalCase <c>PreToolUse</c> event the snake_case <c>{hook_event_name, session_id, tool_name, tool_input}</c> shape.
    /// Property names are matched in either spelling (<c>toolName</c>, <c>ToolName</c>, <c>tool_name</c>).
    /// </summary>
    private static HookRequest ParseCopilot(JsonElement root)
    {
        var tool = AnyString(root, "toolName", "ToolName", "tool_name") ?? throw new HookPayloadException("the Copilot payload names no tool (toolName or tool_name)");
        var input = HasAny(root, "toolArgs", "ToolArgs")
            ? ObjectOrJsonString(root, First(root, "toolArgs", "ToolArgs"))
            : ObjectOrJsonString(root, First(root, "tool_input", "toolInput", "ToolInput"));
        return new HookRequest(
            AnyString(root, "hook_event_name", "hookEventName") ?? "preToolUse",
            tool,
            input,
            AnyString(root, "sessionId", "SessionId", "session_id"),
            AnyString(root, "cwd", "Cwd"),
            false,
            null,
            DescriptionOf(input));
    }

    private static string? McpServerOf(JsonElement root) =>
        root.TryGetProperty("mcp_context", out var context) && context.ValueKind == JsonValueKind.Object
            ? OptionalString(context, "server_name") ?? OptionalString(context, "serverName") ?? OptionalString(context, "server")
            : null;

    private static string? DescriptionOf(JsonElement input) =>
        input.ValueKind == JsonValueKind.Object ? OptionalString(input, "description") : null;

    private static string? FirstWorkspaceRoot(JsonElement root)
    {
        if (root.TryGetProperty("workspace_roots", out var roots) && roots.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in roots.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    return item.GetString();
                }
            }
        }

        return null;
    }

    /// <summary>The tool arguments: an object, or a string holding one (Copilot's <c>toolArgs</c>). Absent arguments are allowed; the mapper decides whether the tool needs them.</summary>
    private static JsonElement ObjectOrJsonString(JsonElement root, string? name)
    {
        if (name is null || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                return default;
            }

            try
            {
                using var nested = JsonDocument.Parse(text, Options);
                if (nested.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new HookPayloadException($"'{name}' holds JSON that is not an object");
                }

                return nested.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new HookPayloadException($"'{name}' is a string but not JSON arguments ({exception.Message})", exception);
            }
        }

        throw new HookPayloadException($"'{name}' is neither an object nor a JSON string");
    }

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) is { Length: > 0 } value ? value : throw new HookPayloadException($"the payload has no '{name}'");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? AnyString(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (OptionalString(element, name) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static bool HasAny(JsonElement element, params ReadOnlySpan<string> names) => First(element, names) is not null;

    private static string? First(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out _))
            {
                return name;
            }
        }

        return null;
    }
}
