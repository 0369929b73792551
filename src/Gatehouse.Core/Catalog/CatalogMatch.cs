using Gatehouse.Core.Model;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// What the tool catalog says one command invocation does. A command can act on several targets
/// (<c>rm a b</c>) and can carry embedded code (<c>psql -c</c>), so both are lists.
/// </summary>
/// <param name="RuleId">The catalog rule that matched, e.g. <c>kubectl.delete.namespace</c>.</param>
/// <param name="Actions">The actions the command performs; paths are relative (just the tool name), the caller prefixes wrappers.</param>
/// <param name="Delegations">Embedded code for other classifiers; empty when none.</param>
public sealed record CatalogMatch(string RuleId, IReadOnlyList<AgentAction> Actions, IReadOnlyList<Delegation> Delegations);
