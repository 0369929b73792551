using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gatehouse.Core.Yaml;

/// <summary>
/// Passes parser events through while counting nesting, so a hostile 10,000-deep document fails with a
/// located error before the recursive representation model (<c>YamlStream.Load</c>) could exhaust the stack
/// and abort the process; one pass, no re-parse. Every Gatehouse YAML reader loads through it.
/// </summary>
/// <param name="inner">The parser over the document text.</param>
/// <param name="maxDepth">The deepest nesting the document's layout needs, with room to spare.</param>
/// <param name="document">What the document is, for the message: "an inventory", "a policy context".</param>
internal sealed class DepthLimitingParser(IParser inner, int maxDepth, string document) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    /// <summary>A parser over <paramref name="yaml"/> whose documents may nest at most <paramref name="maxDepth"/> levels.</summary>
    public static DepthLimitingParser Over(string yaml, int maxDepth, string document) =>
        new(new Parser(new StringReader(yaml)), maxDepth, document);

    /// <exception cref="YamlNestingException">The document nests deeper than the limit; its start is where the limit was crossed.</exception>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > maxDepth)
                {
                    var current = inner.Current;
                    throw new YamlNestingException(current.Start, current.End, $"nesting deeper than {maxDepth} levels is not {document}");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            default:
                break;
        }

        return true;
    }
}
