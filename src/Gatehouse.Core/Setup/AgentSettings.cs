using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>Where each agent keeps its hook settings, and what shows that an agent is used in a directory.</summary>
public static class AgentSettings
{
    public static IReadOnlyList<HookAgent> All { get; } = [HookAgent.Claude, HookAgent.Cursor, HookAgent.Codex, HookAgent.Gemini, HookAgent.Copilot];

    public static string Name(HookAgent agent) => agent switch
    {
        HookAgent.Claude => "claude",
        HookAgent.Cursor => "cursor",
        HookAgent.Codex => "codex",
        HookAgent.Gemini => "gemini",
        HookAgent.Copilot => "copilot",
        _ => throw new ArgumentOutOfRangeException(nameof(agent)),
    };

    public static bool TryParse(string name, out HookAgent agent) => HookHandler.TryParseAgent(name, out agent);

    /// <summary>The settings file holding Gatehouse's hook, or null where the agent has no such file in that scope.</summary>
    public static string? SettingsPath(HookAgent agent, SetupScope scope, string root) => (agent, scope) switch
    {
        (HookAgent.Claude, _) => Path.Combine(root, ".claude", "settings.json"),
        (HookAgent.Cursor, _) => Path.Combine(root, ".cursor", "hooks.json"),
        (HookAgent.Codex, _) => Path.Combine(root, ".codex", "hooks.json"),
        (HookAgent.Gemini, _) => Path.Combine(root, ".gemini", "settings.json"),
        // Copilot reads hooks from the repository only (.github/hooks/*.json); a file of our own keeps the user's untouched.
        (HookAgent.Copilot, SetupScope.Project) => Path.Combine(root, ".github", "hooks", "gatehouse.json"),
        _ => null,
    };

    /// <summary>Files or directories whose presence under <paramref name="root"/> shows the agent is used there.</summary>
    public static IReadOnlyList<string> Markers(HookAgent agent, SetupScope scope) => (agent, scope) switch
    {
        (HookAgent.Claude, SetupScope.Project) => [".claude", "CLAUDE.md"],
        (HookAgent.Cursor, SetupScope.Project) => [".cursor", ".cursorrules"],
        (HookAgent.Codex, SetupScope.Project) => [".codex"],
        (HookAgent.Gemini, SetupScope.Project) => [".gemini", "GEMINI.md"],
        (HookAgent.Copilot, SetupScope.Project) => [Path.Combine(".github", "hooks"), Path.Combine(".github", "copilot-instructions.md")],
        (HookAgent.Claude, SetupScope.User) => [".claude", ".claude.json"],
        (HookAgent.Cursor, SetupScope.User) => [".cursor"],
        (HookAgent.Codex, SetupScope.User) => [".codex"],
        (HookAgent.Gemini, SetupScope.User) => [".gemini"],
        _ => [],
    };
}
