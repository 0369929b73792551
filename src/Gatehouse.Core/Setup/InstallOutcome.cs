namespace Gatehouse.Core.Setup;

public enum InstallOutcome
{
    Created,
    Updated,
    Unchanged,
    Failed,
}
