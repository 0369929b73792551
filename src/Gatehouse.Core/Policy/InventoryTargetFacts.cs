using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>Target facts from the inventory: the environments and blast radius the target really has.</summary>
internal sealed class InventoryTargetFacts : ITargetFactsSource
{
    private readonly InventoryResolver _resolver;

    private InventoryTargetFacts(Inventory.Inventory inventory)
    {
        LoadedInventory = inventory;
        _resolver = new InventoryResolver(inventory);
    }

    /// <summary>The inventory the facts come from (its environment names are the ones policies see).</summary>
    internal Inventory.Inventory LoadedInventory { get; }

    /// <summary>Facts from an inventory already parsed (a policy test suite's inline inventory), mapped as from a file.</summary>
    public static InventoryTargetFacts From(Inventory.Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return new InventoryTargetFacts(inventory);
    }

    public static InventoryTargetFacts Load(string path)
    {
        try
        {
            return From(Inventory.Inventory.Load(path));
        }
        catch (InventoryException exception)
        {
            throw new PolicyLoadException($"inventory: {exception.Message}", exception);
        }
    }

    public TargetFacts Resolve(AgentAction action)
    {
        var resolution = _resolver.Resolve(action);
        var reachedResources = new string[resolution.BlastRadius.Count];
        for (var i = 0; i < reachedResources.Length; i++)
        {
            reachedResources[i] = resolution.BlastRadius[i].Resource.Id;
        }

        List<string> backupsOf = [];
        if (resolution.Target is { } target)
        {
            foreach (var relation in target.Relations)
            {
                if (relation.Kind == InventoryRelationKind.StoresBackupsOf)
                {
                    backupsOf.Add(relation.TargetId);
                }
            }
        }

        return new TargetFacts(
            resolution.TargetKnown,
            resolution.Target?.Environments ?? action.Target.Environments,
            resolution.EffectiveEnvironment,
            resolution.Environments,
            reachedResources,
            resolution.DestroysLastBackup,
            resolution.HoldsOwnBackups,
            backupsOf,
            resolution.Evidence);
    }
}
