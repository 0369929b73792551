using System.Collections.Frozen;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// The files whose change switches enforcement off: Gatehouse's own configuration, policies, state and binary, and
/// every supported agent's hook settings. One list, used by the shell classifier (rm, mv, sed -i, tee, redirections)
/// and by the agent hooks (Write, Edit, apply_patch …), so no door judges these paths differently.
/// </summary>
internal static partial class PathClassifier
{
    /// <summary>Directories whose whole content is enforcement configuration.</summary>
    private static readonly FrozenSet<string> ControlDirectories = FrozenSet.ToFrozenSet([".gatehouse"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Agent directories that hold hook settings; removing the directory itself removes the hooks.</summary>
    private static readonly FrozenSet<string> AgentDirectories = FrozenSet.ToFrozenSet(
        [".claude", ".cursor", ".codex", ".gemini", ".github", ".copilot"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Directories a Gatehouse installation lives in when the directory is called <c>gatehouse</c>.</summary>
    private static readonly FrozenSet<string> InstallParents = FrozenSet.ToFrozenSet(
        ["bin", ".config", "state", "etc", "share", "lib", "tools", "libexec", "opt", "Application Support", "node_modules"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] PolicyExtensions = [".cedar", ".cedarschema"];

    /// <summary>True when changing or removing the path could disable Gatehouse or an agent's hook.</summary>
    /// <remarks>Matching is by path segments anywhere in the path, so <c>/home/u/proj/.claude/settings.json</c>, <c>./.claude//settings.json</c> and <c>~/.claude/settings.json</c> agree.</remarks>
    public static bool IsEnforcementControl(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var segments = Normalize(WindowsPaths.ToPosix(path, DynamicMarker), out _);
        if (segments.Count == 0)
        {
            return false;
        }

        var last = segments[^1];
        foreach (var extension in PolicyExtensions)
        {
            if (last.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (IsGatehouseConfigFile(last))
        {
            return true;
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (ControlDirectories.Contains(segment))
            {
                return true;
            }

            if (string.Equals(segment, "gatehouse", StringComparison.OrdinalIgnoreCase) && i > 0 && InstallParents.Contains(segments[i - 1]))
            {
                // ~/.config/gatehouse, ~/.local/state/gatehouse, /usr/local/bin/gatehouse, node_modules/gatehouse.
                return true;
            }

            if (AgentDirectories.Contains(segment) && IsAgentHookPath(segment, segments, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>gatehouse.json</c>, <c>gatehouse.yaml</c>, <c>gatehouse.toml</c>: a project's Gatehouse configuration.</summary>
    private static bool IsGatehouseConfigFile(string name) =>
        name.StartsWith("gatehouse.", StringComparison.OrdinalIgnoreCase)
        && (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".toml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The agent directory itself, a glob over it, or the hook settings inside it.</summary>
    private static bool IsAgentHookPath(string directory, List<string> segments, int index)
    {
        if (index == segments.Count - 1)
        {
            return true;
        }

        var child = segments[index + 1];
        if (child.AsSpan().IndexOfAny("*?[{") >= 0)
        {
            // .claude/* or .github/{hooks,workflows}: the glob reaches the hook settings.
            return true;
        }

        if (directory.Equals(".claude", StringComparison.OrdinalIgnoreCase))
        {
            return (child.StartsWith("settings", StringComparison.OrdinalIgnoreCase) && child.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                || child.Equals("hooks", StringComparison.OrdinalIgnoreCase);
        }

        if (directory.Equals(".cursor", StringComparison.OrdinalIgnoreCase))
        {
            return child.Equals("hooks.json", StringComparison.OrdinalIgnoreCase) || child.Equals("hooks", StringComparison.OrdinalIgnoreCase);
        }

        if (directory.Equals(".gemini", StringComparison.OrdinalIgnoreCase))
        {
            return child.Equals("settings.json", StringComparison.OrdinalIgnoreCase) || child.Equals("hooks", StringComparison.OrdinalIgnoreCase);
        }

        if (directory.Equals(".github", StringComparison.OrdinalIgnoreCase))
        {
            return child.Equals("hooks", StringComparison.OrdinalIgnoreCase);
        }

        // .codex and .copilot: hooks.json, config.toml (inline [hooks] and the hooks feature flag), and the hook scripts.
        return child.Equals("hooks.json", StringComparison.OrdinalIgnoreCase) || child.Equals("config.toml", StringComparison.OrdinalIgnoreCase)
            || child.Equals("hooks", StringComparison.OrdinalIgnoreCase) || child.Equals("config.json", StringComparison.OrdinalIgnoreCase);
    }
}
