namespace Gatehouse.Core.Hooks;

/// <summary>What the hook process writes and how it exits, in the agent's own protocol.</summary>
/// <param name="Stdout">The JSON (or nothing) the agent reads from standard output.</param>
/// <param name="Stderr">Text for standard error; agents that block on exit code 2 show it to the model.</param>
/// <param name="ExitCode">The process exit code the agent interprets.</param>
public sealed record HookReply(string Stdout, string Stderr, int ExitCode);
