namespace Gatehouse.Core.Inventory;

/// <summary>What an action reaches according to the inventory.</summary>
/// <param name="Target">The resource the action acts on, if found.</param>
/// <param name="TargetKnown">False means unknown: never assume an unknown target is harmless.</param>
/// <param name="Environments">Every environment reached (the target's, the blast radius's, and any the action names), least critical first.</param>
/// <param name="EffectiveEnvironment">The most critical environment reached; null when nothing is known.</param>
/// <param name="BlastRadius">Every other resource reached transitively, with the relation path that reached it.</param>
/// <param name="DestroysLastBackup">A destructive action that leaves some resource with no backup holder standing.</param>
/// <param name="HoldsOwnBackups">The target stores backups of itself or of what shares its fate (attached to it, same failure domain).</param>
/// <param name="Evidence">Which id, alias or hint matched what, for explanations.</param>
public sealed record Resolution(
    InventoryResource? Target,
    bool TargetKnown,
    IReadOnlyList<string> Environments,
    string? EffectiveEnvironment,
    IReadOnlyList<ReachedResource> BlastRadius,
    bool DestroysLastBackup,
    bool HoldsOwnBackups,
    IReadOnlyList<string> Evidence);
