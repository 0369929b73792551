namespace Gatehouse.Core.Inventory;

/// <summary>One real resource: a volume, database, service, cluster, bucket, project, host…</summary>
public sealed class InventoryResource
{
    internal InventoryResource(
        string id,
        string kind,
        IReadOnlyList<string> names,
        IReadOnlyList<string> environments,
        IReadOnlyList<InventoryRelation> relations,
        string? description)
    {
        Id = id;
        Kind = kind;
        Names = names;
        Environments = environments;
        Relations = relations;
        Description = description;
    }

    /// <summary>The inventory-wide unique id; also matched as a name.</summary>
    public string Id { get; }

    /// <summary>The resource kind, in the classifier's vocabulary (<c>volume</c>, <c>database</c>, <c>service</c>…).</summary>
    public string Kind { get; }

    /// <summary>
    /// Every other name the resource is known by: host names, connection strings, kube contexts, cloud
    /// profiles, provider ids (Railway, Fly, AWS ARNs), database names.
    /// </summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The canonical names of the environments the resource belongs to.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>The relations declared on this resource, in file order.</summary>
    public IReadOnlyList<InventoryRelation> Relations { get; }

    /// <summary>Free text for people reading explanations.</summary>
    public string? Description { get; }

    public override string ToString() => Kind + " " + Id;
}
