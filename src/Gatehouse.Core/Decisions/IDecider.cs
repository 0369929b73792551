namespace Gatehouse.Core.Decisions;

/// <summary>
/// The one seam between classification and decision: every door (check, hooks, proxies) hands its
/// classified actions here, so swapping the built-in rules for a Cedar policy set changes every door at once.
/// </summary>
public interface IDecider
{
    /// <summary>Decides the actions of one input. Implementations never throw for bad input and never allow on error.</summary>
    public Verdict Decide(Classification classification, DecisionContext context);
}
