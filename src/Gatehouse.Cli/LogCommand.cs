using System.Globalization;
using System.Text;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse log [--count N] [--json]</c>: the most recent hook decisions, oldest first.</summary>
internal static class LogCommand
{
    public static int Run(IReadOnlyList<string> arguments, Stream stdout, TextWriter stderr)
    {
        var count = 20;
        var json = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--count" or "-n" when i + 1 < arguments.Count && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0:
                    i++;
                    break;
                default:
                    stderr.WriteLine($"gatehouse log: unexpected argument '{arguments[i]}'.");
                    stderr.WriteLine(Usage.Log);
                    return ExitCodes.Error;
            }
        }

        var log = new DecisionLog(DecisionLog.DefaultPath(), DecisionLog.DefaultMaxBytes, TimeProvider.System);
        var entries = log.ReadRecent(count);
        using var writer = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
        if (json)
        {
            // The same lines the log holds, so `gatehouse log --json` and the file never disagree on the format.
            writer.Flush();
            foreach (var entry in entries)
            {
                stdout.Write(entry.ToJsonLine());
            }
        }
        else if (entries.Count == 0)
        {
            writer.WriteLine($"No hook decisions recorded yet ({log.Path}).");
        }
        else
        {
            foreach (var entry in entries)
            {
                WriteText(writer, entry);
            }
        }

        return ExitCodes.Allow;
    }

    private static void WriteText(TextWriter writer, DecisionLogEntry entry)
    {
        writer.Write(entry.Time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.Write($"  {entry.Decision,-7}  {entry.Agent,-7}  {entry.Tool}: {OneLine(entry.Input, 160)}");
        writer.WriteLine();
        writer.WriteLine($"    {entry.Reason}");
        if (entry.Intent is { Length: > 0 } intent)
        {
            writer.WriteLine($"    intent: {OneLine(intent, 160)}");
        }
    }

    private static string OneLine(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
