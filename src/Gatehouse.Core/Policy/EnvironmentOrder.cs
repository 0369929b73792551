using Gatehouse.Core.Analysis;

namespace Gatehouse.Core.Policy;

/// <summary>Criticality of the environment names the classifier knows, for inputs decided without an inventory.</summary>
internal static class EnvironmentOrder
{
    public static string? MostCritical(IReadOnlyList<string> environments)
    {
        string? best = null;
        var bestRank = -1;
        foreach (var environment in environments)
        {
            var rank = Rank(environment);
            if (rank > bestRank)
            {
                best = environment;
                bestRank = rank;
            }
        }

        return best;
    }

    private static int Rank(string environment) => environment switch
    {
        EnvironmentResolver.Production => 4,
        EnvironmentResolver.Staging => 3,
        EnvironmentResolver.Development => 1,
        EnvironmentResolver.Test => 0,
        // A name the classifier does not know could be anything: between staging and development.
        _ => 2,
    };
}
