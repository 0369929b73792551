namespace Gatehouse.Core.Inventory;

/// <summary>
/// One declared fact used to reach a resource, written as the inventory states it
/// (<c>api-production depends_on db-production</c>), whichever way damage travelled along it.
/// </summary>
public sealed record RelationStep(string Subject, InventoryRelationKind Relation, string Object)
{
    public override string ToString() => Subject + " " + InventoryRelationNames.Of(Relation) + " " + Object;
}
