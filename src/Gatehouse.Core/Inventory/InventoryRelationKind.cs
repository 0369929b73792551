namespace Gatehouse.Core.Inventory;

/// <summary>
/// How one resource relates to another. Each kind carries a fixed direction in which damage travels;
/// <see cref="InventoryResolver"/> follows only that direction when it computes a blast radius.
/// </summary>
public enum InventoryRelationKind
{
    /// <summary><c>A attached_to B</c>: A is mounted by or serves B. Destroying A damages B.</summary>
    AttachedTo,

    /// <summary><c>A stores_backups_of B</c>: A holds B's backups. Destroying A destroys B's recovery.</summary>
    StoresBackupsOf,

    /// <summary>
    /// <c>A replica_of B</c>: A follows B. Destroying or corrupting B reaches A (changes replicate);
    /// destroying A leaves B intact.
    /// </summary>
    ReplicaOf,

    /// <summary><c>A depends_on B</c>: A needs B. Destroying B damages A; destroying A leaves B intact.</summary>
    DependsOn,

    /// <summary><c>A failure_domain B</c>: A and B fail together (same host, disk, region). Symmetric.</summary>
    FailureDomain,
}
