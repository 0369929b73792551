using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary>The human-readable form of a check: the decision first, then with --explain everything behind it.</summary>
internal static class ExplanationPrinter
{
    public static void Print(TextWriter output, Verdict verdict, Classification classification, bool explain)
    {
        output.WriteLine($"{WireNames.Of(verdict.Decision)} (risk {WireNames.Of(verdict.Risk)})");
        output.WriteLine($"  {verdict.Reason}");
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
            output.WriteLine($"    risk      {WireNames.Of(action.Risk)} (effective {WireNames.Of(BuiltInDecider.EffectiveRisk(action))}), {(action.Reversible ? "reversible" : "irreversible")}");
            output.WriteLine($"    env       {environments}");
            if (action.Tags.Count > 0)
            {
                output.WriteLine($"    tags      {string.Join(", ", action.Tags)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Decided by: {(verdict.Rules.Count == 0 ? "(no rule: nothing acts)" : string.Join(", ", verdict.Rules))} under the built-in default policy.");
    }
}
