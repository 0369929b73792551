namespace Gatehouse.Core.Catalog;

/// <summary>A catalog document is malformed; the message names the document, the tool and the rule.</summary>
public sealed class CatalogLoadException : Exception
{
    public CatalogLoadException()
    {
    }

    public CatalogLoadException(string message)
        : base(message)
    {
    }

    public CatalogLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
