namespace Gatehouse.Core.Setup;

/// <summary>How an agent would read a hook's answer.</summary>
public enum CanaryOutcome
{
    Allowed,
    Asked,
    Blocked,

    /// <summary>The hook failed in a way the agent treats as "run the tool anyway".</summary>
    FailedOpen,

    /// <summary>The hook failed; the agent blocks only where it was configured to (Cursor's failClosed, Claude's onFailure).</summary>
    Failed,
}
