using System.Text;
using System.Text.Json;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Cli;

/// <summary>
/// Turns the command hook's reply into an HTTP hook's response body. Over HTTP there is no exit code: an agent blocks
/// only on a 2xx whose JSON says so, and treats any other status as a non-blocking error. So every block, and every
/// failure to decide, is answered 200 with a deny in the agent's own terms, never with an error status.
/// </summary>
internal static class HookHttpReply
{
    public static string Body(HookAgent agent, HookReply reply)
    {
        if (reply.ExitCode == 0)
        {
            return string.IsNullOrWhiteSpace(reply.Stdout) ? "{}" : reply.Stdout;
        }

        if (reply.ExitCode == 2 && !string.IsNullOrWhiteSpace(reply.Stdout))
        {
            // The handler already wrote the block in the agent's own terms (event name, Cursor's read-file form).
            return reply.Stdout;
        }

        var reason = reply.Stderr.Trim();
        if (reply.ExitCode != 2 || reason.Length == 0)
        {
            reason = "Gatehouse could not decide on this call, so it is blocked. " + reason;
        }

        return Deny(agent, reason);
    }

    public static string Deny(HookAgent agent, string reason)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (agent)
            {
                case HookAgent.Cursor:
                    writer.WriteString("permission", "deny");
                    writer.WriteString("user_message", reason);
                    writer.WriteString("agent_message", reason);
                    break;
                case HookAgent.Gemini:
                    writer.WriteString("decision", "deny");
                    writer.WriteString("reason", reason);
                    break;
                case HookAgent.Copilot:
                    writer.WriteString("permissionDecision", "deny");
                    writer.WriteString("permissionDecisionReason", reason);
                    break;
                default:
                    writer.WriteStartObject("hookSpecificOutput");
                    writer.WriteString("hookEventName", "PreToolUse");
                    writer.WriteString("permissionDecision", "deny");
                    writer.WriteString("permissionDecisionReason", reason);
                    writer.WriteEndObject();
                    break;
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
