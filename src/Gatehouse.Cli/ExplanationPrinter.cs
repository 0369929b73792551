using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary>The human-readable form of a check: the decision first, then with --explain everything behind it.</summary>
internal static class ExplanationPrinter
{
    public static void Print(TextWriter output, Verdict verdict, Classification classification, bool explain, PolicySnapshot snapshot)
    {
        output.WriteLine($"{WireNames.Of(verdict.Decision)} (risk {WireNames.Of(verdict.Risk)})");
        output.WriteLine($"  {verdict.Reason}");
        if (verdict.Approval is { } approval)
        {
            output.WriteLine($"  approval: {approval.Describe()}");
        }
        if (!explain)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Commands found:");
        if (classification.Segments.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var segment in classification.Segments)
        {
            output.WriteLine($"  {segment.Path}: {segment.Text}");
        }

        output.WriteLine();
        output.WriteLine("Actions:");
        if (classification.Actions.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var action in classification.Actions)
        {
            var target = action.Target.Id is null ? action.Target.Kind : $"{action.Target.Kind} {action.Target.Id}";
            var environments = action.Target.Environments.Count == 0 ? "unknown" : string.Join(", ", action.Target.Environments);
            output.WriteLine($"  {WireNames.Of(action.Verb)} {target}");
            output.WriteLine($"    via       {action.Path}");
            output.WriteLine($"    rule      {action.RuleId}: {action.Reason}");
            output.WriteLine($"    risk      {WireNames.Of(action.Risk)}, {(action.Reversible ? "reversible" : "irreversible")}");
            output.WriteLine($"    env       {environments} (as the input names it)");
            if (action.Tags.Count > 0)
            {
                output.WriteLine($"    tags      {string.Join(", ", action.Tags)}");
            }

            if (FindVerdict(verdict, action) is { } decided)
            {
                PrintDecided(output, decided);
            }
        }
        output.WriteLine();
        output.WriteLine($"Decided by: {(verdict.Policies.Count == 0 ? "(no policy matched)" : string.Join(", ", verdict.Policies))} of {snapshot.PolicySource}{(snapshot.InventorySource is null ? ", without an inventory" : $", inventory {snapshot.InventorySource}")}.");
    }

    private static ActionVerdict? FindVerdict(Verdict verdict, Core.Model.AgentAction action)
    {
        foreach (var candidate in verdict.Actions)
        {
            if (ReferenceEquals(candidate.Action, action))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void PrintDecided(TextWriter output, ActionVerdict decided)
    {
        foreach (var (label, text) in TargetFactsLines.Of(decided.Target))
        {
            output.WriteLine($"    {label,-TargetFactsLines.LabelWidth} {text}");
        }

        output.WriteLine($"    decision  {WireNames.Of(decided.Decision)} (policy risk {WireNames.Of(decided.Risk)})");
        foreach (var policy in decided.Forbids)
        {
            output.WriteLine($"    forbid    {policy}");
        }

        foreach (var policy in decided.Permits)
        {
            output.WriteLine($"    permit    {policy}");
        }

        foreach (var error in decided.Errors)
        {
            output.WriteLine($"    error     {error}");
        }
    }
}
