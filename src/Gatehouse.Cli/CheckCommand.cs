using System.Text;
using System.Text.Json;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
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

        if (options.PolicyPath is not null || options.InventoryPath is not null)
        {
            // Ignoring a policy the caller asked for would decide with rules they did not choose.
            stderr.WriteLine("gatehouse check: --policy and --inventory need the Cedar policy engine, which this build does not include yet; nothing was decided.");
            return ExitCodes.Error;
        }

        if (options.BatchSource is not null)
        {
            return BatchRunner.Run(options.BatchSource, stdin, stdout, stderr);
        }

        var input = options.Input == "-" ? stdin.ReadToEnd() : options.Input!;
        var classification = ActionClassifier.Classify(options.Kind, input, options.Environment);
        var verdict = BuiltInDecider.Decide(classification.Actions);

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
            ExplanationPrinter.Print(text, verdict, classification, options.Explain);
        }

        stdout.Flush();
        return ExitCodes.For(verdict.Decision);
    }
}
