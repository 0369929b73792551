namespace Gatehouse.Core.Catalog;

/// <summary>
/// A compiled set of alternatives such as <c>delete-*|remove-*|terminate-*</c>. Each alternative is an
/// exact string or a glob where <c>*</c> matches any run of characters. In the catalog a pattern is either
/// one string whose alternatives are separated by <c>|</c>, or an array whose elements are taken literally
/// (so an awk pattern can contain a pipe). Case-insensitive, because
/// command words are case-insensitive for several tools and failing towards a match is the safe side.
/// </summary>
internal sealed class TextPattern
{
    private readonly string[] _exact;
    private readonly string[][] _globs;

    private TextPattern(string[] exact, string[][] globs, string source)
    {
        _exact = exact;
        _globs = globs;
        Source = source;
    }

    public string Source { get; }

    public static TextPattern Compile(IEnumerable<string> alternatives, bool splitOnPipe)
    {
        var exact = new List<string>();
        var globs = new List<string[]>();
        var sources = new List<string>();
        foreach (var entry in alternatives)
        {
            foreach (var alternative in splitOnPipe ? entry.Split('|') : [entry])
            {
                if (alternative.Length == 0)
                {
                    throw new FormatException($"empty alternative in pattern '{entry}'");
                }

                sources.Add(alternative);
                if (alternative.Contains('*', StringComparison.Ordinal))
                {
                    globs.Add(alternative.Split('*'));
                }
                else
                {
                    exact.Add(alternative);
                }
            }
        }

        if (sources.Count == 0)
        {
            throw new FormatException("a pattern needs at least one alternative");
        }

        return new TextPattern([.. exact], [.. globs], string.Join('|', sources));
    }

    public bool IsMatch(string text)
    {
        foreach (var candidate in _exact)
        {
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var glob in _globs)
        {
            if (GlobMatches(glob, text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Segments between stars: the first anchors the start, the last the end, the rest in order between.</summary>
    private static bool GlobMatches(string[] segments, string text)
    {
        var first = segments[0];
        var last = segments[^1];
        if (text.Length < first.Length + last.Length
            || !text.StartsWith(first, StringComparison.OrdinalIgnoreCase)
            || !text.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                continue;
            }

            var found = text.AsSpan(position, end - position).IndexOf(segment, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position += found + segment.Length;
        }

        return true;
    }
}
