using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// One option occurrence. <see cref="Value"/> is the text of its value (dynamic parts rendered), null when it took none;
/// <see cref="ValueHasLiteral"/> says whether any of that value is written out rather than expanded (<c>"x = '$Y'"</c> yes, <c>"$Y"</c> no).
/// </summary>
internal readonly record struct ParsedFlag(string Name, string? Value, bool ValueIsStatic, bool ValueHasLiteral);

/// <summary>The words after a command name, split into options and positionals according to the tool's <see cref="ArgumentSyntax"/>.</summary>
internal sealed class ParsedArguments
{
    /// <summary>The pseudo-option recorded for <c>--</c>, so rules can ask whether paths were separated explicitly.</summary>
    public const string EndOfOptions = "--";

    private ParsedArguments(IReadOnlyList<Word> words, List<Word> positionals, List<int> positionalWordIndexes, List<ParsedFlag> flags)
    {
        Words = words;
        Positionals = positionals;
        PositionalWordIndexes = positionalWordIndexes;
        Flags = flags;
    }

    public IReadOnlyList<Word> Words { get; }

    public List<Word> Positionals { get; }

    /// <summary>For each positional, its index in <see cref="Words"/> (used to hand the rest of the line to another tool).</summary>
    public List<int> PositionalWordIndexes { get; }

    public List<ParsedFlag> Flags { get; }

    /// <summary>An exact <c>--help</c> or <c>-help</c> stood where an option may stand (not a value, not after <c>--</c>).</summary>
    public bool HelpRequested { get; private init; }

    public static ParsedArguments Parse(IReadOnlyList<Word> words, ArgumentSyntax syntax)
    {
        var positionals = new List<Word>();
        var indexes = new List<int>();
        var flags = new List<ParsedFlag>();
        var optionsEnded = false;
        var helpRequested = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (optionsEnded || !LooksLikeOption(word))
            {
                positionals.Add(word);
                indexes.Add(i);
                optionsEnded |= syntax.OptionsEndAfter > 0 && positionals.Count >= syntax.OptionsEndAfter;
                continue;
            }

            var text = syntax.CaseInsensitive ? word.Text.ToLowerInvariant() : word.Text;
            if (string.Equals(text, EndOfOptions, StringComparison.Ordinal))
            {
                optionsEnded = true;
                flags.Add(new ParsedFlag(EndOfOptions, null, true, false));
                continue;
            }

            helpRequested |= text is "--help" or "-help";
            if (syntax.BundlesShortFlags && text.Length > 2 && text[1] != '-')
            {
                i = ParseBundle(words, i, text, word.IsStatic, syntax, flags);
                continue;
            }

            if (text.Length > 2 && text[1] != '-' && syntax.AttachedValueFlags.Contains(text[..2]))
            {
                // -oyaml, -nprod: a short option with its value attached.
                flags.Add(new ParsedFlag(text[..2], word.Text[2..], word.IsStatic, HasLiteralAfter(word, 2)));
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var colon = syntax.CaseInsensitive ? text.IndexOf(':', StringComparison.Ordinal) : -1;
            if (colon > 0 && (equals < 0 || colon < equals))
            {
                // PowerShell binds a value with a colon: -Confirm:$false, -Path:C:\x.
                flags.Add(new ParsedFlag(text[..colon], word.Text[(colon + 1)..], word.IsStatic, HasLiteralAfter(word, colon + 1)));
            }
            else if (equals > 0)
            {
                flags.Add(new ParsedFlag(text[..equals], word.Text[(equals + 1)..], word.IsStatic, HasLiteralAfter(word, equals + 1)));
            }
            else if (syntax.ValueFlags.Contains(text) && i + 1 < words.Count && !IsLikelyOption(words[i + 1]))
            {
                var value = words[++i];
                flags.Add(new ParsedFlag(text, value.Text, value.IsStatic, HasLiteralAfter(value, 0)));
            }
            else
            {
                flags.Add(new ParsedFlag(text, null, true, false));
            }
        }


        return new ParsedArguments(words, positionals, indexes, flags) { HelpRequested = helpRequested };
    }

    /// <summary>
    /// Whether the word has written-out text at or after <paramref name="offset"/> of its rendering (the value part of
    /// <c>--command=…</c>). Once a dynamic part is passed, positions are unknown, so any later literal counts.
    /// </summary>
    public static bool HasLiteralAfter(Word word, int offset)
    {
        var position = 0;
        foreach (var part in word.Parts)
        {
            if (part is LiteralPart literal)
            {
                if (literal.Text.Length > 0 && position + literal.Text.Length > offset)
                {
                    return true;
                }

                position += literal.Text.Length;
            }
            else
            {
                position = Math.Max(position, offset);
            }
        }

        return false;
    }

    /// <summary>Whether the option is given and not switched off (<c>--prod=false</c> and <c>--dry-run=no</c> are off).</summary>
    public bool HasFlag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, StringComparison.Ordinal) && !IsSwitchedOff(flag.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSwitchedOff(string? value) =>
        value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase) || value.Equals("off", StringComparison.OrdinalIgnoreCase));

    private static int ParseBundle(IReadOnlyList<Word> words, int index, string text, bool isStatic, ArgumentSyntax syntax, List<ParsedFlag> flags)
    {
        for (var j = 1; j < text.Length; j++)
        {
            var name = string.Concat("-", text.AsSpan(j, 1));
            var rest = text[(j + 1)..];
            if (syntax.ValueFlags.Contains(name))
            {
                if (rest.Length > 0)
                {
                    flags.Add(new ParsedFlag(name, rest.TrimStart('='), isStatic, HasLiteralAfter(words[index], text.Length - rest.TrimStart('=').Length)));
                }
                else if (index + 1 < words.Count && !IsLikelyOption(words[index + 1]))
                {
                    var value = words[++index];
                    flags.Add(new ParsedFlag(name, value.Text, value.IsStatic, HasLiteralAfter(value, 0)));
                }
                else
                {
                    flags.Add(new ParsedFlag(name, null, true, false));
                }

                return index;
            }

            if (syntax.AttachedValueFlags.Contains(name) && rest.Length > 0)
            {
                flags.Add(new ParsedFlag(name, rest, isStatic, HasLiteralAfter(words[index], j + 1)));
                return index;
            }

            flags.Add(new ParsedFlag(name, null, true, false));
        }

        return index;
    }

    /// <summary>
    /// A word after a value-taking option that is itself an option (<c>-f --volumes</c>) is not swallowed as the
    /// value: losing <c>--volumes</c> would understate the risk. Text with spaces (<c>-c "-- note; DROP …"</c>) is a value.
    /// </summary>
    private static bool IsLikelyOption(Word word) =>
        LooksLikeOption(word) && word.Text.Length <= 40 && word.Text.AsSpan().IndexOfAny(" \t\n;") < 0;

    private static bool LooksLikeOption(Word word) =>
        word.Parts.Count > 0
        && word.Parts[0] is LiteralPart literal
        && literal.Text.Length > 0
        && literal.Text[0] == '-'
        && word.Text.Length > 1;
}
