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

    /// <summary>
    /// Parses and reads a document in one step. Reading can fail after parsing too: a string holding a lone
    /// surrogate (<c>"\uD800"</c>) parses but cannot become a .NET string, and that is bad input, not a crash.
    /// </summary>
    public static T Read<T>(string json, string what, Func<JsonElement, T> read)
    {
        using var document = Parse(json, what);
        return Guard(() => read(document.RootElement), what);
    }

    /// <summary>Runs a reader over parsed JSON, turning what System.Text.Json throws for undecodable text into a <see cref="CedarException"/>.</summary>
    public static T Guard<T>(Func<T> read, string what)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            throw new CedarException($"invalid {what} JSON: {e.Message}", e);
        }
    }
}
