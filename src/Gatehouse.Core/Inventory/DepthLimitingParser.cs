using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gatehouse.Core.Inventory;

/// <summary>
/// Passes parser events through while counting nesting, so a hostile 10,000-deep document fails with a
/// located error before the recursive representation model could exhaust the stack; one pass, no re-parse.
/// </summary>
internal sealed class DepthLimitingParser(IParser inner, int maxDepth, string? source) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

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
                    var start = inner.Current.Start;
                    throw new InventoryException(source, start.Line, start.Column, $"nesting deeper than {maxDepth} levels is not an inventory");
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
