namespace Gatehouse.Core.Setup;

/// <summary>One line of the doctor's report.</summary>
public sealed record DoctorFinding(DoctorSeverity Severity, string Subject, string Message);
