namespace Gatehouse.Cedar;

/// <summary>Base of every error the Cedar library reports, so callers can catch one type and fail closed.</summary>
public class CedarException : Exception
{
    public CedarException()
    {
    }

    public CedarException(string message)
        : base(message)
    {
    }

    public CedarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
