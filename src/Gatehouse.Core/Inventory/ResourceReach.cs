namespace Gatehouse.Core.Inventory;

/// <summary>What destroying one resource reaches, computed once per resource and shared by every resolution.</summary>
/// <param name="Reached">Every other resource reached, breadth first (shortest relation path first).</param>
/// <param name="ReachedIndices">The same resources as indexes into <see cref="Inventory.Resources"/>.</param>
/// <param name="Environments">The resource's own environments and those reached, least critical first.</param>
/// <param name="FailsWith">Resources that go down with this one: its failure_domain peers, transitively.</param>
/// <param name="LeavesNoBackup">Destroying the resource (and what fails with it) removes every backup holder of something.</param>
/// <param name="HoldsOwnBackups">The resource stores backups of itself or of something that shares its fate.</param>
internal sealed record ResourceReach(
    ReachedResource[] Reached,
    int[] ReachedIndices,
    string[] Environments,
    int[] FailsWith,
    bool LeavesNoBackup,
    bool HoldsOwnBackups);
