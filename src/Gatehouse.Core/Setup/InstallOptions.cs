namespace Gatehouse.Core.Setup;

/// <summary>The inputs of one <c>gatehouse init</c> run.</summary>
public sealed record InstallOptions(string ProjectRoot, IReadOnlyList<HookSite> Sites, HookLaunch Launch, bool DryRun);
