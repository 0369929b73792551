namespace Gatehouse.Core.Hooks;

/// <summary>One hook decision as recorded in the local decision log. The input is already redacted.</summary>
/// <param name="Time">When the decision was made.</param>
/// <param name="Agent">The agent (<c>claude</c>, <c>cursor</c>, …).</param>
/// <param name="Session">The agent's session identifier, when its payload carries one.</param>
/// <param name="WorkingDirectory">The directory the tool call runs in, when known.</param>
/// <param name="Tool">The tool the agent called (<c>Bash</c>, <c>Write</c>, <c>mcp__db__query</c>).</param>
/// <param name="Input">What the tool would act on (the command, the path, the arguments), secrets redacted.</param>
/// <param name="Classification">A short summary of the actions found, e.g. <c>delete volume vol_1 (railway, critical)</c>.</param>
/// <param name="Decision">allow, approve or deny.</param>
/// <param name="Rules">The rules that determined the decision.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Intent">What the agent said it meant to do (Claude's <c>description</c>, Gemini's), when the payload carries it.</param>
public sealed record DecisionLogEntry(
    DateTimeOffset Time,
    string Agent,
    string? Session,
    string? WorkingDirectory,
    string Tool,
    string Input,
    string Classification,
    string Decision,
    IReadOnlyList<string> Rules,
    string Reason,
    string? Intent)
{
    /// <summary>The entry as the log stores it: one JSON line, newline included.</summary>
    public byte[] ToJsonLine() => DecisionLogFormat.ToJsonLine(this);
}
