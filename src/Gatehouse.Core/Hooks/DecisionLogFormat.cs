using System.Buffers;
using System.Text.Json;

namespace Gatehouse.Core.Hooks;

/// <summary>The JSON line format of the decision log, written and read without reflection.</summary>
internal static class DecisionLogFormat
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToJsonLine(DecisionLogEntry e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("time", e.Time.ToUniversalTime());
            writer.WriteString("agent", e.Agent);
            WriteOptional(writer, "session", e.Session);
            WriteOptional(writer, "cwd", e.WorkingDirectory);
            writer.WriteString("tool", e.Tool);
            writer.WriteString("input", e.Input);
            writer.WriteString("classification", e.Classification);
            writer.WriteString("decision", e.Decision);
            writer.WriteStartArray("rules");
            foreach (var rule in e.Rules)
            {
                writer.WriteStringValue(rule);
            }

            writer.WriteEndArray();
            writer.WriteString("reason", e.Reason);
            WriteOptional(writer, "intent", e.Intent);
            writer.WriteEndObject();
        }

        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>One line back into an entry; null for a line that is not one (a torn write, a foreign line).</summary>
    public static DecisionLogEntry? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("time", out var time) || !time.TryGetDateTimeOffset(out var when))
            {
                return null;
            }

            var rules = new List<string>();
            if (root.TryGetProperty("rules", out var ruleArray) && ruleArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var rule in ruleArray.EnumerateArray())
                {
                    if (rule.ValueKind == JsonValueKind.String)
                    {
                        rules.Add(rule.GetString()!);
                    }
                }
            }

            return new DecisionLogEntry(
                when,
                Text(root, "agent") ?? string.Empty,
                Text(root, "session"),
                Text(root, "cwd"),
                Text(root, "tool") ?? string.Empty,
                Text(root, "input") ?? string.Empty,
                Text(root, "classification") ?? string.Empty,
                Text(root, "decision") ?? string.Empty,
                rules,
                Text(root, "reason") ?? string.Empty,
                Text(root, "intent"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
