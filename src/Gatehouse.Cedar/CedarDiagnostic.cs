namespace Gatehouse.Cedar;

/// <summary>One located problem in Cedar text; line and column are 1-based.</summary>
public sealed record CedarDiagnostic(string Message, int Line, int Column, string? Source)
{
    /// <summary>Formats like a compiler: <c>file:line:col: error: message</c>.</summary>
    public override string ToString() => $"{Source ?? "<input>"}:{Line}:{Column}: error: {Message}";
}
