using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>
/// The one place the scanner reaches the shell classifier's path policy, so a path deleted from a
/// one-liner is judged exactly as the same path given to <c>rm</c>.
/// </summary>
internal static class SharedPathPolicy
{
    public static Risk DeletionRisk(PathScope scope) => Catalog.PathRisk.ForDeletion(scope);

    public static string[] Tags(PathScope scope) => Catalog.PathRisk.TagsFor(scope);
}
