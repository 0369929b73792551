using System.Text.Json;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>The settings that decide whether a failing, slow or skipped hook lets a call through (reference A: each agent's traps).</summary>
internal static class SettingsChecks
{
    /// <summary>Switches outside the hook entries that turn every hook off.</summary>
    public static void Global(HookSite site, JsonElement root, List<DoctorFinding> findings)
    {
        var subject = site.ToString();
        switch (site.Agent)
        {
            case HookAgent.Claude when IsTrue(root, "disableAllHooks"):
                findings.Add(new(DoctorSeverity.Problem, subject, "\"disableAllHooks\": true switches every hook off, Gatehouse's included"));
                break;
            case HookAgent.Gemini:
                foreach (var path in new[] { new[] { "hooks", "enabled" }, ["hooksConfig", "enabled"], ["tools", "enableHooks"] })
                {
                    if (JsonSettingsEditor.TryNavigate(root, path, out var value) && value.ValueKind == JsonValueKind.False)
                    {
                        findings.Add(new(DoctorSeverity.Problem, subject, $"\"{string.Join('.', path)}\": false switches Gemini's hooks off"));
                    }
                }

                break;
            case HookAgent.Codex:
                CodexFeatureFlag(site, findings);
                break;
            default:
                break;
        }
    }

    /// <summary>Gatehouse's handlers in the file, each checked for coverage, failure mode and timeout.</summary>
    public static List<InstalledHandler> Handlers(HookSite site, JsonElement root, List<DoctorFinding> findings)
    {
        var subject = site.ToString();
        var name = site.AgentName;
        var found = new List<InstalledHandler>();
        switch (site.Agent)
        {
            case HookAgent.Claude:
                foreach (var (matcher, handler) in Grouped(root, "PreToolUse", name))
                {
                    CheckMatcher(subject, matcher, "*", findings);
                    var failsClosed = String(handler, "onFailure") == "block";
                    if (!failsClosed)
                    {
                        findings.Add(new(DoctorSeverity.Problem, subject, "no \"onFailure\": \"block\": a crash or timeout of the hook lets the call through"));
                    }

                    var timeout = Seconds(handler, "timeout", 1);
                    if (timeout is null)
                    {
                        findings.Add(new(DoctorSeverity.Note, subject, "no timeout: Claude Code waits up to 600 s for a hung hook before blocking"));
                    }

                    found.Add(new(String(handler, "type") == "http" ? null : String(handler, "command"), String(handler, "type") == "http" ? String(handler, "url") : null, timeout, failsClosed));
                }

                break;
            case HookAgent.Codex:
                foreach (var (matcher, handler) in Grouped(root, "PreToolUse", name))
                {
                    CheckMatcher(subject, matcher, ".*", findings);
                    found.Add(new(String(handler, "command"), null, Seconds(handler, "timeout", 1), FailsClosed: false));
                }

                if (found.Count > 0)
                {
                    findings.Add(new(DoctorSeverity.Note, subject, "Codex runs the tool when a hook fails; Gatehouse answers its own errors with a block, and a model can still write a script and run it"));
                }

                break;
            case HookAgent.Gemini:
                foreach (var (matcher, handler) in Grouped(root, "BeforeTool", name))
                {
                    CheckMatcher(subject, matcher, ".*", findings);
                    found.Add(new(String(handler, "command"), null, Seconds(handler, "timeout", 0.001), FailsClosed: false));
                }

                if (found.Count > 0)
                {
                    findings.Add(new(DoctorSeverity.Note, subject, "Gemini runs the tool when a hook crashes or times out (no fail-closed setting); Gatehouse answers its own errors with a block"));
                }

                break;
            case HookAgent.Cursor:
                foreach (var cursorEvent in HookEntries.CursorEvents)
                {
                    var entries = Flat(root, cursorEvent, name, "command");
                    if (entries.Count == 0)
                    {
                        findings.Add(new(DoctorSeverity.Problem, subject, $"no Gatehouse hook on {cursorEvent}: those calls go unchecked"));
                    }

                    foreach (var entry in entries)
                    {
                        var failsClosed = IsTrue(entry, "failClosed");
                        if (!failsClosed)
                        {
                            findings.Add(new(DoctorSeverity.Problem, subject, $"{cursorEvent} without \"failClosed\": true: a crash or timeout lets the call through"));
                        }

                        found.Add(new(String(entry, "command"), null, Seconds(entry, "timeout", 1), failsClosed));
                    }
                }

                break;
            case HookAgent.Copilot:
                foreach (var entry in Flat(root, "preToolUse", name, "bash"))
                {
                    found.Add(new(String(entry, "bash"), null, Seconds(entry, "timeoutSec", 1), FailsClosed: false));
                }

                if (found.Count > 0)
                {
                    findings.Add(new(DoctorSeverity.Note, subject, "Copilot skips a hook that fails or times out; Gatehouse answers its own errors with a deny"));
                }

                break;
            default:
                break;
        }

        return found;
    }

    /// <summary>The hook command must name an existing executable by absolute path, so no PATH change can swap it.</summary>
    public static bool CommandResolves(string command, out string problem)
    {
        var words = ShellWords.Split(command);
        problem = string.Empty;
        if (words.Count == 0)
        {
            problem = "the hook command is empty";
            return false;
        }

        if (!Path.IsPathFullyQualified(words[0]))
        {
            problem = $"`{words[0]}` is found through PATH: a changed PATH could run something else. Re-run `gatehouse init`";
            return false;
        }

        if (!File.Exists(words[0]))
        {
            problem = $"`{words[0]}` does not exist: the agent's hook fails. Re-run `gatehouse init` from the installed gatehouse";
            return false;
        }

        if (words.Count > 1 && words[1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !File.Exists(words[1]))
        {
            problem = $"`{words[1]}` does not exist: the agent's hook fails. Re-run `gatehouse init`";
            return false;
        }

        return true;
    }

    private static void CheckMatcher(string subject, string? matcher, string example, List<DoctorFinding> findings)
    {
        if (matcher is not (null or "" or "*" or ".*"))
        {
            findings.Add(new(DoctorSeverity.Problem, subject, $"matcher \"{matcher}\" does not cover every tool (file writes, MCP calls); use \"{example}\""));
        }
    }

    private static List<(string? Matcher, JsonElement Handler)> Grouped(JsonElement root, string eventName, string agentName)
    {
        var found = new List<(string?, JsonElement)>();
        if (JsonSettingsEditor.TryNavigate(root, ["hooks", eventName], out var groups) && groups.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in groups.EnumerateArray())
            {
                foreach (var handler in HookEntries.Handlers(group))
                {
                    if (HookEntries.IsGatehouseHandler(handler, agentName) && !IsEnsureCommand(handler))
                    {
                        found.Add((String(group, "matcher"), handler));
                    }
                }
            }
        }

        return found;
    }

    private static bool IsEnsureCommand(JsonElement handler) =>
        String(handler, "command") is { } command && command.Contains(" serve --ensure", StringComparison.Ordinal);

    private static List<JsonElement> Flat(JsonElement root, string eventName, string agentName, string commandProperty)
    {
        var found = new List<JsonElement>();
        if (JsonSettingsEditor.TryNavigate(root, ["hooks", eventName], out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (HookEntries.IsGatehouseHandler(entry, agentName, commandProperty))
                {
                    found.Add(entry);
                }
            }
        }

        return found;
    }

    private static void CodexFeatureFlag(HookSite site, List<DoctorFinding> findings)
    {
        var config = Path.Combine(Path.GetDirectoryName(site.SettingsPath)!, "config.toml");
        if (!File.Exists(config))
        {
            return;
        }

        var section = string.Empty;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']', ' ');
            }
            else if (section == "features" && line.Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith("hooks=false", StringComparison.Ordinal))
            {
                findings.Add(new(DoctorSeverity.Problem, site.ToString(), $"{config}: [features] hooks = false switches Codex's hooks off"));
            }
        }
    }

    private static TimeSpan? Seconds(JsonElement element, string name, double unitSeconds) =>
        element.TryGetProperty(name, out var value) && value.TryGetDouble(out var number) && number > 0 ? TimeSpan.FromSeconds(number * unitSeconds) : null;

    private static bool IsTrue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
