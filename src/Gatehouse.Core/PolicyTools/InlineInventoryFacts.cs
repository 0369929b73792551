using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Target facts from an inventory already parsed (a suite's inline inventory), mapped exactly as the
/// decider's file-based source maps them, so a case decides the same whether its inventory is inline or a file.
/// </summary>
internal sealed class InlineInventoryFacts : ITargetFactsSource
{
    private readonly InventoryResolver _resolver;

    public InlineInventoryFacts(Inventory.Inventory inventory)
    {
        _resolver = new InventoryResolver(inventory);
    }

    public TargetFacts Resolve(AgentAction action)
    {
        var resolution = _resolver.Resolve(action);
        var reached = new string[resolution.BlastRadius.Count];
        List<string> backupsOf = [];
        for (var i = 0; i < reached.Length; i++)
        {
            var item = resolution.BlastRadius[i];
            reached[i] = item.Resource.Id;
            if (item.Via is { Relation: InventoryRelationKind.StoresBackupsOf } step && string.Equals(step.Object, item.Resource.Id, StringComparison.Ordinal))
            {
                backupsOf.Add(step.Object);
            }
        }

        return new TargetFacts(
            resolution.TargetKnown,
            resolution.Target?.Environments ?? action.Target.Environments,
            resolution.EffectiveEnvironment,
            resolution.Environments,
            reached,
            resolution.DestroysLastBackup,
            resolution.HoldsOwnBackups,
            backupsOf,
            resolution.Evidence);
    }
}
