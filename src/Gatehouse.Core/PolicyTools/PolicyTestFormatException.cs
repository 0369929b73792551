namespace Gatehouse.Core.PolicyTools;

/// <summary>A suite or corpus file that cannot be read or does not follow the format; the message starts with file:line:column.</summary>
public sealed class PolicyTestFormatException : Exception
{
    public PolicyTestFormatException(string message)
        : base(message)
    {
    }

    public PolicyTestFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PolicyTestFormatException()
    {
    }
}
