namespace Gatehouse.Core.Setup;

public enum DoctorSeverity
{
    Ok,

    /// <summary>A limit of the agent itself that no setting can fix; reported, not failed.</summary>
    Note,

    /// <summary>Something that lets a call through unchecked, or blocks everything: the doctor fails.</summary>
    Problem,
}
