namespace Gatehouse.Core.Decisions;

/// <summary>The built-in rules (<see cref="BuiltInDecider"/>) behind the <see cref="IDecider"/> seam.</summary>
public sealed class BuiltInDecision : IDecider
{
    public static BuiltInDecision Instance { get; } = new();

    private BuiltInDecision()
    {
    }

    public Verdict Decide(Classification classification, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(classification);
        return BuiltInDecider.Decide(classification.Actions);
    }
}
