using System.Text.Json;

namespace Gatehouse.Cedar.Json;

/// <summary>Parses JSON text with depth and encoding checks, turning every failure into a <see cref="CedarException"/>.</summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = CedarJsonReader.MaxDepth + 8 };

    public static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new CedarException($"invalid {what} JSON: {e.Message}", e);
        }
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            throw new CedarException($"invalid {what} JSON: not valid UTF-8");
        }

        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw new CedarException($"invalid {what} JSON: {e.Message}", e);
        }
    }
}
