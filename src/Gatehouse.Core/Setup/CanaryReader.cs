using System.Text.Json;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>Reads a hook's answer exactly as the agent would (reference A, §3): what blocks, what asks, what runs.</summary>
internal static class CanaryReader
{
    public static (CanaryOutcome Outcome, string Detail) Read(HookAgent agent, int exitCode, string stdout, string stderr)
    {
        if (exitCode == 2 && agent != HookAgent.Copilot)
        {
            // Codex needs a reason on stderr for exit 2 to block.
            return agent == HookAgent.Codex && string.IsNullOrWhiteSpace(stderr)
                ? (CanaryOutcome.FailedOpen, "exit 2 without a reason on stderr, which Codex does not treat as a block")
                : (CanaryOutcome.Blocked, "exit 2");
        }

        if (exitCode != 0)
        {
            return agent switch
            {
                HookAgent.Cursor => (CanaryOutcome.Failed, $"exit {exitCode}: Cursor blocks only with failClosed"),
                HookAgent.Claude => (CanaryOutcome.Failed, $"exit {exitCode}: Claude Code blocks only with onFailure \"block\""),
                _ => (CanaryOutcome.FailedOpen, $"exit {exitCode}: {AgentSettings.Name(agent)} treats it as a warning and runs the tool"),
            };
        }

        if (string.IsNullOrWhiteSpace(stdout))
        {
            return (CanaryOutcome.Allowed, "exit 0, no decision");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stdout);
        }
        catch (JsonException)
        {
            return (CanaryOutcome.FailedOpen, "exit 0 with output that is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (CanaryOutcome.FailedOpen, "exit 0 with JSON that is not an object");
            }

            return agent switch
            {
                HookAgent.Cursor => Decision(String(root, "permission"), "permission"),
                HookAgent.Gemini => Gemini(root),
                HookAgent.Codex => Codex(root),
                _ => ClaudeOrCopilot(root),
            };
        }
    }

    private static (CanaryOutcome, string) ClaudeOrCopilot(JsonElement root)
    {
        if (root.TryGetProperty("continue", out var proceed) && proceed.ValueKind == JsonValueKind.False)
        {
            return (CanaryOutcome.Blocked, "continue: false");
        }

        if (PermissionDecision(root) is { } decision)
        {
            return Decision(decision, "permissionDecision");
        }

        return String(root, "decision") switch
        {
            "block" => (CanaryOutcome.Blocked, "decision: block"),
            _ => (CanaryOutcome.Allowed, "exit 0, no blocking decision"),
        };
    }

    private static (CanaryOutcome, string) Codex(JsonElement root)
    {
        var decision = PermissionDecision(root);
        if (decision is "ask" || (root.TryGetProperty("continue", out var proceed) && proceed.ValueKind == JsonValueKind.False))
        {
            return (CanaryOutcome.FailedOpen, "Codex rejects 'ask' and continue:false as invalid output and runs the tool");
        }

        var reason = String(root, "permissionDecisionReason") ?? String(Specific(root), "permissionDecisionReason") ?? String(root, "reason");
        if (decision is "deny" || String(root, "decision") is "block")
        {
            return string.IsNullOrWhiteSpace(reason)
                ? (CanaryOutcome.FailedOpen, "a deny without a reason, which Codex does not honour")
                : (CanaryOutcome.Blocked, "deny with a reason");
        }

        return (CanaryOutcome.Allowed, "exit 0, no blocking decision");
    }

    private static (CanaryOutcome, string) Gemini(JsonElement root)
    {
        if (root.TryGetProperty("continue", out var proceed) && proceed.ValueKind == JsonValueKind.False)
        {
            return (CanaryOutcome.Blocked, "continue: false");
        }

        return String(root, "decision") switch
        {
            "deny" or "block" => (CanaryOutcome.Blocked, "decision: " + String(root, "decision")),
            null or "allow" => (CanaryOutcome.Allowed, "exit 0, no blocking decision"),
            var other => (CanaryOutcome.FailedOpen, $"decision '{other}' is not one Gemini knows"),
        };
    }

    private static (CanaryOutcome, string) Decision(string? decision, string field) => decision switch
    {
        "deny" => (CanaryOutcome.Blocked, field + ": deny"),
        "ask" => (CanaryOutcome.Asked, field + ": ask"),
        _ => (CanaryOutcome.Allowed, $"{field}: {decision ?? "(none)"}"),
    };

    private static string? PermissionDecision(JsonElement root) => String(Specific(root), "permissionDecision") ?? String(root, "permissionDecision");

    private static JsonElement Specific(JsonElement root) =>
        root.TryGetProperty("hookSpecificOutput", out var specific) ? specific : default;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
