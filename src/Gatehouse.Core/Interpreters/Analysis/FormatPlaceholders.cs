using System.Text;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// Replaces format slots (<c>%s</c>, <c>{}</c>) with the unknown-value marker, so that
/// <c>"rm -rf %s" % d</c> reads as <c>rm -rf ?</c> rather than as a literal <c>%s</c>.
/// </summary>
internal static class FormatPlaceholders
{
    public static string ReplacePrintf(string text)
    {
        var sb = new StringBuilder(text.Length);
        var replaced = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '%' || i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }

            if (text[i + 1] == '%')
            {
                sb.Append('%');
                i++;
                continue;
            }

            var j = i + 1;
            if (text[j] == '(')
            {
                var close = text.IndexOf(')', j);
                j = close < 0 ? text.Length : close + 1;
            }

            while (j < text.Length && (char.IsDigit(text[j]) || text[j] is '-' or '+' or ' ' or '#' or '.' or '*'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiLetter(text[j]))
            {
                sb.Append(DynamicText.Marker);
                replaced = true;
                i = j;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (!replaced)
        {
            sb.Append(DynamicText.Marker);
        }

        return sb.ToString();
    }

    public static string ReplaceBraces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var replaced = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                if (close > i)
                {
                    sb.Append(DynamicText.Marker);
                    replaced = true;
                    i = close;
                    continue;
                }
            }

            sb.Append(c);
        }

        if (!replaced)
        {
            sb.Append(DynamicText.Marker);
        }

        return sb.ToString();
    }
}
