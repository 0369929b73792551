namespace Gatehouse.Core.Catalog;

/// <summary>One tool (with its aliases) compiled from the catalog: its argument syntax, ordered rules and fallback.</summary>
internal sealed record ToolDefinition
{
    /// <summary>The canonical tool name written into actions (<c>kubectl</c> for <c>oc</c> too).</summary>
    public required string Tool { get; init; }

    public required string[] Names { get; init; }

    public required ArgumentSyntax Syntax { get; init; }

    /// <summary>Whether an exact <c>--help</c> / <c>-help</c> option or a leading <c>help</c> subcommand means "print usage" (default true).</summary>
    public bool HonorsHelp { get; init; } = true;

    public required ValueSource[] Environment { get; init; }

    public required ValueSource[] Target { get; init; }

    /// <summary>Raises that apply to every mutating rule of the tool (<c>--all</c>, <c>--force</c>).</summary>
    public required RiskRaise[] Raises { get; init; }

    /// <summary>Noun words of the command path → target kind, first match wins, for rules with <see cref="CatalogRule.InferKind"/>.</summary>
    public KindInference[] Kinds { get; init; } = [];

    public required CatalogRule[] Rules { get; init; }

    /// <summary>What an invocation no rule covers does: opaque for cloud CLIs, still a read for <c>ls</c>.</summary>
    public required CatalogRule Fallback { get; init; }
}
