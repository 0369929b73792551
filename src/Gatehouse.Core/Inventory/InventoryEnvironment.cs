namespace Gatehouse.Core.Inventory;

/// <summary>
/// One environment of an <see cref="Inventory"/>. Environments are declared least critical first, so
/// <see cref="Criticality"/> is the position in that list: comparing two environments is comparing two integers.
/// </summary>
/// <param name="Name">The canonical name, e.g. <c>production</c>.</param>
/// <param name="Criticality">0 for the least critical environment; higher is more critical.</param>
/// <param name="Aliases">Other names that mean the same environment, e.g. <c>prod</c>, <c>prd</c>.</param>
public sealed record InventoryEnvironment(string Name, int Criticality, IReadOnlyList<string> Aliases);
