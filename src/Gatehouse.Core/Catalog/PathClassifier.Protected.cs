
namespace Gatehouse.Core.Catalog;

/// <summary>
/// The files whose change switches enforcement off: Gatehouse's own configuration, policies, state and binary, and
/// every supported agent's hook settings. One list, used by the shell classifier (rm, mv, sed -i, tee, redirections)
/// and by the agent hooks (Write, Edit, apply_patch …), so no door judges these paths differently.
/// </summary>
internal static partial class PathClassifier
{
    /// <summary>Directories whose whole content is enforcement configuration.</summary>
    private static readonly HashSet<string> ControlDirectories = new([".gatehouse"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Agent directories that hold hook settings; removing the directory itself removes the hooks.</summary>
    private static readonly HashSet<string> AgentDirectories = new(
        [".claude", ".cursor", ".codex", ".gemini", ".github", ".copilot"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Directories a Gatehouse installation, its user configuration, state or policy snapshot cache lives in when the
    /// directory is called <c>gatehouse</c>; the <c>$XDG_…</c> spellings are how a shell word or a tool argument names them
    /// before expansion.
    /// </summary>
    private static readonly HashSet<string> InstallParents = new(
        [
            "bin", ".config", "state", "etc", "share", "lib", "tools", "libexec", "opt", "Application Support", "node_modules",
            ".cache", "cache", "Caches",
            "$XDG_CONFIG_HOME", "${XDG_CONFIG_HOME}", "$XDG_CACHE_HOME", "${XDG_CACHE_HOME}", "$XDG_STATE_HOME", "${XDG_STATE_HOME}",
            "$XDG_DATA_HOME", "${XDG_DATA_HOME}",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The XDG base directories whose <c>gatehouse</c> subdirectory is Gatehouse's own.</summary>
    private static readonly HashSet<string> XdgBaseVariables = new(
        ["XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"], StringComparer.Ordinal);

    /// <summary>
    /// This machine's XDG base directories when they are set to unusual places (<c>XDG_CACHE_HOME=/srv/c</c>): an agent's
    /// Write tool names the expanded path, which no segment rule would recognise. Read once; a process's environment is fixed.
    /// </summary>
    private static readonly Lazy<string[][]> MachineXdgBases = new(ReadMachineXdgBases);

    /// <summary>True when changing or removing the path could disable Gatehouse or an agent's hook.</summary>
    /// <remarks>Matching is by path segments anywhere in the path, so <c>/home/u/proj/.claude/settings.json</c>, <c>./.claude//settings.json</c> and <c>~/.claude/settings.json</c> agree.</remarks>
    public static bool IsEnforcementControl(string path) => IsEnforcementControl(path, MachineXdgBases.Value);

    /// <summary><see cref="IsEnforcementControl(string)"/> with the XDG base directories given, each as its path segments.</summary>
    internal static bool IsEnforcementControl(string path, string[][] xdgBases)
    {
        ArgumentNullException.ThrowIfNull(xdgBases);
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var segments = Normalize(WindowsPaths.ToPosix(path, DynamicMarker), out _);
        if (segments.Count == 0)
        {
            return false;
        }

        // A .cedar file is only configuration where Gatehouse reads it from (.gatehouse/, ~/.config/gatehouse/ …, below):
        // an ordinary project's policies/x.cedar is the project's own source.
        if (IsGatehouseConfigFile(segments[^1]) || IsUnderMachineXdgGatehouse(segments, xdgBases))
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

    /// <summary>True when <paramref name="text"/> (a shell word whose first part was <c>$<paramref name="variable"/></c>) names Gatehouse's XDG directory.</summary>
    private static bool IsXdgGatehouseWord(string variable, string remainder) =>
        XdgBaseVariables.Contains(variable) && IsEnforcementControl("$" + variable + remainder, []);

    private static bool IsUnderMachineXdgGatehouse(List<string> segments, string[][] xdgBases)
    {
        foreach (var prefix in xdgBases)
        {
            if (segments.Count > prefix.Length && string.Equals(segments[prefix.Length], "gatehouse", StringComparison.OrdinalIgnoreCase)
                && StartsWith(segments, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(List<string> segments, string[] prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(segments[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[][] ReadMachineXdgBases()
    {
        var bases = new List<string[]>(XdgBaseVariables.Count);
        foreach (var variable in XdgBaseVariables)
        {
            // The XDG specification ignores relative values, and so does every program that follows it.
            if (Environment.GetEnvironmentVariable(variable) is ['/', ..] value && Normalize(value, out _) is { Count: > 0 } segments)
            {
                bases.Add([.. segments]);
            }
        }

        return [.. bases];
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
