using Gatehouse.Cedar;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>Everything the policies saw for one input, and what they made of it.</summary>
/// <param name="Classification">The classified input.</param>
/// <param name="Verdict">The decision for the whole input, exactly as <c>gatehouse check</c> gives it.</param>
/// <param name="Actions">One explanation per action, in order.</param>
public sealed record PolicyExplanation(Classification Classification, Verdict Verdict, IReadOnlyList<ActionExplanation> Actions);

/// <summary>What the policies saw for one action and what each of them made of it.</summary>
/// <param name="Verdict">The action's own decision, target facts (blast radius, reached environments) and approval.</param>
/// <param name="Request">The Cedar request (principal, action, resource, context); null when building it failed.</param>
/// <param name="Entities">The principal, the action with its groups, and the resource with its attributes.</param>
/// <param name="Satisfied">Every policy whose scope and conditions held, in load order.</param>
/// <param name="Errored">Every policy whose evaluation errored (any one denies).</param>
public sealed record ActionExplanation(
    ActionVerdict Verdict,
    AuthorizationRequest? Request,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<PolicyMatch> Satisfied,
    IReadOnlyList<PolicyMatch> Errored);
