namespace Gatehouse.Core.Model;

/// <summary>The outcome for a proposed action. Ordered by strictness so the strictest can win.</summary>
public enum Decision
{
    Allow = 0,
    /// <summary>Needs a human approval before it may run.</summary>
    Approve = 1,
    Deny = 2,
}
