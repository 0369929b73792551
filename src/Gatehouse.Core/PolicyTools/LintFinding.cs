namespace Gatehouse.Core.PolicyTools;

/// <summary>How bad a lint finding is: an error fails the lint; a warning is reported.</summary>
public enum LintSeverity
{
    Warning,
    Error,
}

/// <summary>One thing lint found about one policy.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code: unknown-action, unknown-attribute, unknown-type, never-applies, shadowed, duplicate, load-error.</param>
/// <param name="Policy">The policy's name (its <c>@id</c>, else file:line); empty for a set-wide error.</param>
/// <param name="Location">file:line.</param>
/// <param name="Message">What is wrong and why it matters.</param>
public sealed record LintFinding(LintSeverity Severity, string Code, string Policy, string Location, string Message)
{
    public override string ToString() =>
        $"{Location}: {(Severity == LintSeverity.Error ? "error" : "warning")}[{Code}]: {(Policy.Length > 0 ? Policy + ": " : string.Empty)}{Message}";
}
