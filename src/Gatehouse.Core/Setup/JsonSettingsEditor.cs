using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Core.Setup;

/// <summary>
/// Rewrites one array inside an agent's JSON settings file and leaves everything else as it was.
/// Every value outside the edited array, and every entry of that array that is not Gatehouse's, is copied
/// as its original bytes: a rewrite never re-escapes, re-orders or re-formats the user's own settings.
/// </summary>
internal static class JsonSettingsEditor
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };
    private static readonly JsonWriterOptions WriteOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Makes the array at <paramref name="path"/> hold the user's entries followed by <paramref name="desired"/>,
    /// dropping any entry <paramref name="isOurs"/> recognizes. Returns null when the file already has exactly
    /// these entries of ours (so a second install writes nothing).
    /// </summary>
    public static string? EnsureEntries(string? originalJson, IReadOnlyList<string> path, Func<JsonElement, bool> isOurs, IReadOnlyList<JsonObject> desired, IReadOnlyList<(string Name, JsonNode Value)>? rootDefaults = null)
    {
        var text = string.IsNullOrWhiteSpace(originalJson) ? "{}" : originalJson;
        using var document = Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SettingsFileException("the settings file's top level is not a JSON object");
        }

        if (!string.IsNullOrWhiteSpace(originalJson) && AlreadyInstalled(root, path, isOurs, desired) && DefaultsPresent(root, rootDefaults))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            WriteObject(writer, root, path, 0, isOurs, desired, rootDefaults);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Gatehouse's entries found at <paramref name="path"/>, in order (for the doctor).</summary>
    public static List<JsonElement> FindEntries(JsonElement root, IReadOnlyList<string> path, Func<JsonElement, bool> isOurs)
    {
        var found = new List<JsonElement>();
        if (TryNavigate(root, path, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (isOurs(item))
                {
                    found.Add(item.Clone());
                }
            }
        }

        return found;
    }

    public static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, ReadOptions);
        }
        catch (JsonException exception)
        {
            // Never overwrite a file we could not read: the user's settings would be lost.
            throw new SettingsFileException($"not valid JSON ({exception.Message}); fix it or move it aside, nothing was changed");
        }
    }

    public static bool TryNavigate(JsonElement root, IReadOnlyList<string> path, out JsonElement found)
    {
        found = root;
        foreach (var name in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AlreadyInstalled(JsonElement root, IReadOnlyList<string> path, Func<JsonElement, bool> isOurs, IReadOnlyList<JsonObject> desired)
    {
        if (!TryNavigate(root, path, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var ours = new List<JsonElement>();
        var sawOursThenTheirs = false;
        foreach (var item in array.EnumerateArray())
        {
            if (isOurs(item))
            {
                ours.Add(item);
            }
            else if (ours.Count > 0)
            {
                sawOursThenTheirs = true;
            }
        }

        if (sawOursThenTheirs || ours.Count != desired.Count)
        {
            return false;
        }

        for (var i = 0; i < ours.Count; i++)
        {
            if (!JsonNode.DeepEquals(JsonNode.Parse(ours[i].GetRawText()), desired[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DefaultsPresent(JsonElement root, IReadOnlyList<(string Name, JsonNode Value)>? defaults)
    {
        if (defaults is null)
        {
            return true;
        }

        foreach (var (name, _) in defaults)
        {
            if (!root.TryGetProperty(name, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteObject(
        Utf8JsonWriter writer, JsonElement element, IReadOnlyList<string> path, int depth, Func<JsonElement, bool> isOurs, IReadOnlyList<JsonObject> desired,
        IReadOnlyList<(string Name, JsonNode Value)>? defaults)
    {
        writer.WriteStartObject();
        if (defaults is not null)
        {
            // Required top-level members (Cursor's "version") go first, only when the user has none.
            foreach (var (name, value) in defaults)
            {
                if (!element.TryGetProperty(name, out _))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }
        }

        var step = path[depth];
        var written = false;
        foreach (var property in element.EnumerateObject())
        {
            if (!written && property.NameEquals(step) && depth == path.Count - 1 && desired.Count == 0 && OnlyOurs(property.Value, isOurs))
            {
                // Removing our last entry removes the array we created, rather than leaving "Event": [] behind.
                written = true;
                continue;
            }

            writer.WritePropertyName(property.Name);
            if (!written && property.NameEquals(step))
            {
                written = true;
                WriteStep(writer, property.Value, path, depth, isOurs, desired);
            }
            else
            {
                writer.WriteRawValue(property.Value.GetRawText(), skipInputValidation: true);
            }
        }

        if (!written)
        {
            writer.WritePropertyName(step);
            WriteStep(writer, null, path, depth, isOurs, desired);
        }

        writer.WriteEndObject();
    }

    private static bool OnlyOurs(JsonElement value, Func<JsonElement, bool> isOurs)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (!isOurs(item))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteStep(Utf8JsonWriter writer, JsonElement? value, IReadOnlyList<string> path, int depth, Func<JsonElement, bool> isOurs, IReadOnlyList<JsonObject> desired)
    {
        if (depth < path.Count - 1)
        {
            if (value is { ValueKind: not JsonValueKind.Object })
            {
                throw new SettingsFileException($"'{string.Join('.', path.Take(depth + 1))}' is not a JSON object");
            }

            using var empty = value is null ? JsonDocument.Parse("{}") : null;
            WriteObject(writer, value ?? empty!.RootElement, path, depth + 1, isOurs, desired, null);
            return;
        }

        if (value is { ValueKind: not JsonValueKind.Array })
        {
            throw new SettingsFileException($"'{string.Join('.', path)}' is not a JSON array");
        }

        writer.WriteStartArray();
        if (value is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (!isOurs(item))
                {
                    writer.WriteRawValue(item.GetRawText(), skipInputValidation: true);
                }
            }
        }

        foreach (var entry in desired)
        {
            entry.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}
