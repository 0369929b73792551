namespace Gatehouse.Cedar.Validation;

/// <summary>Collects a policy's errors once each, with the policy and the location in every message.</summary>
internal sealed class ValidationErrors(Policy policy)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public List<ValidationError> Errors { get; } = [];

    public void Add(int line, int column, string what)
    {
        var where = $"{policy.Source ?? "<input>"}:{line}:{column}";
        var message = $"policy `{policy.Id}` at {where}: {what}";
        if (_seen.Add(message))
        {
            Errors.Add(new ValidationError(policy.Id, message, line, column));
        }
    }
}
