using Gatehouse.Core.Inventory;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// One loaded policy set seen through different worlds (inventory, code freeze): each combination is
/// built once and reused, so a suite of a hundred cases compiles its policies a handful of times.
/// </summary>
internal sealed class SnapshotVariants
{
    private readonly PolicySnapshot _basis;
    private readonly Dictionary<string, ITargetFactsSource> _inventories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PolicySnapshot> _snapshots = new(StringComparer.Ordinal);

    public SnapshotVariants(PolicySnapshot basis)
    {
        _basis = basis;
    }

    public PolicySnapshot Basis => _basis;

    /// <exception cref="PolicyTestFormatException">The inventory cannot be read or does not hold together.</exception>
    public PolicySnapshot For(InventorySpec? inventory, ContextSpec? context)
    {
        var key = $"{inventory?.Key ?? string.Empty}\n{context?.Key ?? string.Empty}";
        if (_snapshots.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var targets = inventory is null ? _basis.Targets : Targets(inventory);
        var snapshot = new PolicySnapshot(_basis.Policies, _basis.Infos, targets, context?.Context ?? PolicyContext.Empty, _basis.PolicySource, inventory?.Key, _basis.LoadedAt);
        _snapshots.Add(key, snapshot);
        return snapshot;
    }

    private ITargetFactsSource Targets(InventorySpec spec)
    {
        if (_inventories.TryGetValue(spec.Key, out var cached))
        {
            return cached;
        }

        ITargetFactsSource targets;
        try
        {
            targets = spec.Path is { } path
                ? InventoryTargetFacts.Load(path)
                : InventoryTargetFacts.From(Inventory.Inventory.Parse(spec.InlineYaml ?? string.Empty, spec.Key));
        }
        catch (PolicyLoadException exception)
        {
            throw new PolicyTestFormatException(exception.Message, exception);
        }
        catch (InventoryException exception)
        {
            throw new PolicyTestFormatException($"{spec.Key}: inline inventory: {exception.Message}", exception);
        }

        _inventories.Add(spec.Key, targets);
        return targets;
    }
}
