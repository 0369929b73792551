using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse policy lint</c>: load errors, then vocabulary errors, never-applies and shadowing warnings.</summary>
internal static class PolicyLintCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var parsed = PolicyArguments.Parse(arguments, ["--policy"], ["--strict"], out var error);
        if (parsed is null || parsed.Positionals.Count > 0)
        {
            stderr.WriteLine($"gatehouse policy lint: {error ?? "lint takes no inputs; name the policies with --policy."}");
            stderr.WriteLine(PolicyUsage.Lint);
            return ExitCodes.Error;
        }

        PolicySnapshot snapshot;
        try
        {
            // The loader parses every file, checks ids and approval annotations: its failure is the first lint error.
            snapshot = PolicyLoader.Load(parsed.Value("--policy"), null, null, TimeProvider.System);
        }
        catch (PolicyLoadException exception)
        {
            stdout.WriteLine($"error[load-error]: {exception.Message}");
            stdout.WriteLine("1 error, 0 warnings");
            return ExitCodes.Error;
        }

        var findings = PolicyLinter.Lint(snapshot);
        var errors = 0;
        foreach (var finding in findings)
        {
            stdout.WriteLine(finding.ToString());
            errors += finding.Severity == LintSeverity.Error ? 1 : 0;
        }

        var warnings = findings.Count - errors;
        stdout.WriteLine($"{snapshot.Policies.Policies.Count} policies from {snapshot.PolicySource}: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}");
        return errors > 0 || (warnings > 0 && parsed.Flag("--strict")) ? ExitCodes.Error : 0;
    }
}
