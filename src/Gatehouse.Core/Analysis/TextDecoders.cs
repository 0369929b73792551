using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gatehouse.Core.Analysis;

/// <summary>The small decoders agents use to hide payloads in a pipeline: base64, hex, echo -e escapes, printf formats, rev.</summary>
internal static class TextDecoders
{
    public static string? Base64(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        // base64 -d accepts missing padding in practice; restore it so the decoder does too.
        while (compact.Length % 4 != 0)
        {
            compact.Append('=');
        }

        var buffer = ArrayPool<byte>.Shared.Rent(compact.Length);
        try
        {
            return Convert.TryFromBase64String(compact.ToString(), buffer, out var written)
                ? Encoding.UTF8.GetString(buffer, 0, written)
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string? Hex(string text)
    {
        var bytes = new List<byte>(text.Length / 2);
        var high = -1;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var value = HexValue(c);
            if (value < 0)
            {
                return null;
            }

            if (high < 0)
            {
                high = value;
            }
            else
            {
                bytes.Add((byte)((high << 4) | value));
                high = -1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static string Reverse(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var chars = lines[i].ToCharArray();
            Array.Reverse(chars);
            lines[i] = new string(chars);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Backslash escapes as <c>echo -e</c> and printf formats decode them.</summary>
    public static string Escapes(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case '\\':
                    builder.Append('\\');
                    break;
                case 'x':
                    var hexLength = 0;
                    while (hexLength < 2 && i + 1 + hexLength < text.Length && HexValue(text[i + 1 + hexLength]) >= 0)
                    {
                        hexLength++;
                    }

                    if (hexLength == 0)
                    {
                        builder.Append("\\x");
                    }
                    else
                    {
                        builder.Append((char)int.Parse(text.AsSpan(i + 1, hexLength), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += hexLength;
                    }

                    break;
                case >= '0' and <= '7':
                    var octalStart = next == '0' ? i + 1 : i;
                    var octalLength = 0;
                    while (octalLength < 3 && octalStart + octalLength < text.Length && text[octalStart + octalLength] is >= '0' and <= '7')
                    {
                        octalLength++;
                    }

                    var octal = 0;
                    for (var k = 0; k < octalLength; k++)
                    {
                        octal = (octal * 8) + (text[octalStart + k] - '0');
                    }

                    builder.Append((char)octal);
                    i = octalStart + octalLength - 1;
                    break;
                default:
                    builder.Append('\\').Append(next);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Renders a printf call: conversions take the arguments in turn; the format repeats while arguments remain.</summary>
    public static string Printf(string format, IReadOnlyList<string> arguments)
    {
        var builder = new StringBuilder();
        var next = 0;
        var rounds = 0;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] != '%' || i + 1 >= format.Length)
                {
                    builder.Append(format[i]);
                    continue;
                }

                if (format[i + 1] == '%')
                {
                    builder.Append('%');
                    i++;
                    continue;
                }

                // Skip flags, width and precision up to the conversion letter.
                var j = i + 1;
                while (j < format.Length && !char.IsAsciiLetter(format[j]))
                {
                    j++;
                }

                var argument = next < arguments.Count ? arguments[next++] : string.Empty;
                builder.Append(j < format.Length && format[j] == 'b' ? Escapes(argument) : argument);
                i = j;
            }
        }
        while (next < arguments.Count && ++rounds < 1000 && format.Contains('%', StringComparison.Ordinal));

        return Escapes(builder.ToString());
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
