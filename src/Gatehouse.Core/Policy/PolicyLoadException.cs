namespace Gatehouse.Core.Policy;

/// <summary>A policy set, schema or inventory that cannot be used; the message says which file and why.</summary>
public sealed class PolicyLoadException : Exception
{
    public PolicyLoadException(string message)
        : base(message)
    {
    }

    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PolicyLoadException()
    {
    }
}
