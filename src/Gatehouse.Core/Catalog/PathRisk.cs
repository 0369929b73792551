using Gatehouse.Core.Model;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// The one mapping from where a path points to how dangerous it is to destroy, overwrite or change it.
/// The catalog's path rules and the command walker (find -delete, redirections) both use it, so a path is judged the same everywhere.
/// </summary>
internal static class PathRisk
{
    /// <summary>
    /// Deleting anything outside the workspace that is not a cache is irreversible for the user (keys, configuration,
    /// other projects, service data), so it is denied; the workspace root and unknown targets need a human.
    /// </summary>
    public static Risk ForDeletion(PathScope scope) => scope switch
    {
        PathScope.Protected => Risk.Critical,
        PathScope.SystemRoot or PathScope.Home or PathScope.Device or PathScope.System or PathScope.OutsideWorkspace or PathScope.HomeSubpath => Risk.Critical,
        PathScope.Dynamic or PathScope.WorkspaceRoot or PathScope.WorkspaceData => Risk.High,
        _ => Risk.Low,
    };

    /// <summary>Overwriting a file is milder than deleting a tree, except on devices and system files.</summary>
    public static Risk ForWrite(PathScope scope) => scope switch
    {
        PathScope.Device or PathScope.Protected => Risk.Critical,
        PathScope.SystemRoot or PathScope.System => Risk.High,
        PathScope.Home or PathScope.HomeSubpath or PathScope.OutsideWorkspace or PathScope.Dynamic => Risk.Medium,
        _ => Risk.Low,
    };

    /// <summary>
    /// Truncating a file (<c>&gt; file</c>) destroys what it held: home and outside-workspace files need a human,
    /// and so do system files; a service's data file (a database, a Redis dump) is as good as deleted.
    /// </summary>
    public static Risk ForTruncation(PathScope scope, bool dataFile) => scope switch
    {
        PathScope.Device or PathScope.Protected => Risk.Critical,
        PathScope.SystemRoot or PathScope.System or PathScope.OutsideWorkspace when dataFile => Risk.Critical,
        PathScope.WorkspaceData when dataFile => Risk.High,
        PathScope.SystemRoot or PathScope.System or PathScope.Home or PathScope.HomeSubpath or PathScope.OutsideWorkspace => Risk.High,
        PathScope.Dynamic => Risk.Medium,
        _ => Risk.Low,
    };

    /// <summary>Files that are a service's stored data rather than configuration or text.</summary>
    public static bool IsDataFile(string path)
    {
        foreach (var extension in (string[])[".db", ".sqlite", ".sqlite3", ".rdb", ".aof", ".ibd", ".mdb", ".ldb", ".wal", ".dump"])
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Changing a path in place (chmod -R, sed -i, mv): only system and home roots are serious.</summary>
    public static Risk ForModification(PathScope scope) => scope switch
    {
        PathScope.SystemRoot or PathScope.Home or PathScope.Device or PathScope.Protected => Risk.Critical,
        PathScope.System => Risk.High,
        PathScope.Dynamic => Risk.Medium,
        _ => Risk.Low,
    };

    public static string[] TagsFor(PathScope scope) => scope switch
    {
        PathScope.WorkspaceRegenerable or PathScope.Workspace or PathScope.WorkspaceData => [Tags.WorkspaceLocal],
        PathScope.Temporary => [Tags.Temporary],
        PathScope.SystemRoot or PathScope.System or PathScope.Home or PathScope.Device => [Tags.SystemPath],
        PathScope.Dynamic => [Tags.DynamicTarget],
        PathScope.Protected => [Tags.Tampering],
        _ => [],
    };
}
