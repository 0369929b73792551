using System.Text;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>Joins an argument vector into one POSIX shell command line that re-parses to the same words.</summary>
internal static class ShellWords
{
    /// <summary>What an unknown piece becomes in a rendered command: a variable the shell classifier treats as dynamic.</summary>
    public const string Placeholder = "$GATEHOUSE_DYNAMIC";

    public static string Join(IReadOnlyList<string> argv)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < argv.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            AppendQuoted(sb, argv[i]);
        }

        return sb.ToString();
    }

    private static void AppendQuoted(StringBuilder sb, string word)
    {
        if (word.Length == 0)
        {
            sb.Append("''");
            return;
        }

        if (word[0] == '~' && (word.Length == 1 || word[1] == '/'))
        {
            // Keep the home directory expandable: the shell classifier must see ~, not a file named "~".
            sb.Append('~');
            word = word[1..];
            if (word.Length == 0)
            {
                return;
            }
        }

        var pieces = word.Split(DynamicText.Marker);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('"').Append(Placeholder).Append('"');
            }

            AppendLiteral(sb, pieces[i]);
        }
    }

    private static void AppendLiteral(StringBuilder sb, string piece)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (IsSafe(piece))
        {
            sb.Append(piece);
            return;
        }

        sb.Append('\'').Append(piece.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
    }

    private static bool IsSafe(string piece)
    {
        foreach (var c in piece)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',' or ':' or '=' or '@' or '%' or '+'))
            {
                return false;
            }
        }

        return true;
    }
}
