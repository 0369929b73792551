using Gatehouse.Core.Hooks;
using Gatehouse.Core.Setup;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse init</c>: installs the hook into the agents used in a project (and for the user), then says what it did.</summary>
internal static class InitCommand
{
    public const int DefaultResidentPort = 47_321;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var agents = new List<HookAgent>();
        var user = false;
        var resident = false;
        var dryRun = false;
        var port = DefaultResidentPort;
        string? project = null;
        string? home = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--agent" when i + 1 < args.Length:
                    if (!AgentSettings.TryParse(args[++i], out var agent))
                    {
                        stderr.WriteLine($"gatehouse init: unknown agent '{args[i]}' (claude, cursor, codex, gemini, copilot)");
                        return ExitCodes.Error;
                    }

                    agents.Add(agent);
                    break;
                case "--user":
                    user = true;
                    break;
                case "--resident":
                    resident = true;
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var parsed) && parsed is > 0 and < 65_536:
                    port = parsed;
                    i++;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--project" when i + 1 < args.Length:
                    project = args[++i];
                    break;
                case "--home" when i + 1 < args.Length:
                    home = args[++i];
                    break;
                default:
                    stderr.WriteLine($"gatehouse init: unexpected argument '{args[i]}'");
                    stderr.WriteLine(Usage.Init);
                    return ExitCodes.Error;
            }
        }

        var root = Path.GetFullPath(project ?? Directory.GetCurrentDirectory());
        var userHome = user ? Path.GetFullPath(home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) : null;
        var sites = agents.Count > 0 ? AgentDetector.Sites(agents.Distinct(), root, userHome) : AgentDetector.Detect(root, userHome);
        if (sites.Count == 0)
        {
            stderr.WriteLine($"gatehouse init: no agent found in {root}{(userHome is null ? string.Empty : " or " + userHome)}; name one with --agent claude|cursor|codex|gemini|copilot");
            return ExitCodes.Error;
        }

        var launch = new HookLaunch(GatehouseLauncher.Current(), resident ? port : null);
        var options = new InstallOptions(root, sites, launch, dryRun);
        var changes = HookInstaller.Install(options, time);
        var failed = false;
        foreach (var change in changes)
        {
            failed |= change.Outcome == InstallOutcome.Failed;
            var backup = change.BackupPath is null ? string.Empty : $" (backup: {change.BackupPath})";
            stdout.WriteLine($"{Label(change.Outcome),-9} {change.Description}{backup}");
        }

        if (resident && !dryRun)
        {
            stdout.WriteLine($"resident: Claude Code calls http://{HookLaunch.ResidentHost}:{port}/v1/hooks/claude; each session starts `gatehouse serve` if it is not running, and a call it cannot answer is blocked, never allowed.");
        }

        stdout.WriteLine(failed ? "some files were not changed: see above." : "next: `gatehouse doctor` checks every hook end to end.");
        return failed ? ExitCodes.Error : ExitCodes.Allow;
    }

    private static string Label(InstallOutcome outcome) => outcome switch
    {
        InstallOutcome.Created => "created",
        InstallOutcome.Updated => "updated",
        InstallOutcome.Unchanged => "unchanged",
        _ => "FAILED",
    };
}
