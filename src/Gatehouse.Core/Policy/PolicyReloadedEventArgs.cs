namespace Gatehouse.Core.Policy;

/// <summary>The outcome of a reload: the snapshot now in force, and the error when the new one was refused.</summary>
public sealed class PolicyReloadedEventArgs(PolicySnapshot current, string? error) : EventArgs
{
    public PolicySnapshot Current { get; } = current;

    public string? Error { get; } = error;
}
