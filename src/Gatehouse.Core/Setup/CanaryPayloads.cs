using System.Text.Json;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>The pre-tool payloads the doctor feeds each agent's hook: a shell command, in that agent's documented shape.</summary>
internal static class CanaryPayloads
{
    public const string Destructive = "rm -rf ~";
    public const string Read = "ls";

    public static string Shell(HookAgent agent, string command, string cwd)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (agent)
            {
                case HookAgent.Claude or HookAgent.Codex:
                    writer.WriteString("session_id", "gatehouse-doctor");
                    if (agent == HookAgent.Codex)
                    {
                        writer.WriteString("turn_id", "gatehouse-doctor");
                        writer.WriteString("model", "gatehouse-doctor");
                    }

                    writer.WriteString("transcript_path", string.Empty);
                    writer.WriteString("cwd", cwd);
                    writer.WriteString("permission_mode", "default");
                    writer.WriteString("hook_event_name", "PreToolUse");
                    writer.WriteString("tool_name", "Bash");
                    writer.WriteStartObject("tool_input");
                    writer.WriteString("command", command);
                    writer.WriteString("description", "gatehouse doctor canary");
                    writer.WriteEndObject();
                    writer.WriteString("tool_use_id", "gatehouse-doctor");
                    break;
                case HookAgent.Gemini:
                    writer.WriteString("session_id", "gatehouse-doctor");
                    writer.WriteString("transcript_path", string.Empty);
                    writer.WriteString("cwd", cwd);
                    writer.WriteString("hook_event_name", "BeforeTool");
                    writer.WriteString("timestamp", "2026-01-01T00:00:00Z");
                    writer.WriteString("tool_name", "run_shell_command");
                    writer.WriteStartObject("tool_input");
                    writer.WriteString("command", command);
                    writer.WriteString("description", "gatehouse doctor canary");
                    writer.WriteEndObject();
                    break;
                case HookAgent.Cursor:
                    writer.WriteString("hook_event_name", "beforeShellExecution");
                    writer.WriteString("conversation_id", "gatehouse-doctor");
                    writer.WriteString("generation_id", "gatehouse-doctor");
                    writer.WriteStartArray("workspace_roots");
                    writer.WriteStringValue(cwd);
                    writer.WriteEndArray();
                    writer.WriteString("command", command);
                    writer.WriteString("cwd", cwd);
                    break;
                case HookAgent.Copilot:
                    writer.WriteString("sessionId", "gatehouse-doctor");
                    writer.WriteNumber("timestamp", 1767225600000);
                    writer.WriteString("cwd", cwd);
                    writer.WriteString("toolName", "bash");
                    writer.WriteString("toolArgs", JsonSerializer.Serialize(command, CanaryJsonContext.Default.String) is var quoted ? "{\"command\":" + quoted + "}" : string.Empty);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(agent));
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
