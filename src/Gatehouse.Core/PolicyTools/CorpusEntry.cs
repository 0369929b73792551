namespace Gatehouse.Core.PolicyTools;

/// <summary>One input of a replay corpus.</summary>
/// <param name="Id">The entry's id (its <c>id</c>, else file:line).</param>
/// <param name="Kind">How the input is classified.</param>
/// <param name="Input">The command, SQL, HTTP request or GraphQL document.</param>
/// <param name="Environment">The environment the session declares, if any.</param>
/// <param name="Location">file:line, for messages.</param>
public sealed record CorpusEntry(string Id, InputKind Kind, string Input, string? Environment, string Location);
