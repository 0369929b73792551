using System.Text.Json;

namespace Gatehouse.Core.Tests.Hooks;

/// <summary>Builds payloads in each agent's documented shape (shared/reference/A, §3).</summary>
internal static class HookTestPayloads
{
    public const string Cwd = "/home/dev/shop";

    public static string Claude(string tool, object input) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["session_id"] = "sess-1",
        ["transcript_path"] = "/home/dev/.claude/projects/t.jsonl",
        ["cwd"] = Cwd,
        ["permission_mode"] = "default",
        ["hook_event_name"] = "PreToolUse",
        ["tool_name"] = tool,
        ["tool_input"] = input,
        ["tool_use_id"] = "toolu_1",
    });

    public static string Codex(string tool, object input) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["session_id"] = "c-1",
        ["turn_id"] = "t-1",
        ["transcript_path"] = null,
        ["cwd"] = Cwd,
        ["hook_event_name"] = "PreToolUse",
        ["model"] = "gpt-5-codex",
        ["permission_mode"] = "default",
        ["tool_name"] = tool,
        ["tool_input"] = input,
        ["tool_use_id"] = "call_1",
    });

    public static string Gemini(string tool, object input, object? mcpContext = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["session_id"] = "g-1",
            ["transcript_path"] = "/tmp/t.json",
            ["cwd"] = Cwd,
            ["hook_event_name"] = "BeforeTool",
            ["timestamp"] = "2026-11-22T00:00:00Z",
            ["tool_name"] = tool,
            ["tool_input"] = input,
        };
        if (mcpContext is not null)
        {
            payload["mcp_context"] = mcpContext;
        }

        return JsonSerializer.Serialize(payload);
    }

    public static string CursorShell(string command) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["hook_event_name"] = "beforeShellExecution",
        ["conversation_id"] = "conv-1",
        ["generation_id"] = "gen-1",
        ["workspace_roots"] = new[] { Cwd },
        ["command"] = command,
        ["cwd"] = Cwd,
    });

    public static string CursorRead(string path) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["hook_event_name"] = "beforeReadFile",
        ["conversation_id"] = "conv-1",
        ["generation_id"] = "gen-1",
        ["workspace_roots"] = new[] { Cwd },
        ["file_path"] = path,
        ["content"] = "SECRET=1",
    });

    public static string CursorMcp(string tool, object input) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["hook_event_name"] = "beforeMCPExecution",
        ["conversation_id"] = "conv-1",
        ["generation_id"] = "gen-1",
        ["workspace_roots"] = new[] { Cwd },
        ["tool_name"] = tool,
        ["tool_input"] = JsonSerializer.Serialize(input),
        ["command"] = "npx @modelcontextprotocol/server-postgres",
    });

    /// <summary>Copilot CLI's camelCase form: toolArgs is a JSON string.</summary>
    public static string CopilotCamel(string tool, object input) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["sessionId"] = "cp-1",
        ["timestamp"] = 1763770000000,
        ["cwd"] = Cwd,
        ["toolName"] = tool,
        ["toolArgs"] = JsonSerializer.Serialize(input),
    });

    /// <summary>Copilot CLI with the PascalCase PreToolUse event: the snake_case Claude-compatible fields.</summary>
    public static string CopilotPascal(string tool, object input) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["hook_event_name"] = "PreToolUse",
        ["session_id"] = "cp-2",
        ["cwd"] = Cwd,
        ["tool_name"] = tool,
        ["tool_input"] = input,
    });
}
