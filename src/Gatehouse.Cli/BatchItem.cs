using System.Globalization;
using System.Text;
using System.Text.Json;
using Gatehouse.Core;

namespace Gatehouse.Cli;

/// <summary>One line of batch input, read with <see cref="Utf8JsonReader"/> (no reflection on the hot path).</summary>
internal readonly record struct BatchItem(string? Id, InputKind Kind, string? Input, string? Environment, string? Error)
{
    public static BatchItem Parse(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new BatchItem(null, InputKind.Shell, null, null, "invalid input line: expected a JSON object");
        }

        string? id = null;
        string? input = null;
        string? environment = null;
        string? kindText = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = ScalarText(ref reader);
                    break;
                case "kind" when reader.TokenType == JsonTokenType.String:
                    kindText = reader.GetString();
                    break;
                case "input" when reader.TokenType == JsonTokenType.String:
                    input = reader.GetString();
                    break;
                case "env" when reader.TokenType == JsonTokenType.String:
                    environment = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var kind = InputKind.Shell;
        if (kindText is not null && !CheckOptions.TryParseKind(kindText, out kind))
        {
            return new BatchItem(id, kind, null, null, $"unknown kind '{kindText}': expected shell, sql, http or graphql");
        }

        return input is null
            ? new BatchItem(id, kind, null, null, "invalid input line: \"input\" must be a string")
            : new BatchItem(id, kind, input, string.IsNullOrEmpty(environment) ? null : environment, null);
    }

    /// <summary>Best effort to echo the id of a line that does not parse, so the caller can still match lines up.</summary>
    public static string? TryReadId(string line)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8) && reader.Read())
                {
                    return ScalarText(ref reader);
                }
            }
        }
        catch (JsonException)
        {
            // The line is broken before any id; there is nothing to echo.
        }

        return null;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var number) ? number.ToString(CultureInfo.InvariantCulture) : Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };
}
