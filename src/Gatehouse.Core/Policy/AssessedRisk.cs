using Gatehouse.Core.Analysis;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>
/// The risk a policy sees in <c>context.risk</c>: the classifier's, with two corrections that are facts
/// about the action rather than policy choices. An effect nobody can see is never below high; data the
/// input itself places only in test or development (and the inventory does not place elsewhere) is at
/// most medium, because resetting a test database is what test suites do on every run. Where the
/// target lives (production, staging) is left to policy.
/// </summary>
internal static class AssessedRisk
{
    public static Risk Of(AgentAction action, bool disposable)
    {
        var risk = action.Risk;
        if (action.Verb == Verb.Unknown && risk < Risk.High)
        {
            risk = Risk.High;
        }

        if (disposable && risk > Risk.Medium)
        {
            risk = Risk.Medium;
        }

        return risk;
    }

    /// <summary>Data stores the input itself places in a test or development environment, and nowhere else.</summary>
    /// <remarks>
    /// The evidence is the command's own (a <c>RAILS_ENV=test</c>, <c>-d app_dev</c>, a compose file named for tests)
    /// and, for a database, its own name (<c>DROP DATABASE app_test</c>). An inventory that knows the target overrules it.
    /// </remarks>
    public static bool IsDisposableData(AgentAction action, TargetFacts facts)
    {
        if (!(action.Tool is "sql" or "mongo" or "redis"
            || action.Target.Kind is "database" or "table" or "schema" or "column" or "index" or "collection" or "key-pattern" or "migration" or "code" or "rows" or "sequence" or "view" or "volume"))
        {
            return false;
        }

        if (facts.Known)
        {
            return facts.ReachedEnvironments.Count > 0 && OnlyThrowaway(facts.ReachedEnvironments);
        }

        var hints = action.Target.Kind is "database" or "schema" && action.Target.Id is { } name ? [.. action.EnvironmentHints, name] : action.EnvironmentHints;
        var environments = action.Target.Environments.Count > 0 ? action.Target.Environments : EnvironmentResolver.Resolve(hints);
        return environments.Count > 0
            && OnlyThrowaway(environments)
            && OnlyThrowaway(facts.ReachedEnvironments)
            && EnvironmentResolver.NamesOnlyDisposable(hints);
    }

    private static bool OnlyThrowaway(IReadOnlyList<string> environments)
    {
        foreach (var environment in environments)
        {
            if (environment is not (EnvironmentResolver.Development or EnvironmentResolver.Test))
            {
                return false;
            }
        }

        return true;
    }
}
