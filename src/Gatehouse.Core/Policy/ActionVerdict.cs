using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>How one action of an input was decided, with everything an explanation needs.</summary>
/// <param name="Action">The classified action.</param>
/// <param name="Decision">This action's own decision.</param>
/// <param name="Risk">The risk the policies saw (<c>context.risk</c>).</param>
/// <param name="Target">What was known about the target: environments, blast radius, backups.</param>
/// <param name="Forbids">The forbid policies that matched (by name).</param>
/// <param name="Permits">The permit policies that matched (by name), with or without an approval requirement.</param>
/// <param name="Approval">The strictest requirement among the matching approval permits, when the decision is approve.</param>
/// <param name="Errors">Evaluation errors; any one denies the action.</param>
public sealed record ActionVerdict(
    AgentAction Action,
    Decision Decision,
    Risk Risk,
    TargetFacts Target,
    IReadOnlyList<string> Forbids,
    IReadOnlyList<string> Permits,
    ApprovalRequirement? Approval,
    IReadOnlyList<string> Errors)
{
    /// <summary>The policies that decided this action: the forbids when denied, otherwise the permits.</summary>
    public IReadOnlyList<string> DeterminingPolicies => Decision == Decision.Deny ? Forbids : Permits;
}
