using System.Text;
using System.Text.Json;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// The command names of one catalog document, read with a forward-only scan instead of a full parse: a hook process
/// indexes every family (~250 KB) to find the one or two its command names, then parses and compiles only those.
/// </summary>
internal static class CatalogIndex
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>One tool entry: its canonical name, command names, whether they fold case, and its position in <c>tools</c>.</summary>
    /// <remarks>A class, not a struct: collections of it then share the framework's precompiled code instead of being JIT-compiled at start-up.</remarks>
    internal sealed record Entry(string Tool, string[] Names, bool CaseInsensitive, int Position);

    /// <summary>The tools of <paramref name="utf8Json"/> in document order; throws <see cref="FormatException"/> or <see cref="JsonException"/>.</summary>
    public static List<Entry> Scan(ReadOnlySpan<byte> utf8Json)
    {
        var entries = new List<Entry>();
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("the document must be a JSON object");
        }

        var sawTools = false;
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTools = reader.ValueTextEquals("tools"u8);
            Read(ref reader);
            if (!isTools)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException("'tools' must be an array");
            }

            sawTools = true;
            var position = 0;
            while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                entries.Add(ScanTool(ref reader, position++));
            }
        }

        return sawTools ? entries : throw new FormatException("missing 'tools'");
    }

    private static Entry ScanTool(ref Utf8JsonReader reader, int position)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("a tool must be a JSON object");
        }

        string? tool = null;
        string[] names = [];
        var caseInsensitive = false;
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("tool"u8))
            {
                Read(ref reader);
                tool = NonEmptyString(ref reader, "tool");
            }
            else if (reader.ValueTextEquals("names"u8))
            {
                Read(ref reader);
                names = Names(ref reader);
            }
            else if (reader.ValueTextEquals("caseInsensitive"u8))
            {
                Read(ref reader);
                caseInsensitive = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                Read(ref reader);
                reader.Skip();
            }
        }

        return new Entry(tool ?? throw new FormatException("missing 'tool'"), names, caseInsensitive, position);
    }

    private static string[] Names(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException("'names' must be an array");
        }

        var names = new List<string>();
        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            names.Add(NonEmptyString(ref reader, "names"));
        }

        return [.. names];
    }

    private static string NonEmptyString(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"'{name}' must be a non-empty string");

    private static bool Read(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new JsonException("unexpected end of the document");

    /// <summary>UTF-8 bytes of a document given as text (catalogs loaded from strings).</summary>
    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
