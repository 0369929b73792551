namespace Gatehouse.Cedar.Evaluation;

/// <summary>
/// An evaluation error (type error, missing attribute, overflow, …). It makes the policy being evaluated be
/// skipped and reported, exactly as Cedar does; it never escapes the authorizer.
/// </summary>
internal sealed class EvaluationException : CedarException
{
    public EvaluationException()
    {
    }

    public EvaluationException(string message)
        : base(message)
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static EvaluationException TypeError(string expected, CedarValue actual) =>
        new($"type error: expected {expected}, got {actual.TypeName}");
}
