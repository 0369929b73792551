using System.Globalization;
using System.Text;

namespace Gatehouse.Cedar.Syntax;

/// <summary>Cedar's string escapes: reading literal bodies and writing quoted text.</summary>
internal static class CedarStrings
{
    /// <summary>Quotes <paramref name="value"/> so the Cedar parser reads it back unchanged.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            AppendEscaped(builder, rune);
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, Rune rune)
    {
        switch (rune.Value)
        {
            case '"': builder.Append("\\\""); break;
            case '\\': builder.Append("\\\\"); break;
            case '\n': builder.Append("\\n"); break;
            case '\r': builder.Append("\\r"); break;
            case '\t': builder.Append("\\t"); break;
            case 0: builder.Append("\\0"); break;
            default:
                if (Rune.IsControl(rune))
                {
                    builder.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                }
                else
                {
                    builder.Append(rune.ToString());
                }

                break;
        }
    }

    /// <summary>
    /// Resolves escapes in a string literal body. With <paramref name="starIsWildcard"/> (a <c>like</c> pattern),
    /// an unescaped <c>*</c> is dropped and its position recorded in <paramref name="wildcards"/>.
    /// Returns an error message, or null on success.
    /// </summary>
    public static string? TryUnescape(string body, bool starIsWildcard, out string value, List<int>? wildcards)
    {
        var builder = new StringBuilder(body.Length);
        value = string.Empty;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                AppendPatternChar(builder, c, starIsWildcard, wildcards);
                continue;
            }

            if (++i >= body.Length)
            {
                return "string ends with a lone backslash";
            }

            switch (body[i])
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '0': builder.Append('\0'); break;
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case '*' when starIsWildcard: builder.Append('*'); break;
                case 'x':
                    var hex = ReadHexByte(body, i + 1);
                    if (hex < 0)
                    {
                        return "invalid \\x escape: expected two hex digits for a value up to 7f";
                    }

                    AppendPatternChar(builder, (char)hex, starIsWildcard, wildcards);
                    i += 2;
                    break;
                case 'u':
                    var error = ReadUnicodeEscape(body, ref i, builder, starIsWildcard, wildcards);
                    if (error is not null)
                    {
                        return error;
                    }

                    break;
                default:
                    return $"invalid escape sequence '\\{body[i]}'";
            }
        }

        value = builder.ToString();
        return null;
    }

    private static int ReadHexByte(string body, int start)
    {
        if (start + 2 > body.Length
            || !int.TryParse(body.AsSpan(start, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value > 0x7f)
        {
            return -1;
        }

        return value;
    }

    /// <summary>In a pattern, a star reached any way but <c>\*</c> (even <c>\x2a</c>) is a wildcard, as in the official engine.</summary>
    private static void AppendPatternChar(StringBuilder builder, char c, bool starIsWildcard, List<int>? wildcards)
    {
        if (c == '*' && starIsWildcard)
        {
            wildcards?.Add(builder.Length);
            return;
        }

        builder.Append(c);
    }

    private static string? ReadUnicodeEscape(string body, ref int i, StringBuilder builder, bool starIsWildcard, List<int>? wildcards)
    {
        if (i + 1 >= body.Length || body[i + 1] != '{')
        {
            return "invalid unicode escape: expected '\\u{…}'";
        }

        var close = body.IndexOf('}', i + 2);
        var digits = close < 0 ? 0 : close - (i + 2);
        if (digits is < 1 or > 6
            || !int.TryParse(body.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || !Rune.IsValid(code))
        {
            return "invalid unicode escape: expected 1 to 6 hex digits naming a Unicode scalar value";
        }

        if (code == '*')
        {
            AppendPatternChar(builder, '*', starIsWildcard, wildcards);
        }
        else
        {
            builder.Append(new Rune(code).ToString());
        }

        i = close;
        return null;
    }
}
