using System.Text;
using System.Text.Json;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Cli;

/// <summary>
/// <c>gatehouse check --batch</c>: JSON lines <c>{"id","kind","input","env"?}</c> in, one result line out
/// per input, in order. A malformed line gets a deny line with the error, and the batch goes on.
/// </summary>
internal static class BatchRunner
{
    public static int Run(string source, IDecider decider, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        TextReader reader;
        try
        {
            reader = source == "-" ? stdin : new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"gatehouse check: cannot read {source}: {exception.Message}");
            return ExitCodes.Error;
        }

        using var output = new BufferedStream(stdout, 1 << 16);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JsonOutput.Encoder, SkipValidation = true });
        try
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                ProcessLine(line, decider, writer);
                writer.Flush();
                output.WriteByte((byte)'\n');
                writer.Reset();
            }
        }
        finally
        {
            if (!ReferenceEquals(reader, stdin))
            {
                reader.Dispose();
            }
        }

        output.Flush();
        return ExitCodes.Allow;
    }

    private static void ProcessLine(string line, IDecider decider, Utf8JsonWriter writer)
    {
        BatchItem item;
        try
        {
            item = BatchItem.Parse(line);
        }
        catch (JsonException exception)
        {
            CheckReportWriter.WriteError(writer, BatchItem.TryReadId(line), $"invalid input line: {exception.Message}");
            return;
        }

        if (item.Error is not null)
        {
            CheckReportWriter.WriteError(writer, item.Id, item.Error);
            return;
        }

        var classification = ActionClassifier.Classify(item.Kind, item.Input!, item.Environment);
        var verdict = decider.Decide(classification, CheckCommand.ContextFor(item.Environment));
        CheckReportWriter.Write(writer, item.Id, verdict, classification);
    }
}
