namespace Gatehouse.Core.Setup;

/// <summary>What <c>gatehouse init</c> did (or, in a dry run, would do) to one file.</summary>
public sealed record InstallChange(string Path, InstallOutcome Outcome, string Description, string? BackupPath = null);
