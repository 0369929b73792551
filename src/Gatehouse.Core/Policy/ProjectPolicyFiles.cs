namespace Gatehouse.Core.Policy;

/// <summary>
/// Where a project keeps its Gatehouse configuration: the nearest <c>.gatehouse/</c> directory at or above
/// the working directory, holding <c>policies/</c> (Cedar files), <c>inventory.yaml</c> and <c>context.yaml</c>.
/// Whatever is absent falls back to the built-in default (no inventory, no context); a <c>policies/</c>
/// directory that exists but cannot be loaded is an error, never a quiet fallback to the defaults.
/// </summary>
/// <remarks>
/// Only the file system decides, never an environment variable: an agent can set variables for the
/// commands it runs, and a variable that pointed Gatehouse elsewhere would be a way to switch it off.
/// Writing under <c>.gatehouse/</c> is tampering, which the classifier denies.
/// </remarks>
public sealed record ProjectPolicyFiles(string? Root, string? PolicyPath, string? InventoryPath, string? ContextPath)
{
    public const string DirectoryName = ".gatehouse";

    /// <summary>No project configuration: the built-in defaults.</summary>
    public static ProjectPolicyFiles None { get; } = new(null, null, null, null);

    /// <summary>Finds the nearest <c>.gatehouse/</c> at or above <paramref name="workingDirectory"/>.</summary>
    public static ProjectPolicyFiles Discover(string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            var root = Path.Combine(directory.FullName, DirectoryName);
            if (Directory.Exists(root))
            {
                return At(root);
            }
        }

        return None;
    }

    /// <summary>The configuration held in one <c>.gatehouse/</c> directory.</summary>
    public static ProjectPolicyFiles At(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var policies = Path.Combine(root, "policies");
        var inventory = Path.Combine(root, "inventory.yaml");
        var context = Path.Combine(root, "context.yaml");
        return new ProjectPolicyFiles(
            root,
            Directory.Exists(policies) ? policies : null,
            File.Exists(inventory) ? inventory : null,
            File.Exists(context) ? context : null);
    }

    /// <summary>Loads these files into one validated snapshot; throws <see cref="PolicyLoadException"/> on any problem.</summary>
    public PolicySnapshot Load(TimeProvider time, PolicySnapshotCache? cache = null) => PolicyLoader.Load(PolicyPath, InventoryPath, ContextPath, time, cache);
}
