using System.Text.Json;

namespace Gatehouse.Core.Hooks;

/// <summary>One pre-tool call, whatever agent sent it: the tool, its arguments, and who and where.</summary>
/// <param name="EventName">The hook event as the agent named it (<c>PreToolUse</c>, <c>beforeShellExecution</c>, …), for the reply.</param>
/// <param name="ToolName">The tool as the agent named it; Cursor's shell and read events get <c>Shell</c> and <c>Read</c>.</param>
/// <param name="Input">The tool's arguments: an object, or <see cref="JsonValueKind.Undefined"/> when the payload carried none.</param>
/// <param name="IsMcp">The agent says this is an MCP tool (Cursor's beforeMCPExecution, Gemini's mcp_context).</param>
/// <param name="McpServer">The MCP server's name, when known.</param>
/// <param name="Description">What the agent said the call is for, when the payload carries it.</param>
internal sealed record HookRequest(
    string EventName,
    string ToolName,
    JsonElement Input,
    string? SessionId,
    string? WorkingDirectory,
    bool IsMcp,
    string? McpServer,
    string? Description);
