namespace Gatehouse.Cedar;

/// <summary>Cedar text that does not parse; the message is the first diagnostic, compiler style.</summary>
public sealed class CedarParseException : CedarException
{
    public CedarParseException(IReadOnlyList<CedarDiagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? diagnostics[0].ToString() : "error: invalid Cedar text")
    {
        Diagnostics = diagnostics;
    }

    public CedarParseException()
        : this([])
    {
    }

    public CedarParseException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public CedarParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public IReadOnlyList<CedarDiagnostic> Diagnostics { get; }
}
