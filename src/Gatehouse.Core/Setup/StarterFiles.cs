namespace Gatehouse.Core.Setup;

/// <summary>
/// The starter policy and inventory <c>gatehouse init</c> writes under <c>.gatehouse/</c> when the project has none.
/// When a <c>policies/</c> directory ships next to the gatehouse binary, its files are the starter set instead.
/// Existing files are never overwritten.
/// </summary>
public static class StarterFiles
{
    public const string Directory = ".gatehouse";

    public static IReadOnlyList<InstallChange> Write(string projectRoot, string? shippedPolicies, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        var changes = new List<InstallChange>();
        foreach (var (name, content) in Contents(shippedPolicies))
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

    /// <summary>The files to offer: the shipped policy set when present, else the built-in starter content.</summary>
    internal static IReadOnlyList<(string Name, string Content)> Contents(string? shippedPolicies)
    {
        var files = new List<(string, string)> { ("inventory.yaml", StarterInventory) };
        if (shippedPolicies is not null && System.IO.Directory.Exists(shippedPolicies))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(shippedPolicies, "*.cedar", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                files.Add((Path.Combine("policies", Path.GetFileName(file)), File.ReadAllText(file)));
            }

            var shippedInventory = Path.Combine(shippedPolicies, "inventory.yaml");
            if (File.Exists(shippedInventory))
            {
                files[0] = ("inventory.yaml", File.ReadAllText(shippedInventory));
            }

            if (files.Count > 1)
            {
                return files;
            }
        }

        files.Add((Path.Combine("policies", "starter.cedar"), StarterPolicy));
        return files;
    }

    private const string StarterInventory = """
        # Gatehouse inventory: the real environments your resources live in.
        # Gatehouse decides with these facts, never with what an agent believes about a resource.
        # Uncomment and adapt; `gatehouse doctor` checks that the hooks enforce whatever you write here.
        #
        # environments:
        #   - name: production
        #     protected: true
        #   - name: staging
        #
        # resources:
        #   - id: railway:volume:vol_8f2c          # one volume shared by staging AND production is production
        #     kind: volume
        #     environments: [staging, production]
        #     backups: same-failure-domain          # backups on the same volume die with it
        #   - id: postgres:db.prod.internal/app
        #     kind: database
        #     environments: [production]
        #   - id: k8s:namespace/staging
        #     kind: namespace
        #     environments: [staging]
        """;

    private const string StarterPolicy = """
        // Gatehouse starter policy (Cedar). Gatehouse's built-in rules already deny destructive and credential-reading
        // actions and ask for approval on risky ones; these lines show where your own rules go.
        //
        // Anything that deletes in production needs two approvers other than the requester:
        // @approval("2")
        // permit (principal, action == Action::"delete", resource)
        // when { resource.environments.contains("production") };
        //
        // Agents never touch production credentials:
        // forbid (principal is Agent, action == Action::"read", resource is Credential)
        // when { resource.environments.contains("production") };
        """;
}
