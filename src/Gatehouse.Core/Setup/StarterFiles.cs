using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Setup;

/// <summary>
/// The starter policy and inventory <c>gatehouse init</c> writes under <c>.gatehouse/</c> when the project has none.
/// The policies are the built-in default set, copied so the project owns them.
/// Existing files are never overwritten.
/// </summary>
public static class StarterFiles
{
    public const string Directory = ".gatehouse";

    public static IReadOnlyList<InstallChange> Write(string projectRoot, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        var changes = new List<InstallChange>();
        foreach (var (name, content) in Contents())
        {
            var path = Path.Combine(projectRoot, Directory, name);
            if (File.Exists(path))
            {
                changes.Add(new InstallChange(path, InstallOutcome.Unchanged, $"{Directory}/{name} exists; kept as it is"));
                continue;
            }

            if (!dryRun)
            {
                SafeFile.WriteAtomically(path, content.EndsWith('\n') ? content : content + "\n");
            }

            changes.Add(new InstallChange(path, InstallOutcome.Created, (dryRun ? "[dry run] would write " : "wrote ") + $"starter {Directory}/{name}"));
        }

        return changes;
    }

    /// <summary>
    /// The files to offer: the built-in default policy set, so the project owns (and reviews in version control)
    /// the exact rules that decide, and a commented inventory in the format <c>--inventory</c> reads.
    /// </summary>
    internal static IReadOnlyList<(string Name, string Content)> Contents()
    {
        var files = new List<(string, string)> { ("inventory.yaml", StarterInventory) };
        foreach (var (name, text) in PolicyLoader.DefaultFiles())
        {
            files.Add((Path.Combine("policies", Path.GetFileName(name)), text));
        }

        return files;
    }

    private const string StarterInventory = """
        # Gatehouse inventory: the real environments your resources live in. Gatehouse resolves every action's
        # target against this file and decides with what it reaches, never with what an agent believes.
        # The format is described in examples/pocketos/README.md; uncomment and adapt.
        #
        # environments:                 # least critical first: the order is the criticality
        #   - name: development
        #     aliases: [dev, local]
        #   - name: staging
        #     aliases: [stg]
        #   - name: production
        #     aliases: [prod]
        #
        # resources:
        #   - id: app-volume
        #     kind: volume
        #     names: [vol_8f2c]         # ids, host names, connection strings, contexts the commands use
        #     environments: [staging, production]
        #     relations:
        #       attached_to: [app-db]
        #       stores_backups_of: [app-db]
        #   - id: app-db
        #     kind: database
        #     names: [db.prod.internal, "postgres://app@db.prod.internal:5432/app"]
        #     environments: [production]
        """;
}
