using System.Globalization;
using System.Text;

namespace Gatehouse.Core.Tests.Oracles;

/// <summary>
/// JSON string literals written and read as pure ASCII with <c>\uXXXX</c> escapes. System.Text.Json refuses lone
/// surrogates and UTF-8 cannot carry them, yet malformed documents with lone surrogates are exactly what the oracle
/// corpus must be able to hand to graphql-js unchanged.
/// </summary>
public static class AsciiJsonString
{
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case >= ' ' and < (char)0x7F:
                    text.Append(c);
                    break;
                default:
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Decode(string literal)
    {
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"')
        {
            throw new FormatException($"Not a JSON string literal: {literal}");
        }

        var text = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escape = literal[++i];
            switch (escape)
            {
                case 'u':
                    text.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'b':
                    text.Append('\b');
                    break;
                case 'f':
                    text.Append('\f');
                    break;
                case '"' or '\\' or '/':
                    text.Append(escape);
                    break;
                default:
                    throw new FormatException($"Bad escape \\{escape} in {literal}");
            }
        }

        return text.ToString();
    }
}
