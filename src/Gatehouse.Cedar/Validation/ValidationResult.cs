namespace Gatehouse.Cedar;

/// <summary>One reason a policy does not validate; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed record ValidationError(string PolicyId, string Message, int Line, int Column);

/// <summary>The outcome of strict validation: valid exactly when there are no errors.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
