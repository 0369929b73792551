using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>Where the facts about an action's target come from: the inventory, or only the input itself.</summary>
internal interface ITargetFactsSource
{
    public TargetFacts Resolve(AgentAction action);
}
