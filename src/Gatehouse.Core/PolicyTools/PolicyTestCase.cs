using Gatehouse.Core.Model;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// One case: what the agent proposes (an input to classify, or an explicit action), the world it
/// proposes it in (inventory, declared environment, code freeze) and the outcome the policies must give.
/// </summary>
/// <param name="Name">What the case checks, for the report.</param>
/// <param name="Location">suite:line of the case, for the report.</param>
/// <param name="Kind">How <paramref name="Input"/> is classified.</param>
/// <param name="Input">The command, SQL, HTTP request or GraphQL document; null when <paramref name="Action"/> is given.</param>
/// <param name="Action">An explicit action, decided without classification; null when <paramref name="Input"/> is given.</param>
/// <param name="Environment">The environment the session declares (evidence only; the inventory decides).</param>
/// <param name="Inventory">The inventory targets resolve against; null resolves from the input alone.</param>
/// <param name="Context">The policy context (code freezes) in force, if any.</param>
/// <param name="Time">When the case is decided; null for the runner's clock.</param>
/// <param name="Expected">The outcome the policies must give.</param>
public sealed record PolicyTestCase(
    string Name,
    string Location,
    InputKind Kind,
    string? Input,
    AgentAction? Action,
    string? Environment,
    InventorySpec? Inventory,
    ContextSpec? Context,
    DateTimeOffset? Time,
    ExpectedOutcome Expected);

/// <summary>An inventory for a case: a file, or a document written inline in the suite.</summary>
/// <param name="Key">Identifies the inventory (absolute path, or suite:line for an inline one).</param>
/// <param name="Path">The file, when the inventory is one.</param>
/// <param name="InlineYaml">The inline document, when written in the suite.</param>
public sealed record InventorySpec(string Key, string? Path, string? InlineYaml);

/// <summary>The policy context of a case: a context file (as <c>gatehouse check --context</c> reads it) or an inline code freeze.</summary>
/// <param name="Key">Identifies the context (absolute path, or the inline freeze's environments).</param>
/// <param name="Context">The context itself.</param>
public sealed record ContextSpec(string Key, Policy.PolicyContext Context);

/// <summary>What a case expects.</summary>
/// <param name="Decision">The decision for the whole input.</param>
/// <param name="Approvals">The number of approvers required, when the case pins it (only with approve).</param>
/// <param name="Policies">Policies (by name) that must each be among the determining ones, when the case names them.</param>
public sealed record ExpectedOutcome(Decision Decision, int? Approvals, IReadOnlyList<string>? Policies);
