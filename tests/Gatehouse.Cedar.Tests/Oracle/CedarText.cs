using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>Quoting for the generator's output: Cedar string literals and JSON strings.</summary>
internal static class CedarText
{
    /// <summary>A Cedar string literal: backslash escapes for quote, backslash and control characters.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u{").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A JSON string literal (ASCII-safe, so the text survives any pipe encoding).</summary>
    public static string JsonQuote(string value)
    {
        return "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.Default).ToString() + "\"";
    }
}
