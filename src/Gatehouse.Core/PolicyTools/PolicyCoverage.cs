using System.Numerics;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Which policies decided at least one case, counted exactly: "11 of 12 (11/12)". There is no rounded
/// percentage, because 99.6% printed as 100% is exactly the lie coverage is meant to catch.
/// </summary>
/// <param name="Policies">Every policy of the set (by name), in load order.</param>
/// <param name="Covered">The policies that were determining in at least one case, in load order.</param>
public sealed record PolicyCoverage(IReadOnlyList<string> Policies, IReadOnlyList<string> Covered)
{
    public int Total => Policies.Count;

    public int CoveredCount => Covered.Count;

    /// <summary>True when every policy decided some case; an empty set is not complete (nothing was shown to work).</summary>
    public bool IsComplete => Total > 0 && CoveredCount == Total;

    /// <summary>The exact fraction, e.g. "11/12".</summary>
    public string Fraction => $"{CoveredCount}/{Total}";

    public IReadOnlyList<string> Uncovered
    {
        get
        {
            var covered = new HashSet<string>(Covered, StringComparer.Ordinal);
            var uncovered = new List<string>();
            foreach (var policy in Policies)
            {
                if (!covered.Contains(policy))
                {
                    uncovered.Add(policy);
                }
            }

            return uncovered;
        }
    }

    /// <summary>covered/total ≥ threshold, compared as rationals. With no policies only a zero threshold is met.</summary>
    public bool Meets(CoverageThreshold threshold)
    {
        if (Total == 0)
        {
            return threshold.Numerator.IsZero;
        }

        return new BigInteger(CoveredCount) * threshold.Denominator >= threshold.Numerator * new BigInteger(Total);
    }

    /// <summary>Builds the coverage of <paramref name="policies"/> from the determining policies of every case.</summary>
    public static PolicyCoverage Of(IReadOnlyList<string> policies, IEnumerable<IReadOnlyList<string>> determiningPerCase)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(determiningPerCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var determining in determiningPerCase)
        {
            foreach (var policy in determining)
            {
                seen.Add(policy);
            }
        }

        var covered = new List<string>();
        foreach (var policy in policies)
        {
            if (seen.Contains(policy))
            {
                covered.Add(policy);
            }
        }

        return new PolicyCoverage(policies, covered);
    }
}
