namespace Gatehouse.Core.Inventory;

/// <summary>The YAML spelling of each relation kind, shared by the parser and explanations.</summary>
internal static class InventoryRelationNames
{
    public const string AttachedTo = "attached_to";
    public const string StoresBackupsOf = "stores_backups_of";
    public const string ReplicaOf = "replica_of";
    public const string DependsOn = "depends_on";
    public const string FailureDomain = "failure_domain";

    public static string Of(InventoryRelationKind kind) => kind switch
    {
        InventoryRelationKind.AttachedTo => AttachedTo,
        InventoryRelationKind.StoresBackupsOf => StoresBackupsOf,
        InventoryRelationKind.ReplicaOf => ReplicaOf,
        InventoryRelationKind.DependsOn => DependsOn,
        InventoryRelationKind.FailureDomain => FailureDomain,
        _ => kind.ToString(),
    };

    public static bool TryParse(string name, out InventoryRelationKind kind)
    {
        switch (name)
        {
            case AttachedTo: kind = InventoryRelationKind.AttachedTo; return true;
            case StoresBackupsOf: kind = InventoryRelationKind.StoresBackupsOf; return true;
            case ReplicaOf: kind = InventoryRelationKind.ReplicaOf; return true;
            case DependsOn: kind = InventoryRelationKind.DependsOn; return true;
            case FailureDomain: kind = InventoryRelationKind.FailureDomain; return true;
            default: kind = default; return false;
        }
    }
}
