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
    /// <summary>The decider for the process's working directory (where the agent started the hook).</summary>
    public static IDecider ForCurrentDirectory()
    {
        try
        {
            return Create(Directory.GetCurrentDirectory());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A working directory that no longer exists still gets an answer, and it blocks changes.
            return new PolicyFailureDecider(exception.Message);
        }
    }

    public static IDecider Create(string workingDirectory)
    {
        try
        {
            // Each hook is a new process; the cache spares it compiling the same policies on every tool call.
            return new PolicyDecider(ProjectPolicyFiles.Discover(workingDirectory).Load(TimeProvider.System, PolicySnapshotCache.ForUser()));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new PolicyFailureDecider(exception.Message);
        }
    }

    /// <summary>For the resident server: a store that reloads on change and keeps the last good snapshot on a broken edit.</summary>
    public static IDecider CreateWatching(string workingDirectory, out IDisposable? store)
    {
        try
        {
            var files = ProjectPolicyFiles.Discover(workingDirectory);
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
