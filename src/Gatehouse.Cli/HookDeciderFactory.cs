using Gatehouse.Core.Decisions;

namespace Gatehouse.Cli;

/// <summary>
/// The one place the hook command chooses its decider. Today: the built-in rules. The policy engine replaces the body
/// with the project's Cedar policies (found from the working directory), and every hook follows.
/// </summary>
internal static class HookDeciderFactory
{
    public static IDecider Create(string? workingDirectory)
    {
        _ = workingDirectory;
        return BuiltInDecision.Instance;
    }
}
