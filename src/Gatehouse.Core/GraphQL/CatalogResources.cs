using System.Text.Json;

namespace Gatehouse.Core.GraphQL;

/// <summary>Reads the provider data files embedded as <c>Gatehouse.Providers.&lt;file&gt;.json</c> (GraphQL/Data and Http/Data).</summary>
internal static class CatalogResources
{
    private const string ResourcePrefix = "Gatehouse.Providers.";

    /// <summary>Every embedded catalog file whose name starts with <paramref name="filePrefix"/>, parsed; the caller disposes them.</summary>
    public static List<JsonDocument> Load(string filePrefix)
    {
        var assembly = typeof(CatalogResources).Assembly;
        var documents = new List<JsonDocument>();
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!name.StartsWith(ResourcePrefix + filePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded catalog '{name}' cannot be opened.");
            documents.Add(JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));
        }

        return documents;
    }

    public static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static List<string> GetStrings(JsonElement element, string property)
    {
        var list = new List<string>();
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }

    public static TEnum GetEnum<TEnum>(JsonElement element, string property, TEnum fallback)
        where TEnum : struct, Enum
    {
        var text = GetString(element, property);
        if (text is null)
        {
            return fallback;
        }

        return Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)
            ? value
            : throw new InvalidOperationException($"Catalog value '{text}' is not a valid {typeof(TEnum).Name}.");
    }
}
