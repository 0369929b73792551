namespace Gatehouse.Cedar;

/// <summary>A policy skipped because evaluating it raised an error.</summary>
public sealed record PolicyError(string PolicyId, string Message);
