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
                ? BytesToText(buffer.AsSpan(0, written))
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>UTF-8 when the bytes are text; otherwise one char per byte, so a later decoder (gunzip) gets the bytes back intact.</summary>
    private static string BytesToText(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.Encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Decompresses gzip data (as produced by <see cref="BytesToText"/>); output is capped so a bomb cannot exhaust memory.</summary>
    public static string? Gunzip(string text)
    {
        foreach (var c in text)
        {
            if (c > 0xFF)
            {
                return null;
            }
        }

        const int MaxOutput = 1 << 20;
        try
        {
            using var input = new MemoryStream(Encoding.Latin1.GetBytes(text));
            using var gzip = new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
            var output = new byte[MaxOutput];
            var total = 0;
            int read;
            while (total < MaxOutput && (read = gzip.Read(output, total, MaxOutput - total)) > 0)
            {
                total += read;
            }

            return BytesToText(output.AsSpan(0, total));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary><c>tr SET1 SET2</c> with ranges (<c>a-z</c>) and the common escapes: enough for rot13-style disguises.</summary>
    public static string Translate(string text, string from, string to)
    {
        var source = ExpandTrSet(from);
        var target = ExpandTrSet(to);
        if (source.Length == 0 || target.Length == 0)
        {
            return text;
        }

        var map = new Dictionary<char, char>();
        for (var i = 0; i < source.Length; i++)
        {
            map.TryAdd(source[i], target[Math.Min(i, target.Length - 1)]);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(map.TryGetValue(c, out var mapped) ? mapped : c);
        }

        return builder.ToString();
    }

    private static string ExpandTrSet(string set)
    {
        var decoded = Escapes(set);
        var builder = new StringBuilder();
        for (var i = 0; i < decoded.Length; i++)
        {
            if (i + 2 < decoded.Length && decoded[i + 1] == '-' && decoded[i] <= decoded[i + 2])
            {
                for (var c = decoded[i]; c <= decoded[i + 2] && builder.Length < 4096; c++)
                {
                    builder.Append(c);
                }

                i += 2;
            }
            else
            {
                builder.Append(decoded[i]);
            }
        }

        return builder.ToString();
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
