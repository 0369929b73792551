namespace Gatehouse.Core.Setup;

/// <summary>Where an agent's settings live: in the project (shared with the team) or in the user's home.</summary>
public enum SetupScope
{
    Project,
    User,
}
