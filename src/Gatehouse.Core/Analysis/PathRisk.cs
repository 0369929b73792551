using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Analysis;

/// <summary>How dangerous it is to destroy or overwrite what a path names, by where it points.</summary>
internal static class PathRisk
{
    public static Risk ForDeletion(PathScope scope) => scope switch
    {
        PathScope.SystemRoot or PathScope.Home or PathScope.Device => Risk.Critical,
        PathScope.System or PathScope.OutsideWorkspace or PathScope.HomeSubpath or PathScope.Dynamic or PathScope.WorkspaceRoot => Risk.High,
        _ => Risk.Low,
    };

    /// <summary>Overwriting a file is milder than deleting a tree, except on devices and system files.</summary>
    public static Risk ForWrite(PathScope scope) => scope switch
    {
        PathScope.Device => Risk.Critical,
        PathScope.SystemRoot or PathScope.System => Risk.High,
        PathScope.Home or PathScope.HomeSubpath or PathScope.OutsideWorkspace or PathScope.Dynamic => Risk.Medium,
        _ => Risk.Low,
    };

    public static string[] TagsFor(PathScope scope) => scope switch
    {
        PathScope.WorkspaceRegenerable or PathScope.Workspace => [Tags.WorkspaceLocal],
        PathScope.Temporary => [Tags.Temporary],
        PathScope.SystemRoot or PathScope.System or PathScope.Home or PathScope.Device => [Tags.SystemPath],
        PathScope.Dynamic => [Tags.DynamicTarget],
        _ => [],
    };
}
