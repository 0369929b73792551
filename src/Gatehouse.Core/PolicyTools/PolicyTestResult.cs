using Gatehouse.Core.Model;

namespace Gatehouse.Core.PolicyTools;

/// <summary>The outcome of one case.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="Case">The case as read.</param>
/// <param name="Decision">The decision the policies gave (deny when the case could not be run).</param>
/// <param name="Approvals">The approvers required, when the decision is approve.</param>
/// <param name="Policies">The determining policies, by name.</param>
/// <param name="Reason">The decider's reason, or why the case could not be run.</param>
/// <param name="Differences">Each way the outcome differs from the expectation; empty when the case passes.</param>
public sealed record PolicyTestResult(
    string Suite,
    PolicyTestCase Case,
    Decision Decision,
    int? Approvals,
    IReadOnlyList<string> Policies,
    string Reason,
    IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>Every case's result and the policy coverage of the run.</summary>
public sealed record PolicyTestReport(IReadOnlyList<PolicyTestResult> Results, PolicyCoverage Coverage)
{
    public int PassedCount
    {
        get
        {
            var count = 0;
            foreach (var result in Results)
            {
                count += result.Passed ? 1 : 0;
            }

            return count;
        }
    }

    public bool AllPassed => Results.Count > 0 && PassedCount == Results.Count;
}
