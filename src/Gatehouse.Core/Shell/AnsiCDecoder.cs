using System.Text;

namespace Gatehouse.Core.Shell;

/// <summary>Decodes the body of bash <c>$'…'</c> quoting the way bash does.</summary>
internal static class AnsiCDecoder
{
    /// <summary>
    /// Decodes from <paramref name="start"/> (just after <c>$'</c>) up to the closing quote, appending to
    /// <paramref name="output"/>. Returns the index just past the closing quote, or -1 when unterminated.
    /// bash builds a C string, so a decoded NUL ends the value: nothing after it within the quotes survives.
    /// </summary>
    public static int Decode(string source, int start, StringBuilder output)
    {
        var truncated = false;
        var i = start;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\'')
            {
                return i + 1;
            }

            if (c != '\\' || i + 1 >= source.Length)
            {
                Emit(output, c, ref truncated);
                i++;
                continue;
            }

            var e = source[i + 1];
            i += 2;
            switch (e)
            {
                case 'a': Emit(output, '\a', ref truncated); break;
                case 'b': Emit(output, '\b', ref truncated); break;
                case 'e':
                case 'E': Emit(output, '\u001b', ref truncated); break;
                case 'f': Emit(output, '\f', ref truncated); break;
                case 'n': Emit(output, '\n', ref truncated); break;
                case 'r': Emit(output, '\r', ref truncated); break;
                case 't': Emit(output, '\t', ref truncated); break;
                case 'v': Emit(output, '\v', ref truncated); break;
                case '\\':
                case '\'':
                case '"':
                case '?':
                    Emit(output, e, ref truncated);
                    break;
                case >= '0' and <= '7':
                    {
                        var value = e - '0';
                        for (var n = 0; n < 2 && i < source.Length && source[i] is >= '0' and <= '7'; n++, i++)
                        {
                            value = (value * 8) + (source[i] - '0');
                        }

                        Emit(output, (char)(value & 0xFF), ref truncated);
                        break;
                    }

                case 'x':
                    i = DecodeHex(source, i, 2, output, "\\x", ref truncated);
                    break;
                case 'u':
                    i = DecodeHex(source, i, 4, output, "\\u", ref truncated);
                    break;
                case 'U':
                    i = DecodeHex(source, i, 8, output, "\\U", ref truncated);
                    break;
                case 'c':
                    if (i < source.Length && source[i] != '\'')
                    {
                        var controlled = source[i];
                        i++;

                        // bash lets "\c\\" stand for control-backslash.
                        if (controlled == '\\' && i < source.Length && source[i] == '\\')
                        {
                            i++;
                        }

                        var control = controlled == '?' ? '\u007f' : (char)(char.ToUpperInvariant(controlled) & 0x1F);
                        Emit(output, control, ref truncated);
                    }
                    else
                    {
                        EmitText(output, "\\c", ref truncated);
                    }

                    break;
                default:
                    Emit(output, '\\', ref truncated);
                    Emit(output, e, ref truncated);
                    break;
            }
        }

        return -1;
    }

    private static int DecodeHex(string source, int i, int maxDigits, StringBuilder output, string prefix, ref bool truncated)
    {
        var value = 0L;
        var digits = 0;
        while (digits < maxDigits && i < source.Length && char.IsAsciiHexDigit(source[i]))
        {
            value = (value * 16) + HexValue(source[i]);
            digits++;
            i++;
        }

        if (digits == 0)
        {
            EmitText(output, prefix, ref truncated);
            return i;
        }

        if (maxDigits == 2)
        {
            Emit(output, (char)value, ref truncated);
        }
        else if (value == 0)
        {
            Emit(output, '\0', ref truncated);
        }
        else if (value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF))
        {
            if (!truncated)
            {
                output.Append(char.ConvertFromUtf32((int)value));
            }
        }
        else
        {
            Emit(output, '\uFFFD', ref truncated);
        }

        return i;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static void Emit(StringBuilder output, char c, ref bool truncated)
    {
        if (c == '\0')
        {
            truncated = true;
        }

        if (!truncated)
        {
            output.Append(c);
        }
    }

    private static void EmitText(StringBuilder output, string text, ref bool truncated)
    {
        if (!truncated)
        {
            output.Append(text);
        }
    }
}
