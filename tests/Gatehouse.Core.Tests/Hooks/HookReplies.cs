using System.Text.Json;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Tests.Hooks;

/// <summary>Reads a reply the way each agent does, so tests assert what the agent would do, not what the JSON looks like.</summary>
internal static class HookReplies
{
    public static string Observed(HookAgent agent, HookReply reply) => Observed(agent, reply.Stdout, reply.ExitCode);

    public static string Observed(HookAgent agent, string stdout, int exitCode)
    {
        switch (agent)
        {
            case HookAgent.Copilot:
                exitCode.ShouldBe(0, "Copilot skips hooks that exit non-zero: a deny must be a clean exit");
                return stdout.Length == 0 ? "allow" : Field(stdout, "permissionDecision");
            case HookAgent.Cursor:
                return exitCode == 2 ? "deny" : Field(stdout, "permission");
            case HookAgent.Claude:
                if (exitCode == 2)
                {
                    return "deny";
                }

                exitCode.ShouldBe(0, "any other exit code lets Claude Code proceed");
                return stdout.Length == 0 ? "allow" : Nested(stdout);
            default:
                if (exitCode == 2)
                {
                    return "deny";
                }

                exitCode.ShouldBe(0);
                stdout.ShouldBeEmpty("Codex and Gemini proceed on anything but a deny");
                return "allow";
        }
    }

    private static string Field(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString()!;
    }

    private static string Nested(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("hookSpecificOutput").GetProperty("permissionDecision").GetString()!;
    }
}
