using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Target facts without an inventory: the environments are what the input names (a <c>--context prod</c>,
/// a host name, the declared environment), the target is unknown and nothing is known about backups.
/// </summary>
internal sealed class InputTargetFacts : ITargetFactsSource
{
    public static InputTargetFacts Instance { get; } = new();

    private static readonly string[] NoInventory = ["no inventory: environments as the input names them"];

    private InputTargetFacts()
    {
    }

    public TargetFacts Resolve(AgentAction action)
    {
        var environments = action.Target.Environments;
        return new TargetFacts(false, environments, EnvironmentOrder.MostCritical(environments), environments, [], false, false, [], NoInventory);
    }
}
