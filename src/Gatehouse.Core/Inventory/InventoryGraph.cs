
namespace Gatehouse.Core.Inventory;

/// <summary>
/// The resolution indexes of one inventory: every name (and the structural forms of address-like names)
/// to its resource, the damage edges, who holds whose backups, and a per-resource reach cache.
/// </summary>
/// <remarks>
/// Reaches are computed at load up to a budget of reached entries, so ordinary inventories resolve from
/// precomputed answers; a hostile layout (a 10,000-long chain reaches ~50 million entries in total) stops
/// being precomputed at the budget and computes the rest on first use, each at most once.
/// </remarks>
internal sealed class InventoryGraph
{
    private const int PrecomputeBudget = 250_000;

    private readonly Inventory _inventory;
    private readonly InventoryResource[] _resources;
    private readonly (int Target, RelationStep Step)[][] _damageEdges;
    private readonly int[][] _backupHolders;
    private readonly int[][] _backupsStored;
    private readonly ResourceReach?[] _reach;

    public InventoryGraph(Inventory inventory)
    {
        _inventory = inventory;
        _resources = [.. inventory.Resources];
        var ids = new Dictionary<string, int>(_resources.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _resources.Length; i++)
        {
            ids[_resources[i].Id] = i;
        }

        Names = BuildNameIndex(ids);
        (_damageEdges, _backupHolders, _backupsStored) = BuildEdges(ids);
        _reach = new ResourceReach?[_resources.Length];
        long budget = PrecomputeBudget;
        for (var i = 0; i < _resources.Length && budget > 0; i++)
        {
            budget -= ReachOf(i).Reached.Length + 1;
        }
    }

    /// <summary>Name, id and derived address form → resource index. Ambiguous derived forms are left out.</summary>
    public IReadOnlyDictionary<string, int> Names { get; }

    public InventoryResource this[int index] => _resources[index];

    public ResourceReach ReachOf(int index)
    {
        var cached = Volatile.Read(ref _reach[index]);
        if (cached is not null)
        {
            return cached;
        }

        var computed = Compute(index);
        return Interlocked.CompareExchange(ref _reach[index], computed, null) ?? computed;
    }

    /// <summary>True when removing every resource in <paramref name="destroyed"/> leaves some resource with no backup holder.</summary>
    public bool LeavesNoBackup(HashSet<int> destroyed)
    {
        foreach (var holder in destroyed)
        {
            foreach (var protectedIndex in _backupsStored[holder])
            {
                var allGone = true;
                foreach (var other in _backupHolders[protectedIndex])
                {
                    if (!destroyed.Contains(other))
                    {
                        allGone = false;
                        break;
                    }
                }

                if (allGone)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The environments of the given resources, distinct, least critical first.</summary>
    public string[] EnvironmentsOf(IEnumerable<int> indices)
    {
        var names = new List<string>();
        foreach (var index in indices)
        {
            foreach (var environment in _resources[index].Environments)
            {
                if (!names.Contains(environment, StringComparer.Ordinal))
                {
                    names.Add(environment);
                }
            }
        }

        var sorted = names.ToArray();
        Array.Sort(sorted, (a, b) => _inventory.Criticality(a).CompareTo(_inventory.Criticality(b)));
        return sorted;
    }

    private Dictionary<string, int> BuildNameIndex(Dictionary<string, int> ids)
    {
        var explicitNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, index) in ids)
        {
            explicitNames[AliasForms.Key(id)] = index;
        }

        for (var i = 0; i < _resources.Length; i++)
        {
            foreach (var name in _resources[i].Names)
            {
                explicitNames[AliasForms.Key(name)] = i;
            }
        }

        // Derived forms (a URL alias answering to host/database) never override an explicit name, and a form
        // two resources derive is dropped: resolution must not pick one of them by chance.
        var derived = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ambiguous = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var forms = new List<string>();
        for (var i = 0; i < _resources.Length; i++)
        {
            foreach (var name in _resources[i].Names)
            {
                forms.Clear();
                AliasForms.DerivedForms(name, forms);
                foreach (var form in forms)
                {
                    if (explicitNames.ContainsKey(form))
                    {
                        continue;
                    }

                    if (derived.TryGetValue(form, out var owner) && owner != i)
                    {
                        ambiguous.Add(form);
                    }
                    else
                    {
                        derived[form] = i;
                    }
                }
            }
        }

        foreach (var form in ambiguous)
        {
            derived.Remove(form);
        }

        foreach (var (form, index) in derived)
        {
            explicitNames[form] = index;
        }

        return explicitNames;
    }

    /// <summary>
    /// Damage edges point from the resource whose destruction propagates to the resource it reaches:
    /// <c>A attached_to B</c> and <c>A stores_backups_of B</c> give A→B; <c>A replica_of B</c> and
    /// <c>A depends_on B</c> give B→A (losing the primary or the dependency reaches A, not the other way);
    /// <c>A failure_domain B</c> gives both.
    /// </summary>
    private ((int, RelationStep)[][] Edges, int[][] Holders, int[][] Stored) BuildEdges(Dictionary<string, int> ids)
    {
        var edges = new List<(int, RelationStep)>?[_resources.Length];
        var holders = new List<int>?[_resources.Length];
        var stored = new List<int>?[_resources.Length];
        for (var subject = 0; subject < _resources.Length; subject++)
        {
            var resource = _resources[subject];
            foreach (var relation in resource.Relations)
            {
                var target = ids[relation.TargetId];
                var step = new RelationStep(resource.Id, relation.Kind, _resources[target].Id);
                switch (relation.Kind)
                {
                    case InventoryRelationKind.AttachedTo:
                        Add(edges, subject, (target, step));
                        break;
                    case InventoryRelationKind.StoresBackupsOf:
                        Add(edges, subject, (target, step));
                        Add(holders, target, subject);
                        Add(stored, subject, target);
                        break;
                    case InventoryRelationKind.ReplicaOf:
                    case InventoryRelationKind.DependsOn:
                        Add(edges, target, (subject, step));
                        break;
                    case InventoryRelationKind.FailureDomain:
                        Add(edges, subject, (target, step));
                        Add(edges, target, (subject, step));
                        break;
                    default:
                        throw new InvalidOperationException("unhandled relation kind " + relation.Kind);
                }
            }
        }

        return (Freeze(edges), Freeze(holders), Freeze(stored));
    }

    private static void Add<T>(List<T>?[] lists, int index, T value) => (lists[index] ??= []).Add(value);

    private static T[][] Freeze<T>(List<T>?[] lists)
    {
        var result = new T[lists.Length][];
        for (var i = 0; i < lists.Length; i++)
        {
            result[i] = lists[i]?.ToArray() ?? [];
        }

        return result;
    }

    /// <summary>Breadth-first over damage edges; the visited set makes cycles terminate.</summary>
    private ResourceReach Compute(int source)
    {
        var visited = new HashSet<int> { source };
        var reached = new List<ReachedResource>();
        var indices = new List<int>();
        var queue = new Queue<(int Index, ReachedResource? Entry)>();
        queue.Enqueue((source, null));
        while (queue.Count > 0)
        {
            var (current, entry) = queue.Dequeue();
            foreach (var (target, step) in _damageEdges[current])
            {
                if (!visited.Add(target))
                {
                    continue;
                }

                var next = new ReachedResource(_resources[target], step, entry);
                reached.Add(next);
                indices.Add(target);
                queue.Enqueue((target, next));
            }
        }

        var failsWith = FailureDomainOf(source);
        var destroyed = new HashSet<int>(failsWith) { source };
        return new ResourceReach(
            [.. reached],
            [.. indices],
            EnvironmentsOf(visited),
            failsWith,
            LeavesNoBackup(destroyed),
            HoldsOwnBackups(source));
    }

    /// <summary>
    /// What is destroyed along with a resource, as opposed to merely damaged: its failure_domain peers.
    /// Dropping a database does not delete the volume that backs it up, and deleting a volume does not
    /// delete the services it is attached to; but deleting a host takes every resource sharing it.
    /// </summary>
    private int[] FailureDomainOf(int source)
    {
        var visited = new HashSet<int> { source };
        var result = new List<int>();
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (target, step) in _damageEdges[current])
            {
                if (step.Relation == InventoryRelationKind.FailureDomain && visited.Add(target))
                {
                    result.Add(target);
                    queue.Enqueue(target);
                }
            }
        }

        return [.. result];
    }

    /// <summary>
    /// The PocketOS failure: the resource keeps backups of itself, or of something it is attached to (either
    /// way) or shares a failure domain with, so one loss takes the data and its backups together.
    /// </summary>
    private bool HoldsOwnBackups(int index)
    {
        foreach (var protectedIndex in _backupsStored[index])
        {
            if (protectedIndex == index || SharesFate(index, protectedIndex))
            {
                return true;
            }
        }

        return false;
    }

    private bool SharesFate(int a, int b) => HasFateRelation(a, b) || HasFateRelation(b, a);

    private bool HasFateRelation(int from, int to)
    {
        var target = _resources[to].Id;
        foreach (var relation in _resources[from].Relations)
        {
            if (relation.Kind is InventoryRelationKind.AttachedTo or InventoryRelationKind.FailureDomain
                && string.Equals(relation.TargetId, target, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
