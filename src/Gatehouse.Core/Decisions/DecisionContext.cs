namespace Gatehouse.Core.Decisions;

/// <summary>What is known about who proposes an action and where, apart from the action itself.</summary>
/// <param name="DeclaredEnvironment">The environment the session or task says it works in; evidence, never ground truth.</param>
/// <param name="Agent">The agent that proposed the action (<c>claude</c>, <c>cursor</c>, …), when known.</param>
/// <param name="SessionId">The agent's session identifier, when its protocol carries one.</param>
/// <param name="WorkingDirectory">The directory the action runs in, when known.</param>
/// <param name="Time">When the decision is made; from a <see cref="TimeProvider"/> so tests control it.</param>
public sealed record DecisionContext(
    string? DeclaredEnvironment,
    string? Agent,
    string? SessionId,
    string? WorkingDirectory,
    DateTimeOffset Time)
{
    /// <summary>A context with nothing known but the time.</summary>
    public static DecisionContext Anonymous(TimeProvider time) => new(null, null, null, null, time.GetUtcNow());
}
