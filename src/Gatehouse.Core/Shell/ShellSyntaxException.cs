namespace Gatehouse.Core.Shell;

/// <summary>Unwinds a parse at the first syntax error; converted to a <see cref="ShellParseError"/> at the entry point.</summary>
internal sealed class ShellSyntaxException : Exception
{
    public ShellSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public ShellSyntaxException()
    {
    }

    public ShellSyntaxException(string message)
        : base(message)
    {
    }

    public ShellSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Character offset into the original source.</summary>
    public int Offset { get; }
}
