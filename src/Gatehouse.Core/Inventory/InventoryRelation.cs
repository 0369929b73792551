namespace Gatehouse.Core.Inventory;

/// <summary>A relation as declared on a resource: <c>subject kind target</c>, e.g. <c>vol attached_to api</c>.</summary>
/// <param name="Kind">The relation.</param>
/// <param name="TargetId">The id of the resource on the other side; validated to exist at load.</param>
public sealed record InventoryRelation(InventoryRelationKind Kind, string TargetId);
