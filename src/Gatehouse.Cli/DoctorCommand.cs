using Gatehouse.Core.Setup;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse doctor</c>: checks every installed hook end to end; exit 0 only when nothing would fail open.</summary>
internal static class DoctorCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? project = null;
        string? home = null;
        var user = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--project" when i + 1 < args.Length:
                    project = args[++i];
                    break;
                case "--home" when i + 1 < args.Length:
                    home = args[++i];
                    break;
                case "--user":
                    user = true;
                    break;
                default:
                    stderr.WriteLine($"gatehouse doctor: unexpected argument '{args[i]}'");
                    stderr.WriteLine(Usage.Doctor);
                    return ExitCodes.Error;
            }
        }

        var root = Path.GetFullPath(project ?? Directory.GetCurrentDirectory());
        var userHome = user ? Path.GetFullPath(home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) : null;
        var report = HookDoctor.Examine(root, userHome);
        var problems = 0;
        foreach (var finding in report.Findings)
        {
            problems += finding.Severity == DoctorSeverity.Problem ? 1 : 0;
            var label = finding.Severity switch
            {
                DoctorSeverity.Ok => "ok",
                DoctorSeverity.Note => "note",
                _ => "PROBLEM",
            };
            stdout.WriteLine($"{label,-8} {finding.Subject}: {finding.Message}");
        }

        stdout.WriteLine(report.IsSound
            ? $"sound: {report.HooksChecked} hook file(s) checked; destructive canaries blocked, reads allowed."
            : $"NOT sound: {problems} problem(s) would let a call through or block all work.");
        return report.IsSound ? ExitCodes.Allow : ExitCodes.Error;
    }
}
