namespace Gatehouse.Core.Model;

/// <summary>Who proposes an action: the agent, its session and task, and the human it acts for.</summary>
public sealed record Actor(string? Agent = null, string? Session = null, string? Task = null, string? OnBehalfOf = null)
{
    public static Actor Unknown { get; } = new();
}
