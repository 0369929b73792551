using Gatehouse.Core.Catalog;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Tests.Catalog;

/// <summary>
/// Builds catalog input from a test command line split on spaces. Inside a word, <c>·</c> stands for a space
/// (<c>-c DROP·TABLE·x</c>); a leading <c>~</c> becomes a tilde part; <c>$NAME</c>, <c>${NAME:?}</c> and
/// <c>$(…)</c> become dynamic parts, so words behave as the shell parser would hand them over.
/// </summary>
internal static class CommandLine
{
    public static (string Command, Word[] Arguments) Split(string line)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new Word[tokens.Length - 1];
        for (var i = 1; i < tokens.Length; i++)
        {
            words[i - 1] = Word(tokens[i].Replace('·', ' '));
        }

        return (tokens[0], words);
    }

    public static CatalogMatch? Match(string line)
    {
        var (command, arguments) = Split(line);
        return ToolCatalog.Default.Match(command, arguments);
    }

    public static Word Literal(string text) => new([new LiteralPart(text, QuoteKind.None)], 0, 0);

    public static Word Word(string token)
    {
        var parts = new List<WordPart>();
        var rest = token;
        if (rest.StartsWith('~'))
        {
            parts.Add(new TildePart(null));
            rest = rest[1..];
        }

        while (rest.Length > 0)
        {
            var dollar = rest.IndexOf('$', StringComparison.Ordinal);
            if (dollar < 0)
            {
                parts.Add(new LiteralPart(rest, QuoteKind.None));
                break;
            }

            if (dollar > 0)
            {
                parts.Add(new LiteralPart(rest[..dollar], QuoteKind.None));
                rest = rest[dollar..];
            }

            if (rest.StartsWith("$(", StringComparison.Ordinal))
            {
                var close = rest.IndexOf(')', StringComparison.Ordinal);
                parts.Add(new CommandSubstitutionPart(new Script([]), false, false));
                rest = rest[(close + 1)..];
            }
            else if (rest.StartsWith("${", StringComparison.Ordinal))
            {
                var close = rest.IndexOf('}', StringComparison.Ordinal);
                var inner = rest[2..close];
                var colon = inner.IndexOf(':', StringComparison.Ordinal);
                parts.Add(colon < 0
                    ? new ParameterPart(inner, null, null, false)
                    : new ParameterPart(inner[..colon], inner[colon..], null, false));
                rest = rest[(close + 1)..];
            }
            else
            {
                var end = 1;
                while (end < rest.Length && (char.IsLetterOrDigit(rest[end]) || rest[end] == '_'))
                {
                    end++;
                }

                parts.Add(new ParameterPart(rest[1..end], null, null, false));
                rest = rest[end..];
            }
        }

        return new Word(parts, 0, 0);
    }
}
