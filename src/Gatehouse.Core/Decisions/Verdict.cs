using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Decisions;

/// <summary>A decision with what produced it.</summary>
/// <param name="Decision">Allow, approve or deny.</param>
/// <param name="Risk">The highest risk among the actions after environment escalation.</param>
/// <param name="Rules">The rules of the actions that determined the decision, in order found.</param>
/// <param name="Reason">One sentence for a person (or a model) saying why.</param>
public sealed record Verdict(Decision Decision, Risk Risk, IReadOnlyList<string> Rules, string Reason)
{
    /// <summary>What an approval must look like when <see cref="Decision"/> is approve; null otherwise.</summary>
    public ApprovalRequirement? Approval { get; init; }

    /// <summary>The policies (by name) that determined the decision, in order found; empty for deciders without policies.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Per action: its own decision, the policies that matched, and what the inventory resolved.</summary>
    public IReadOnlyList<ActionVerdict> Actions { get; init; } = [];
}
