namespace Gatehouse.Core.Policy;

/// <summary>
/// What is known about an action's target when it is decided: from the inventory when one is
/// loaded, otherwise only what the input itself names (which the inventory would overrule).
/// </summary>
/// <param name="Known">The inventory knows the target; false without an inventory or for an unknown target.</param>
/// <param name="Environments">The environments the target itself belongs to.</param>
/// <param name="EffectiveEnvironment">The most critical environment reached; null when none is known.</param>
/// <param name="ReachedEnvironments">Every environment the action reaches, transitively (includes <paramref name="Environments"/>).</param>
/// <param name="ReachedResources">Every inventory resource the action reaches, transitively (inventory ids).</param>
/// <param name="DestroysLastBackup">The target holds the only backups of something.</param>
/// <param name="HoldsOwnBackups">The target's backups live on or in the target itself.</param>
/// <param name="BackupsOf">The inventory resources whose backups the target holds (reached through <c>stores_backups_of</c>).</param>
/// <param name="Evidence">How the target was recognized or why it is unknown, for explanations.</param>
public sealed record TargetFacts(
    bool Known,
    IReadOnlyList<string> Environments,
    string? EffectiveEnvironment,
    IReadOnlyList<string> ReachedEnvironments,
    IReadOnlyList<string> ReachedResources,
    bool DestroysLastBackup,
    bool HoldsOwnBackups,
    IReadOnlyList<string> BackupsOf,
    IReadOnlyList<string> Evidence);
