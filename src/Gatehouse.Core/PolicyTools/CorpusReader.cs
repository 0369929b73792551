using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Reads a replay corpus: JSON lines as <c>gatehouse check --batch</c> takes them
/// (<c>{"id","kind","input","env"?}</c>, other fields ignored), or a labeled corpus YAML file
/// (<c>cases:</c> of <c>command</c>, as in tests/corpus). A malformed entry is an error naming its line:
/// a replay that silently skips inputs would under-report what a policy change does.
/// </summary>
public static class CorpusReader
{
    public static IReadOnlyList<CorpusEntry> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = YamlInput.ReadFile(path);
        return path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? ParseYaml(text, path)
            : ParseJsonLines(text, path);
    }

    public static IReadOnlyList<CorpusEntry> ParseJsonLines(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<CorpusEntry>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            entries.Add(ParseJsonLine(trimmed, $"{source}:{lineNumber}"));
        }

        return entries;
    }

    public static IReadOnlyList<CorpusEntry> ParseYaml(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = YamlInput.Mapping(source, YamlInput.Parse(text, source), "a corpus file");
        var entries = new List<CorpusEntry>();
        foreach (var (keyNode, value) in root.Children)
        {
            if (YamlInput.Scalar(source, keyNode, "a key") != "cases")
            {
                continue;
            }

            if (value is not YamlSequenceNode cases)
            {
                throw YamlInput.Error(source, value, "cases must be a list.");
            }

            foreach (var node in cases)
            {
                var map = YamlInput.Mapping(source, node, "a case");
                string? command = null;
                foreach (var (key, item) in map.Children)
                {
                    if (YamlInput.Scalar(source, key, "a key") == "command")
                    {
                        command = YamlInput.Scalar(source, item, "command");
                    }
                }

                var location = $"{source}:{node.Start.Line}";
                entries.Add(new CorpusEntry(location, InputKind.Shell, command ?? throw YamlInput.Error(source, node, "a corpus case needs a 'command'."), null, location));
            }
        }

        return entries;
    }

    private static CorpusEntry ParseJsonLine(string line, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyTestFormatException($"{location}: each line must be a JSON object.");
            }

            var id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind switch
                {
                    JsonValueKind.String => idElement.GetString()!,
                    JsonValueKind.Number => idElement.GetRawText(),
                    _ => throw new PolicyTestFormatException($"{location}: \"id\" must be a string or a number."),
                }
                : location;
            var input = root.TryGetProperty("input", out var inputElement) && inputElement.ValueKind == JsonValueKind.String
                ? inputElement.GetString()!
                : throw new PolicyTestFormatException($"{location}: \"input\" must be a string.");
            var kind = InputKind.Shell;
            if (root.TryGetProperty("kind", out var kindElement))
            {
                kind = kindElement.ValueKind == JsonValueKind.String ? KindOf(kindElement.GetString()!, location) : throw new PolicyTestFormatException($"{location}: \"kind\" must be a string.");
            }

            string? environment = null;
            if (root.TryGetProperty("env", out var envElement) && envElement.ValueKind != JsonValueKind.Null)
            {
                environment = envElement.ValueKind == JsonValueKind.String ? envElement.GetString() : throw new PolicyTestFormatException($"{location}: \"env\" must be a string.");
            }

            return new CorpusEntry(id, kind, input, environment, location);
        }
        catch (JsonException exception)
        {
            throw new PolicyTestFormatException($"{location}: invalid JSON: {exception.Message}", exception);
        }
    }

    private static InputKind KindOf(string text, string location) => text switch
    {
        "shell" => InputKind.Shell,
        "sql" => InputKind.Sql,
        "http" => InputKind.Http,
        "graphql" => InputKind.GraphQL,
        _ => throw new PolicyTestFormatException($"{location}: unknown kind '{text}' (shell, sql, http, graphql)."),
    };
}
