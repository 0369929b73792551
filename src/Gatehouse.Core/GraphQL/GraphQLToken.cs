namespace Gatehouse.Core.GraphQL;

internal enum GraphQLTokenKind
{
    EndOfDocument,
    Punctuator,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>
/// One lexical token. Punctuators carry their character in <see cref="Punctuator"/> (<c>.</c> stands for the
/// <c>...</c> spread). Names, numbers and plain strings point into the source and only become strings when
/// the parser asks for <see cref="Value"/>, so skipping a nested selection set allocates nothing.
/// </summary>
internal readonly record struct GraphQLToken(GraphQLTokenKind Kind, char Punctuator, int Start, string? Source = null, int Length = 0, string? Decoded = null)
{
    /// <summary>The token's text (a decoded value for strings); allocates for source-backed tokens.</summary>
    public string? Value => Decoded ?? Source?.Substring(Start, Length);

    public bool IsPunctuator(char c) => Kind == GraphQLTokenKind.Punctuator && Punctuator == c;

    public bool IsName(string name) =>
        Kind == GraphQLTokenKind.Name && Source is not null && Source.AsSpan(Start, Length).SequenceEqual(name);
}
