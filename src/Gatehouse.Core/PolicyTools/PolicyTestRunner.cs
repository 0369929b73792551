using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Runs test suites against one policy set through the real decision pipeline (classify → resolve →
/// decide), so a passing suite says something about what <c>gatehouse check</c> will do.
/// </summary>
public sealed class PolicyTestRunner
{
    private readonly SnapshotVariants _variants;
    private readonly TimeProvider _time;

    public PolicyTestRunner(PolicySnapshot policies, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(time);
        _variants = new SnapshotVariants(policies);
        _time = time;
    }

    public PolicyTestReport Run(IReadOnlyList<PolicyTestSuite> suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        var results = new List<PolicyTestResult>();
        foreach (var suite in suites)
        {
            foreach (var testCase in suite.Cases)
            {
                results.Add(RunCase(suite.Name, testCase));
            }
        }

        var determining = new List<IReadOnlyList<string>>(results.Count);
        foreach (var result in results)
        {
            determining.Add(result.Policies);
        }

        return new PolicyTestReport(results, PolicyCoverage.Of(_variants.Basis.PolicyNames, determining));
    }

    public PolicyTestResult RunCase(string suite, PolicyTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        Verdict verdict;
        try
        {
            var snapshot = _variants.For(testCase.Inventory, testCase.Context);
            var classification = testCase.Action is { } action
                ? new Classification([action], [])
                : ActionClassifier.Classify(testCase.Kind, testCase.Input ?? string.Empty, testCase.Environment);
            var context = new DecisionContext(testCase.Environment, "policy-test", null, null, testCase.Time ?? _time.GetUtcNow());
            verdict = new PolicyDecider(snapshot).Decide(classification, context);
        }
        catch (PolicyTestFormatException exception)
        {
            return new PolicyTestResult(suite, testCase, Decision.Deny, null, [], exception.Message, [$"the case could not be run: {exception.Message}"]);
        }

        var approvals = verdict.Decision == Decision.Approve ? verdict.Approval?.Approvers : null;
        return new PolicyTestResult(suite, testCase, verdict.Decision, approvals, verdict.Policies, verdict.Reason, Compare(testCase.Expected, verdict.Decision, approvals, verdict.Policies));
    }

    internal static List<string> Compare(ExpectedOutcome expected, Decision decision, int? approvals, IReadOnlyList<string> policies)
    {
        var differences = new List<string>();
        if (expected.Decision != decision)
        {
            differences.Add($"decision: expected {WireNames.Of(expected.Decision)}, got {WireNames.Of(decision)}");
        }

        if (expected.Approvals is { } count && approvals != count)
        {
            differences.Add($"approvals: expected {count}, got {(approvals is { } actual ? actual.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}");
        }

        if (expected.Policies is { } wanted)
        {
            // Each named policy must be among the determining ones: a case pins the reason it cares about,
            // and a new policy that also matches does not break every suite that never mentioned it.
            var missing = Except(wanted, policies);
            if (missing.Count > 0)
            {
                differences.Add($"policies: expected among the determining [{string.Join(", ", wanted)}], got [{string.Join(", ", policies)}]; missing {string.Join(", ", missing)}");
            }
        }

        return differences;
    }

    private static List<string> Except(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var exclude = new HashSet<string>(right, StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var item in left)
        {
            if (!exclude.Contains(item) && !result.Contains(item))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
