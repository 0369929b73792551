using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse policy diff</c>: every decision a policy change would change, on a corpus.</summary>
internal static class PolicyDiffCommand
{
    /// <summary>Some decisions changed: not an error, but a script gating a merge must notice.</summary>
    public const int Changed = 3;

    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var parsed = PolicyArguments.Parse(arguments, ["--corpus", "--inventory", "--context"], [], out var error);
        if (parsed is not null && (parsed.Positionals.Count != 2 || parsed.Value("--corpus") is null))
        {
            error = "give the OLD and NEW policy paths and --corpus FILE.";
            parsed = null;
        }

        if (parsed is null)
        {
            stderr.WriteLine($"gatehouse policy diff: {error}");
            stderr.WriteLine(PolicyUsage.Diff);
            return ExitCodes.Error;
        }

        PolicySnapshot before;
        PolicySnapshot after;
        IReadOnlyList<CorpusEntry> corpus;
        try
        {
            before = PolicyLoader.Load(parsed.Positionals[0], parsed.Value("--inventory"), parsed.Value("--context"), TimeProvider.System);
            after = PolicyLoader.Load(parsed.Positionals[1], parsed.Value("--inventory"), parsed.Value("--context"), TimeProvider.System);
            corpus = CorpusReader.Load(parsed.Value("--corpus")!);
        }
        catch (Exception exception) when (exception is PolicyLoadException or PolicyTestFormatException)
        {
            stderr.WriteLine($"gatehouse policy diff: {exception.Message}");
            return ExitCodes.Error;
        }

        var report = PolicyDiff.Run(before, after, corpus, TimeProvider.System);
        Print(stdout, report);
        return report.Changes.Count == 0 ? 0 : Changed;
    }

    internal static void Print(TextWriter stdout, PolicyDiffReport report)
    {
        foreach (var change in report.Changes)
        {
            stdout.WriteLine($"{change.Entry.Id}: {Side(change.Old)} → {Side(change.New)}");
            stdout.WriteLine($"    input: {change.Entry.Input}{(change.Entry.Environment is { } env ? $"  (env {env})" : string.Empty)}");
            stdout.WriteLine($"    old: {Policies(change.Old)}");
            stdout.WriteLine($"    new: {Policies(change.New)}");
        }

        stdout.WriteLine($"{report.Changes.Count} of {report.Total} decisions changed");
    }

    private static string Side(DiffSide side) =>
        side.Approval is { } approval ? $"approve ({approval.Describe()})" : WireNames.Of(side.Decision);

    private static string Policies(DiffSide side) => side.Policies.Count == 0 ? "no determining policy" : string.Join(", ", side.Policies);
}
