namespace Gatehouse.Core.Catalog;

/// <summary>
/// One tool's place in the catalog: compiled up front (catalogs loaded from text) or on first use (the embedded
/// catalog, where a hook process needs one or two of ~100 tools and compiling them all would dominate its start-up).
/// </summary>
internal sealed class ToolSlot
{
    private readonly Lazy<ToolDefinition> _definition;

    private ToolSlot(string tool, Lazy<ToolDefinition> definition)
    {
        Tool = tool;
        _definition = definition;
    }

    /// <summary>The tool's canonical name, known before it is compiled (for conflict messages).</summary>
    public string Tool { get; }

    /// <summary>The compiled tool; a deferred tool compiles once, thread-safely, and a compile error is rethrown on every use.</summary>
    public ToolDefinition Definition => _definition.Value;

    public static ToolSlot Compiled(ToolDefinition definition) => new(definition.Tool, new Lazy<ToolDefinition>(definition));

    public static ToolSlot Deferred(string tool, Func<ToolDefinition> compile) =>
        new(tool, new Lazy<ToolDefinition>(compile, LazyThreadSafetyMode.ExecutionAndPublication));
}
