using System.Text;

namespace Gatehouse.Core.Catalog;

/// <summary>How inline code is encoded on the command line before it can be handed on.</summary>
internal enum DelegationDecoding
{
    None,
    /// <summary>PowerShell's <c>-EncodedCommand</c>: base64 of UTF-16LE text.</summary>
    Base64Utf16,
}

/// <summary>
/// A rule's statement that the command carries code in another language, and where that code is:
/// an option value (<c>flag:-c|--command</c>), a positional (<c>positional:1</c>), all positionals from an
/// index as an argument vector (<c>positionals:0</c>, Redis), or standard input (no source).
/// </summary>
internal sealed class DelegationSpec(EmbeddedLanguage language, DelegationSource source, string? from)
{
    private readonly string[]? _flagNames = from is not null && from.StartsWith("flag:", StringComparison.Ordinal) ? from[5..].Split('|') : null;
    private readonly int _positional = ParsePositional(from, "positional:");
    private readonly int _positionalsFrom = ParsePositional(from, "positionals:");
    private readonly bool _last = string.Equals(from, "last", StringComparison.Ordinal);

    public EmbeddedLanguage Language { get; } = language;

    public DelegationSource Source { get; } = source;

    public DelegationDecoding Decoding { get; init; }

    /// <summary>
    /// Hand on the text with expansions rendered (<c>$env:USERPROFILE</c>) instead of treating it as unknown: for
    /// languages whose own syntax uses <c>$</c>, such as a PowerShell command line, the rendering is the code.
    /// </summary>
    public bool PassRenderedText { get; init; }

    public static void Validate(DelegationSource source, string? from)
    {
        if (source == DelegationSource.StandardInput)
        {
            if (from is not null)
            {
                throw new FormatException("a standard-input delegation takes no 'from'");
            }

            return;
        }

        if (from is null
            || !(from.StartsWith("flag:", StringComparison.Ordinal) && from.Length > 5
                || string.Equals(from, "last", StringComparison.Ordinal)
                || ParsePositional(from, "positional:") >= 0
                || ParsePositional(from, "positionals:") >= 0))
        {
            throw new FormatException($"delegation 'from' must be flag:NAMES, positional:N, positionals:N or last, not '{from}'");
        }
    }

    /// <summary>Adds the delegations this command carries; returns false when some inline code was dynamic (unknown).</summary>
    public bool Collect(ParsedArguments arguments, List<Delegation> delegations)
    {
        if (Source == DelegationSource.StandardInput)
        {
            delegations.Add(new Delegation(Language, DelegationSource.StandardInput, null, null, null));
            return true;
        }

        var known = true;
        if (_flagNames is not null)
        {
            foreach (var flag in arguments.Flags)
            {
                if (flag.Value is not null && Array.IndexOf(_flagNames, flag.Name) >= 0)
                {
                    known &= Add(flag.Value, flag.ValueIsStatic, flag.ValueHasLiteral, delegations);
                }
            }
        }
        else if (_last && arguments.Positionals.Count > 0)
        {
            var word = arguments.Positionals[^1];
            known = Add(word.Text, word.IsStatic, ParsedArguments.HasLiteralAfter(word, 0), delegations);
        }
        else if (_positional >= 0 && _positional < arguments.Positionals.Count)
        {
            var word = arguments.Positionals[_positional];
            known = Add(word.Text, word.IsStatic, ParsedArguments.HasLiteralAfter(word, 0), delegations);
        }
        else if (_positionalsFrom >= 0 && _positionalsFrom < arguments.Positionals.Count)
        {
            var words = new List<string>();
            var allStatic = true;
            for (var i = _positionalsFrom; i < arguments.Positionals.Count; i++)
            {
                words.Add(arguments.Positionals[i].Text);
                allStatic &= arguments.Positionals[i].IsStatic;
            }

            delegations.Add(new Delegation(Language, Source, allStatic ? string.Join(' ', words) : null, words, null));
            known = allStatic;
        }

        return known;
    }

    /// <summary>
    /// Adds one delegation; returns whether its code is fully known. Code with expansions in it is handed on rendered
    /// (<c>connect('$DATABASE_URL')</c>) so what it visibly does is still judged, but it stays unknown: the shell pastes
    /// the value in before the language parses it, so the value could be code. Code that is nothing but an expansion
    /// (<c>"$CODE"</c>) has no text at all.
    /// </summary>
    private bool Add(string text, bool isStatic, bool hasLiteral, List<Delegation> delegations)
    {
        if (Source == DelegationSource.File)
        {
            delegations.Add(new Delegation(Language, DelegationSource.File, null, null, text));
            return true;
        }

        if (PassRenderedText)
        {
            isStatic = true;
        }

        if (Decoding == DelegationDecoding.Base64Utf16 && isStatic)
        {
            var decoded = DecodeBase64Utf16(text);
            delegations.Add(new Delegation(Language, DelegationSource.Inline, decoded, null, null));
            return decoded is not null;
        }

        var visible = isStatic || (hasLiteral && Decoding == DelegationDecoding.None);
        delegations.Add(new Delegation(Language, DelegationSource.Inline, visible ? text : null, null, null));
        return isStatic;
    }

    private static string? DecodeBase64Utf16(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written) || written % 2 != 0)
        {
            return null;
        }

        return Encoding.Unicode.GetString(buffer, 0, written);
    }

    private static int ParsePositional(string? from, string prefix) =>
        from is not null
        && from.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(from.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;
}
