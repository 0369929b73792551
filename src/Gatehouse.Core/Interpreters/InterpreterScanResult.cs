using Gatehouse.Core.Http;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters;

/// <summary>
/// What an interpreter one-liner or script does that matters: direct actions (file deletion,
/// process kills), plus nested code it hands to other languages, which the caller classifies
/// with the right classifier (shell commands, SQL text, HTTP requests).
/// </summary>
public sealed record InterpreterScanResult(
    IReadOnlyList<AgentAction> Actions,
    IReadOnlyList<string> ShellCommands,
    IReadOnlyList<string> SqlTexts,
    IReadOnlyList<HttpRequestDescription> HttpRequests)
{
    public static InterpreterScanResult Empty { get; } = new([], [], [], []);
}
