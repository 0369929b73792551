using System.Text;
using System.Text.Json;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse check</c>: classify and decide one input, or a batch of JSON lines.</summary>
internal static class CheckCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        var options = CheckOptions.Parse(arguments, out var error);
        if (options is null)
        {
            stderr.WriteLine($"gatehouse check: {error}");
            stderr.WriteLine(Usage.Check);
            return ExitCodes.Error;
        }

        PolicySnapshot snapshot;
        try
        {
            snapshot = PolicyLoader.Load(options.PolicyPath, options.InventoryPath, options.ContextPath, TimeProvider.System, PolicySnapshotCache.ForUser());
        }
        catch (PolicyLoadException exception)
        {
            // A policy or inventory the caller asked for and cannot be used is an error, never a decision.
            stderr.WriteLine($"gatehouse check: {exception.Message}");
            stderr.WriteLine("Nothing was decided.");
            return ExitCodes.Error;
        }

        var decider = new PolicyDecider(snapshot);
        if (options.BatchSource is not null)
        {
            return BatchRunner.Run(options.BatchSource, decider, stdin, stdout, stderr);
        }

        var input = options.Input == "-" ? stdin.ReadToEnd() : options.Input!;
        var classification = ActionClassifier.Classify(options.Kind, input, options.Environment);
        var verdict = decider.Decide(classification, ContextFor(options.Environment));

        if (options.Json)
        {
            using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = options.Explain, Encoder = JsonOutput.Encoder });
            CheckReportWriter.Write(writer, id: null, verdict, classification, includeSegments: options.Explain);
            writer.Flush();
            stdout.Write("\n"u8);
        }
        else
        {
            using var text = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
            ExplanationPrinter.Print(text, verdict, classification, options.Explain, snapshot);
        }

        stdout.Flush();
        return ExitCodes.For(verdict.Decision);
    }

    /// <summary>The declared environment and the time: all a command line knows about who asks.</summary>
    internal static DecisionContext ContextFor(string? declaredEnvironment) =>
        new(declaredEnvironment, null, null, Environment.CurrentDirectory, TimeProvider.System.GetUtcNow());
}
