namespace Gatehouse.Core.Setup;

/// <summary>
/// How agents start Gatehouse: <see cref="Launcher"/> is the absolute, shell-quoted command that runs the installed
/// gatehouse (e.g. <c>'/opt/gatehouse/gatehouse'</c> or <c>'/usr/bin/dotnet' '/opt/gatehouse/gatehouse.dll'</c>), so a
/// changed PATH cannot swap it. <see cref="ResidentPort"/> is set when Claude Code should call <c>gatehouse serve</c>.
/// </summary>
public sealed record HookLaunch(string Launcher, int? ResidentPort = null)
{
    public const string ResidentHost = "127.0.0.1";

    public string HookCommand(string agentName) => $"{Launcher} hook {agentName}";

    public string? ResidentUrl(string agentName) => ResidentPort is { } port ? $"http://{ResidentHost}:{port}/v1/hooks/{agentName}" : null;

    public string? EnsureServerCommand => ResidentPort is { } port ? $"{Launcher} serve --ensure --listen {ResidentHost}:{port}" : null;
}
