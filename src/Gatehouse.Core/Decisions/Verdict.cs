using Gatehouse.Core.Model;

namespace Gatehouse.Core.Decisions;

/// <summary>A decision with what produced it.</summary>
/// <param name="Decision">Allow, approve or deny.</param>
/// <param name="Risk">The highest risk among the actions after environment escalation.</param>
/// <param name="Rules">The rules of the actions that determined the decision, in order found.</param>
/// <param name="Reason">One sentence for a person (or a model) saying why.</param>
public sealed record Verdict(Decision Decision, Risk Risk, IReadOnlyList<string> Rules, string Reason);
