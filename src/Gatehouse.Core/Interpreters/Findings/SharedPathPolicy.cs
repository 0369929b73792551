using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>
/// The one place the scanner reaches the shell classifier's path policy, so a path deleted from a
/// one-liner is judged exactly as the same path given to <c>rm</c>.
/// </summary>
internal static class SharedPathPolicy
{
    /// <summary>
    /// The shared mapping, raised to the team's decision that deleting anything outside the workspace (system
    /// directories, other absolute paths, anything under home) is critical. Once the shared mapping says so
    /// itself the raise changes nothing.
    /// </summary>
    public static Risk DeletionRisk(PathScope scope)
    {
        var shared = Gatehouse.Core.Analysis.PathRisk.ForDeletion(scope);
        return scope is PathScope.System or PathScope.OutsideWorkspace or PathScope.HomeSubpath && shared < Risk.Critical ? Risk.Critical : shared;
    }

    public static string[] Tags(PathScope scope) => Gatehouse.Core.Analysis.PathRisk.TagsFor(scope);
}
