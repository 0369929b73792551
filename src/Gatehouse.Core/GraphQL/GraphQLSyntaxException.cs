namespace Gatehouse.Core.GraphQL;

/// <summary>
/// Raised inside the parser for any document the grammar rejects (or that exceeds a safety bound);
/// the classifier turns it into an opaque action, so it never escapes a public entry point.
/// </summary>
internal sealed class GraphQLSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
