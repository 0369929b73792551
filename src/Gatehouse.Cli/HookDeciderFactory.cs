using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;

namespace Gatehouse.Cli;

/// <summary>
/// The one place the hook command and the resident server choose their decider: the project's Cedar
/// policies, inventory and context (the nearest <c>.gatehouse/</c> above the working directory), else the
/// built-in default set. Policies that fail to load block everything but plain reads, with the error in the reason.
/// </summary>
internal static class HookDeciderFactory
{
    public static IDecider Create(string workingDirectory)
    {
        var files = ProjectPolicyFiles.Discover(workingDirectory);
        try
        {
            return new PolicyDecider(files.Load(TimeProvider.System));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new PolicyFailureDecider(exception.Message);
        }
    }

    /// <summary>For the resident server: a store that reloads on change and keeps the last good snapshot on a broken edit.</summary>
    public static IDecider CreateWatching(string workingDirectory, out IDisposable? store)
    {
        var files = ProjectPolicyFiles.Discover(workingDirectory);
        try
        {
            var watching = PolicySnapshotStore.ForPaths(files.PolicyPath, files.InventoryPath, files.ContextPath, TimeProvider.System);
            watching.Watch();
            store = watching;
            return new PolicyDecider(watching);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            store = null;
            return new PolicyFailureDecider(exception.Message);
        }
    }
}
