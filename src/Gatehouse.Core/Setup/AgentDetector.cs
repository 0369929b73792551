using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>Finds which agents are used in a project (and, when asked, for the user) from their settings directories and files.</summary>
public static class AgentDetector
{
    public static IReadOnlyList<HookSite> Detect(string projectRoot, string? userHome)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        var sites = new List<HookSite>();
        Add(sites, projectRoot, SetupScope.Project);
        if (userHome is not null)
        {
            Add(sites, userHome, SetupScope.User);
        }

        return sites;
    }

    /// <summary>The sites for agents named explicitly, whether or not they are detected.</summary>
    public static IReadOnlyList<HookSite> Sites(IEnumerable<HookAgent> agents, string projectRoot, string? userHome)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var sites = new List<HookSite>();
        foreach (var agent in agents)
        {
            if (AgentSettings.SettingsPath(agent, SetupScope.Project, projectRoot) is { } projectPath)
            {
                sites.Add(new HookSite(agent, SetupScope.Project, projectPath));
            }

            if (userHome is not null && AgentSettings.SettingsPath(agent, SetupScope.User, userHome) is { } userPath)
            {
                sites.Add(new HookSite(agent, SetupScope.User, userPath));
            }
        }

        return sites;
    }

    private static void Add(List<HookSite> sites, string root, SetupScope scope)
    {
        foreach (var agent in AgentSettings.All)
        {
            if (AgentSettings.SettingsPath(agent, scope, root) is not { } path)
            {
                continue;
            }

            var used = File.Exists(path);
            foreach (var marker in AgentSettings.Markers(agent, scope))
            {
                var full = Path.Combine(root, marker);
                used |= Directory.Exists(full) || File.Exists(full);
            }

            if (used)
            {
                sites.Add(new HookSite(agent, scope, path));
            }
        }
    }
}
