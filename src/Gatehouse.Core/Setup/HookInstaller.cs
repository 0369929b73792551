using System.Globalization;
using System.Text;

namespace Gatehouse.Core.Setup;

/// <summary>
/// Installs Gatehouse's hook into agents' settings. Idempotent: a file that already holds exactly Gatehouse's entries
/// is not touched. Any file it changes is first copied to a timestamped backup, then replaced atomically.
/// </summary>
public static class HookInstaller
{
    public static IReadOnlyList<InstallChange> Install(InstallOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var changes = new List<InstallChange>();
        foreach (var site in options.Sites)
        {
            changes.Add(InstallOne(site, options, time));
        }

        changes.AddRange(StarterFiles.Write(options.ProjectRoot, options.DryRun));
        return changes;
    }

    private static InstallChange InstallOne(HookSite site, InstallOptions options, TimeProvider time)
    {
        try
        {
            var exists = File.Exists(site.SettingsPath);
            var original = exists ? File.ReadAllText(site.SettingsPath, Encoding.UTF8) : null;
            var updated = Apply(site, options.Launch, original);
            if (updated is null)
            {
                return new InstallChange(site.SettingsPath, InstallOutcome.Unchanged, $"{site}: Gatehouse hook already installed");
            }

            var what = Describe(site, options.Launch);
            if (options.DryRun)
            {
                return new InstallChange(site.SettingsPath, exists ? InstallOutcome.Updated : InstallOutcome.Created, "[dry run] would install " + what);
            }

            string? backup = null;
            if (exists)
            {
                backup = BackupPath(site.SettingsPath, time);
                File.Copy(site.SettingsPath, backup, overwrite: false);
            }

            SafeFile.WriteAtomically(site.SettingsPath, updated);
            return new InstallChange(site.SettingsPath, exists ? InstallOutcome.Updated : InstallOutcome.Created, "installed " + what, backup);
        }
        catch (Exception exception) when (exception is SettingsFileException or IOException or UnauthorizedAccessException)
        {
            return new InstallChange(site.SettingsPath, InstallOutcome.Failed, $"{site}: {exception.Message}");
        }
    }

    /// <summary>A backup name that never overwrites an earlier backup, even from a run in the same second.</summary>
    private static string BackupPath(string path, TimeProvider time)
    {
        var stem = $"{path}.gatehouse-backup-{time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var candidate = stem;
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    /// <summary>The new text of a settings file, or null when it already holds exactly Gatehouse's entries.</summary>
    internal static string? Apply(HookSite site, HookLaunch launch, string? original)
    {
        var text = original;
        var changed = false;
        var first = true;
        foreach (var edit in HookEntries.For(site.Agent, launch))
        {
            if (edit.Desired.Length == 0 && !HasOurs(text, edit))
            {
                continue;
            }

            var next = JsonSettingsEditor.EnsureEntries(text, edit.Path, edit.IsOurs, edit.Desired, first ? HookEntries.RootDefaults(site.Agent) : null);
            first = false;
            if (next is not null)
            {
                text = next;
                changed = true;
            }
        }

        return changed ? text : null;
    }

    private static bool HasOurs(string? text, SettingsEdit edit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        using var document = JsonSettingsEditor.Parse(text);
        return JsonSettingsEditor.FindEntries(document.RootElement, edit.Path, edit.IsOurs).Count > 0;
    }

    private static string Describe(HookSite site, HookLaunch launch) =>
        launch.ResidentUrl(site.AgentName) is { } url && site.Agent == Hooks.HookAgent.Claude
            ? $"{site}: HTTP hook {url} (blocking on failure) and a session-start command that starts `gatehouse serve`"
            : $"{site}: `{launch.HookCommand(site.AgentName)}`";
}
