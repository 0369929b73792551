namespace Gatehouse.Core.GraphQL;

/// <summary>
/// Raised inside the parser for any document the grammar rejects (or that exceeds a safety bound);
/// the classifier turns it into an opaque action, so it never escapes a public entry point.
/// </summary>
internal sealed class GraphQLSyntaxException(string message, int position, bool isDepthLimit = false) : Exception(message)
{
    public int Position { get; } = position;

    /// <summary>
    /// True when the document is grammatical as far as it was read but nests past our safety bound: a limit
    /// of this parser, not of the language, which a server without such a bound might still accept.
    /// </summary>
    public bool IsDepthLimit { get; } = isDepthLimit;
}
