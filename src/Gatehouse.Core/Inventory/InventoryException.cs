namespace Gatehouse.Core.Inventory;

/// <summary>An inventory that cannot be used: malformed YAML or a layout that does not hold together.</summary>
public sealed class InventoryException : Exception
{
    public InventoryException()
        : this("The inventory is invalid.")
    {
    }

    public InventoryException(string message)
        : base(message)
    {
    }

    public InventoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal InventoryException(string? source, long line, long column, string detail, Exception? innerException = null)
        : base(Format(source, line, column, detail), innerException)
    {
        Source = source;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The file (or other label) the inventory came from, when known.</summary>
    public new string? Source { get; }

    /// <summary>1-based line of the offending node; 0 when the error concerns the whole document.</summary>
    public long Line { get; }

    /// <summary>1-based column of the offending node; 0 when the error concerns the whole document.</summary>
    public long Column { get; }

    /// <summary>The message without its location.</summary>
    public string? Detail { get; }

    private static string Format(string? source, long line, long column, string detail)
    {
        var where = source ?? "inventory";
        return line > 0 ? $"{where}:{line}:{column}: {detail}" : $"{where}: {detail}";
    }
}
