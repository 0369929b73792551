using System.Text;

namespace Gatehouse.Core.Interpreters.Lexing;

/// <summary>
/// Strings whose value is only partly known carry a private-use marker where an interpolated or
/// unknown piece goes, so each consumer can render it in its own placeholder syntax.
/// </summary>
internal static class DynamicText
{
    public const char Marker = '\uE000';

    public static readonly string MarkerString = Marker.ToString();

    public static bool IsDynamic(string text) => text.Contains(Marker, StringComparison.Ordinal);

    /// <summary>True when the text holds something besides markers and white space.</summary>
    public static bool HasLiteralContent(string text)
    {
        foreach (var c in text)
        {
            if (c != Marker && !char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    public static string Render(string text, string placeholder)
    {
        if (!text.Contains(Marker, StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == Marker)
            {
                sb.Append(placeholder);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
