using System.Buffers;
using System.Text;
using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// Writes a decision in each agent's protocol (shared/reference/A, §3). A block never depends on an output the agent
/// treats as "proceed" when it goes wrong: wherever exit code 2 blocks, a deny exits 2 (and also carries the JSON form);
/// Copilot, which skips failing hooks, gets its deny as JSON on a clean exit.
/// </summary>
internal static class HookReplyRenderer
{
    public const int Proceed = 0;
    public const int Block = 2;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool HonoursAsk(HookAgent agent, string eventName) =>
        agent is HookAgent.Claude or HookAgent.Copilot || (agent == HookAgent.Cursor && !string.Equals(eventName, "beforeReadFile", StringComparison.Ordinal));

    public static HookReply Render(HookAgent agent, string eventName, HookOutcome outcome) => agent switch
    {
        HookAgent.Claude => Claude(eventName, outcome),
        HookAgent.Cursor => Cursor(eventName, outcome),
        HookAgent.Codex => Codex(eventName, outcome),
        HookAgent.Gemini => Gemini(outcome),
        _ => Copilot(eventName, outcome),
    };

    /// <summary>Allow says nothing, so Claude Code's own permission rules still apply; Gatehouse only ever tightens.</summary>
    private static HookReply Claude(string eventName, HookOutcome outcome) => outcome.Decision switch
    {
        Decision.Allow => new HookReply(string.Empty, string.Empty, Proceed),
        Decision.Approve => new HookReply(PermissionJson(eventName, "ask", outcome.UserMessage), string.Empty, Proceed),
        _ => new HookReply(PermissionJson(eventName, "deny", outcome.ModelMessage), outcome.ModelMessage, Block),
    };

    private static HookReply Cursor(string eventName, HookOutcome outcome)
    {
        var readEvent = string.Equals(eventName, "beforeReadFile", StringComparison.Ordinal);
        return outcome.Decision switch
        {
            Decision.Allow => new HookReply(Json(w => w.WriteString("permission", "allow")), string.Empty, Proceed),
            Decision.Approve => new HookReply(
                Json(w =>
                {
                    w.WriteString("permission", "ask");
                    w.WriteString("user_message", outcome.UserMessage);
                    w.WriteString("agent_message", outcome.ModelMessage);
                }),
                string.Empty,
                Proceed),
            _ => new HookReply(
                Json(w =>
                {
                    w.WriteString("permission", "deny");
                    if (!readEvent)
                    {
                        // beforeReadFile takes the permission alone.
                        w.WriteString("user_message", outcome.UserMessage);
                        w.WriteString("agent_message", outcome.ModelMessage);
                    }
                }),
                outcome.ModelMessage,
                Block),
        };
    }

    /// <summary>Codex marks <c>ask</c> as a failed hook and runs the tool, so an approval arrives here already turned into a deny.</summary>
    private static HookReply Codex(string eventName, HookOutcome outcome) => outcome.Decision == Decision.Allow
        ? new HookReply(string.Empty, string.Empty, Proceed)
        : new HookReply(PermissionJson(eventName, "deny", outcome.ModelMessage), outcome.ModelMessage, Block);

    private static HookReply Gemini(HookOutcome outcome) => outcome.Decision == Decision.Allow
        ? new HookReply(string.Empty, string.Empty, Proceed)
        : new HookReply(
            Json(w =>
            {
                w.WriteString("decision", "deny");
                w.WriteString("reason", outcome.ModelMessage);
            }),
            outcome.ModelMessage,
            Block);

    /// <summary>Copilot logs and skips a hook that exits non-zero, so its deny must be a clean exit with <c>permissionDecision: deny</c>.</summary>
    private static HookReply Copilot(string eventName, HookOutcome outcome)
    {
        if (outcome.Decision == Decision.Allow)
        {
            return new HookReply(string.Empty, string.Empty, Proceed);
        }

        var decision = outcome.Decision == Decision.Approve ? "ask" : "deny";
        var reason = outcome.Decision == Decision.Approve ? outcome.UserMessage : outcome.ModelMessage;
        var pascal = string.Equals(eventName, "PreToolUse", StringComparison.Ordinal);
        return new HookReply(
            Json(w =>
            {
                w.WriteString("permissionDecision", decision);
                w.WriteString("permissionDecisionReason", reason);
                if (pascal)
                {
                    // The PascalCase event speaks the Claude-compatible shape; both forms carry the same decision.
                    WriteHookSpecific(w, eventName, decision, reason);
                }
            }),
            outcome.Decision == Decision.Deny ? reason : string.Empty,
            Proceed);
    }

    private static string PermissionJson(string eventName, string decision, string reason) =>
        Json(w => WriteHookSpecific(w, eventName, decision, reason));

    private static void WriteHookSpecific(Utf8JsonWriter w, string eventName, string decision, string reason)
    {
        w.WriteStartObject("hookSpecificOutput");
        w.WriteString("hookEventName", string.IsNullOrEmpty(eventName) ? "PreToolUse" : eventName);
        w.WriteString("permissionDecision", decision);
        w.WriteString("permissionDecisionReason", reason);
        w.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
