namespace Gatehouse.Core.Model;

/// <summary>How much damage an action can do if it was a mistake. Ordered: higher is worse.</summary>
public enum Risk
{
    /// <summary>Observes only.</summary>
    None = 0,
    /// <summary>Local and reversible: builds, installs, commits, edits in the workspace.</summary>
    Low = 1,
    /// <summary>Reversible but reaches beyond the workspace, or loses easily recreated state.</summary>
    Medium = 2,
    /// <summary>Destroys data or state that takes real effort, or a backup, to get back.</summary>
    High = 3,
    /// <summary>Irreversible, broad, or production-wide destruction.</summary>
    Critical = 4,
}
