namespace Gatehouse.Core.Policy;

/// <summary>
/// Compiled policy snapshots kept on disk, so a hook process (one per agent tool call) does not parse the schema,
/// validate every policy and read YAML on each call. An entry is used only when it was written by this very build
/// and every source text it was compiled from equals, character for character, the text read now; anything else
/// (a missing, stale, corrupt or foreign entry) is a miss, and a miss compiles from the sources exactly as without a cache.
/// </summary>
/// <remarks>
/// An entry vouches that its policies validated against the schema, so it must be as hard for an agent to write as the
/// policies themselves: the directory is one of Gatehouse's own, where writes are tampering (see
/// <c>PathClassifier</c>), and the decision log lives beside it. A cache that cannot be read or written only costs time.
/// </remarks>
public sealed class PolicySnapshotCache
{
    private const string FileSuffix = ".snapshot.json";

    public PolicySnapshotCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>Where entries live.</summary>
    public string Directory { get; }

    /// <summary>
    /// This build of Gatehouse (its Core and Cedar assemblies): an entry from another build is never used, since the
    /// schema, the validator or the readers may have changed. Deterministic builds give each distinct build its own id.
    /// </summary>
    internal static string BuildIdentity { get; } =
        typeof(PolicySnapshotCache).Assembly.ManifestModule.ModuleVersionId.ToString("N")
        + typeof(Cedar.PolicySet).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// The user's cache: <c>$XDG_CACHE_HOME/gatehouse/snapshots</c>, else <c>~/.cache/gatehouse/snapshots</c>; null when
    /// the user has no home directory.
    /// </summary>
    public static PolicySnapshotCache? ForUser()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            cache = Path.Combine(home, ".cache");
        }

        return new PolicySnapshotCache(Path.Combine(cache, "gatehouse", "snapshots"));
    }

    /// <summary>The entry compiled from exactly <paramref name="sources"/>, or null.</summary>
    internal CachedSnapshot? TryRead(PolicySources sources)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(PathFor(sources));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
        }

        var entry = SnapshotCacheFormat.TryRead(bytes, BuildIdentity);
        // A parsed form must exist exactly where a source text does; an entry that disagrees is not trusted for either.
        return entry is not null
            && entry.Sources.SameAs(sources)
            && entry.Inventory is null == sources.InventoryText is null
            && entry.Context is null == sources.ContextText is null
            ? entry
            : null;
    }

    /// <summary>Stores an entry for sources that compiled and validated; failing to store it changes nothing but speed.</summary>
    internal void Write(CachedSnapshot entry)
    {
        var path = PathFor(entry.Sources);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            // Private to the user: entries hold the policy and inventory texts.
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            File.WriteAllBytes(temporary, SnapshotCacheFormat.Write(BuildIdentity, entry));

            // Readers see the old entry or the new one, never half of one.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            TryDelete(temporary);
        }
    }

    private string PathFor(PolicySources sources) => Path.Combine(Directory, sources.Location() + FileSuffix);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing to undo: a stray temporary file is never read as an entry.
        }
    }
}
