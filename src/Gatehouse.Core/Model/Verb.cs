namespace Gatehouse.Core.Model;

/// <summary>What an action does to its target, independent of the tool that does it.</summary>
public enum Verb
{
    /// <summary>The classifier could not tell; treated as mutating by every decision.</summary>
    Unknown = 0,
    Read,
    List,
    Create,
    Update,
    Delete,
    /// <summary>Runs code or a program whose effects are not visible from here.</summary>
    Execute,
    Grant,
    Revoke,
    Deploy,
}
