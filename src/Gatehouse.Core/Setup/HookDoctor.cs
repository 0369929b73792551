using System.Text.Json;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Setup;

/// <summary>
/// Checks every installed Gatehouse hook end to end: runs the exact configured command (or posts to the configured URL)
/// with a destructive canary that must be blocked and a read that must be allowed, read in that agent's own terms,
/// and reports settings that would let a call through when the hook fails, times out or is skipped.
/// </summary>
public static class HookDoctor
{
    private static readonly TimeSpan MaxCanaryWait = TimeSpan.FromSeconds(30);

    public static DoctorReport Examine(string projectRoot, string? userHome)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        var findings = new List<DoctorFinding>();
        var checkedHooks = 0;
        var detected = AgentDetector.Detect(projectRoot, userHome);
        foreach (var site in AgentDetector.Sites(AgentSettings.All, projectRoot, userHome))
        {
            var inUse = detected.Contains(site);
            if (!File.Exists(site.SettingsPath))
            {
                if (inUse)
                {
                    findings.Add(new(DoctorSeverity.Problem, site.ToString(), "the agent is used here but has no Gatehouse hook: run `gatehouse init`"));
                }

                continue;
            }

            checkedHooks += ExamineSite(site, projectRoot, findings);
        }

        if (checkedHooks == 0)
        {
            findings.Add(new(DoctorSeverity.Problem, projectRoot, "no Gatehouse hook is installed for any agent: run `gatehouse init`"));
        }

        return new DoctorReport(findings, checkedHooks);
    }

    private static int ExamineSite(HookSite site, string projectRoot, List<DoctorFinding> findings)
    {
        var subject = site.ToString();
        JsonDocument document;
        try
        {
            document = JsonSettingsEditor.Parse(File.ReadAllText(site.SettingsPath));
        }
        catch (SettingsFileException exception)
        {
            findings.Add(new(DoctorSeverity.Problem, subject, exception.Message + ": the agent may ignore its hooks"));
            return 0;
        }

        using (document)
        {
            var root = document.RootElement;
            SettingsChecks.Global(site, root, findings);
            var handlers = SettingsChecks.Handlers(site, root, findings);
            if (handlers.Count == 0)
            {
                findings.Add(new(DoctorSeverity.Problem, subject, "no Gatehouse hook in this file: run `gatehouse init`"));
                return 0;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var handler in handlers)
            {
                // Cursor lists the same command under several events; one run per distinct command is enough.
                var target = handler.Url ?? handler.Command ?? string.Empty;
                if (seen.Add(target))
                {
                    RunCanaries(site, handler, projectRoot, findings);
                }
            }

            return 1;
        }
    }

    private static void RunCanaries(HookSite site, InstalledHandler handler, string projectRoot, List<DoctorFinding> findings)
    {
        var subject = site.ToString();
        if (handler.Command is { } command && !SettingsChecks.CommandResolves(command, out var why))
        {
            findings.Add(new(DoctorSeverity.Problem, subject, why));
            return;
        }

        var wait = handler.Timeout is { } timeout && timeout < MaxCanaryWait ? timeout : MaxCanaryWait;
        Expect(site, handler, projectRoot, wait, CanaryPayloads.Destructive, CanaryOutcome.Blocked, findings);
        Expect(site, handler, projectRoot, wait, CanaryPayloads.Read, CanaryOutcome.Allowed, findings);
    }

    private static void Expect(HookSite site, InstalledHandler handler, string projectRoot, TimeSpan wait, string canary, CanaryOutcome expected, List<DoctorFinding> findings)
    {
        var payload = CanaryPayloads.Shell(site.Agent, canary, projectRoot);
        var result = handler.Url is { } url ? HookProbe.Post(url, payload, wait) : HookProbe.RunCommand(handler.Command!, payload, projectRoot, wait);
        var subject = $"{site} `{canary}`";
        if (result.Failure is { } failure)
        {
            findings.Add(new(DoctorSeverity.Problem, subject, $"{Where(handler)}: {failure}; {FailureMeaning(site.Agent, handler)}"));
            return;
        }

        var (outcome, detail) = CanaryReader.Read(site.Agent, result.ExitCode, result.Stdout, result.Stderr);
        if (outcome == expected)
        {
            findings.Add(new(DoctorSeverity.Ok, subject, $"{Describe(outcome)} ({detail})"));
            return;
        }

        var stderr = result.Stderr.Trim().Split('\n', 2)[0];
        var tail = stderr.Length == 0 ? string.Empty : $"; stderr: {(stderr.Length > 200 ? stderr[..200] + "…" : stderr)}";
        findings.Add(new(DoctorSeverity.Problem, subject, $"expected {Describe(expected)}, got {Describe(outcome)} ({detail}){tail}"));
    }

    private static string Where(InstalledHandler handler) => handler.Url is { } url ? "POST " + url : "`" + handler.Command + "`";

    private static string FailureMeaning(HookAgent agent, InstalledHandler handler) => (agent, handler.FailsClosed) switch
    {
        (_, true) => "the agent would block every call until this is fixed",
        _ => "the agent would run the tool unchecked",
    };

    private static string Describe(CanaryOutcome outcome) => outcome switch
    {
        CanaryOutcome.Allowed => "allowed",
        CanaryOutcome.Asked => "asked the user",
        CanaryOutcome.Blocked => "blocked",
        CanaryOutcome.FailedOpen => "a failure the agent ignores",
        _ => "a failure",
    };
}
