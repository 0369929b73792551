using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse policy test</c>: runs suites, prints each case and the exact coverage.</summary>
internal static class PolicyTestCommand
{
    private const string DefaultSuites = "policies/tests";

    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var parsed = PolicyArguments.Parse(arguments, ["--policy", "--min-coverage"], [], out var error);
        if (parsed is null)
        {
            return Fail(stderr, error!, showUsage: true);
        }

        CoverageThreshold? minimum = null;
        if (parsed.Value("--min-coverage") is { } text)
        {
            if (!CoverageThreshold.TryParse(text, out var threshold))
            {
                return Fail(stderr, $"--min-coverage takes a fraction between 0 and 1 such as 11/12, 0.9 or 90% (got '{text}').", showUsage: true);
            }

            minimum = threshold;
        }

        var suites = new List<PolicyTestSuite>();
        try
        {
            foreach (var path in SuitePaths(parsed.Positionals))
            {
                suites.Add(PolicyTestSuiteReader.Load(path));
            }
        }
        catch (PolicyTestFormatException exception)
        {
            return Fail(stderr, exception.Message, showUsage: false);
        }

        if (suites.Count == 0)
        {
            return Fail(stderr, $"no test suites: give suite files, or run where {DefaultSuites}/*.yaml exists.", showUsage: false);
        }

        PolicySnapshot policies;
        try
        {
            policies = PolicyLoader.Load(parsed.Value("--policy"), null, null, TimeProvider.System);
        }
        catch (PolicyLoadException exception)
        {
            return Fail(stderr, exception.Message, showUsage: false);
        }

        var report = new PolicyTestRunner(policies, TimeProvider.System).Run(suites);
        Print(stdout, report);
        var coverageMet = minimum is not { } min || report.Coverage.Meets(min);
        if (!coverageMet)
        {
            stdout.WriteLine($"coverage {report.Coverage.Fraction} is below the minimum {minimum}.");
        }

        return report.AllPassed && coverageMet ? 0 : 1;
    }

    internal static void Print(TextWriter stdout, PolicyTestReport report)
    {
        foreach (var result in report.Results)
        {
            var outcome = WireNames.Of(result.Decision);
            if (result.Passed)
            {
                stdout.WriteLine($"PASS  {result.Suite}: {result.Case.Name} ({outcome})");
                continue;
            }

            stdout.WriteLine($"FAIL  {result.Suite}: {result.Case.Name}  [{result.Case.Location}]");
            foreach (var difference in result.Differences)
            {
                stdout.WriteLine($"        - {difference}");
            }

            stdout.WriteLine($"        reason: {result.Reason}");
        }

        var failed = report.Results.Count - report.PassedCount;
        stdout.WriteLine();
        stdout.WriteLine($"{report.Results.Count} cases: {report.PassedCount} passed, {failed} failed");
        var coverage = report.Coverage;
        stdout.WriteLine($"coverage: {coverage.CoveredCount} of {coverage.Total} policies determined at least one case ({coverage.Fraction})");
        foreach (var policy in coverage.Uncovered)
        {
            stdout.WriteLine($"  not covered: {policy}");
        }
    }

    private static IEnumerable<string> SuitePaths(List<string> positionals)
    {
        if (positionals.Count > 0)
        {
            return positionals;
        }

        return Directory.Exists(DefaultSuites)
            ? Directory.EnumerateFiles(DefaultSuites, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)
            : [];
    }

    private static int Fail(TextWriter stderr, string message, bool showUsage)
    {
        stderr.WriteLine($"gatehouse policy test: {message}");
        if (showUsage)
        {
            stderr.WriteLine(PolicyUsage.Test);
        }

        return ExitCodes.Error;
    }
}
