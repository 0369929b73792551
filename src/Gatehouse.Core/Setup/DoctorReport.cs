namespace Gatehouse.Core.Setup;

/// <summary>Everything the doctor checked. Sound only when at least one hook is installed and nothing would fail open.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorFinding> Findings, int HooksChecked)
{
    public bool IsSound
    {
        get
        {
            if (HooksChecked == 0)
            {
                return false;
            }

            foreach (var finding in Findings)
            {
                if (finding.Severity == DoctorSeverity.Problem)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
