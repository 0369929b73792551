using Gatehouse.Cedar;
using Gatehouse.Core;
using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse policy explain</c>: what the policies saw for one input, and every policy that matched.</summary>
internal static class PolicyExplainCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var parsed = PolicyArguments.Parse(arguments, ["--policy", "--inventory", "--context", "--env", "--kind"], [], out var error);
        var kind = InputKind.Shell;
        if (parsed is not null && parsed.Value("--kind") is { } kindText && !CheckOptions.TryParseKind(kindText, out kind))
        {
            error = $"--kind takes one of shell, sql, http, graphql (got '{kindText}').";
            parsed = null;
        }

        if (parsed is null || parsed.Positionals.Count == 0)
        {
            stderr.WriteLine($"gatehouse policy explain: {error ?? "nothing to explain: give the input as an argument."}");
            stderr.WriteLine(PolicyUsage.Explain);
            return ExitCodes.Error;
        }

        PolicySnapshot snapshot;
        try
        {
            snapshot = PolicyLoader.Load(parsed.Value("--policy"), parsed.Value("--inventory"), parsed.Value("--context"), TimeProvider.System);
        }
        catch (PolicyLoadException exception)
        {
            stderr.WriteLine($"gatehouse policy explain: {exception.Message}");
            return ExitCodes.Error;
        }

        var environment = parsed.Value("--env");
        var input = string.Join(' ', parsed.Positionals);
        var classification = ActionClassifier.Classify(kind, input, environment);
        var explanation = new PolicyExplainer(snapshot).Explain(classification, CheckCommand.ContextFor(environment));
        Print(stdout, explanation, snapshot);
        return ExitCodes.For(explanation.Verdict.Decision);
    }

    internal static void Print(TextWriter stdout, PolicyExplanation explanation, PolicySnapshot snapshot)
    {
        var verdict = explanation.Verdict;
        stdout.WriteLine($"decision: {WireNames.Of(verdict.Decision)} (risk {WireNames.Of(verdict.Risk)})");
        stdout.WriteLine($"  {verdict.Reason}");
        if (verdict.Approval is { } approval)
        {
            stdout.WriteLine($"  approval required: {approval.Describe()}");
        }

        stdout.WriteLine($"  policies: {snapshot.PolicySource}; inventory: {snapshot.InventorySource ?? "none (environments as the input names them)"}");
        if (explanation.Actions.Count == 0)
        {
            stdout.WriteLine("  no actions: nothing in the input acts on anything.");
        }

        for (var i = 0; i < explanation.Actions.Count; i++)
        {
            PrintAction(stdout, i + 1, explanation.Actions[i]);
        }
    }

    private static void PrintAction(TextWriter stdout, int number, ActionExplanation explained)
    {
        var verdict = explained.Verdict;
        var action = verdict.Action;
        stdout.WriteLine();
        stdout.WriteLine($"action {number}: {WireNames.Of(action.Verb)} {action.Target.Kind}{(action.Target.Id is null ? string.Empty : " " + action.Target.Id)}  (via {action.Path}, rule {action.RuleId})");
        stdout.WriteLine("  entities:");
        foreach (var entity in explained.Entities)
        {
            var parents = entity.Parents.Count == 0 ? string.Empty : $" in [{string.Join(", ", entity.Parents.Select(p => p.Id))}]";
            stdout.WriteLine($"    {entity.Uid}{parents}");
            foreach (var (name, value) in entity.Attributes)
            {
                stdout.WriteLine($"      {name} = {value}");
            }
        }

        if (explained.Request is { } request)
        {
            stdout.WriteLine("  context:");
            foreach (var (name, value) in request.Context.Fields)
            {
                stdout.WriteLine($"      {name} = {value}");
            }
        }

        stdout.WriteLine("  blast radius:");
        foreach (var (label, text) in TargetFactsLines.Of(verdict.Target))
        {
            stdout.WriteLine($"    {label,-13} {text}");
        }

        stdout.WriteLine(explained.Satisfied.Count == 0 ? "  matched: no policy" : "  matched:");
        foreach (var match in explained.Satisfied)
        {
            var effect = match.Effect == PolicyEffect.Forbid ? "forbid" : match.Approval is null ? "permit" : "permit (approval)";
            stdout.WriteLine($"    {effect,-18} {match.Name}  [{match.Location}]{(match.Approval is { } a ? "  " + a.Describe() : string.Empty)}");
        }

        foreach (var errored in explained.Errored)
        {
            stdout.WriteLine($"  errored: {errored.Name}  [{errored.Location}]: {errored.Error}");
        }

        stdout.WriteLine($"  decision: {WireNames.Of(verdict.Decision)} (policy risk {WireNames.Of(verdict.Risk)}){(verdict.DeterminingPolicies.Count > 0 ? " by " + string.Join(", ", verdict.DeterminingPolicies) : string.Empty)}");
        if (verdict.Approval is { } approval)
        {
            stdout.WriteLine($"  approval: {approval.Describe()}");
        }

        foreach (var error in verdict.Errors)
        {
            stdout.WriteLine($"  error: {error}");
        }
    }
}
