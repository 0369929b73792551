using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>One agent's settings file, in one scope, where Gatehouse's hook is (or is to be) installed.</summary>
public sealed record HookSite(HookAgent Agent, SetupScope Scope, string SettingsPath)
{
    public string AgentName => AgentSettings.Name(Agent);

    public override string ToString() => $"{AgentName} ({(Scope == SetupScope.User ? "user" : "project")}: {SettingsPath})";
}
