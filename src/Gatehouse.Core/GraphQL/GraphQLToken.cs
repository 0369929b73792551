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
/// <c>...</c> spread) so the parser can test them without allocating; names, numbers and strings carry text.
/// </summary>
internal readonly record struct GraphQLToken(GraphQLTokenKind Kind, char Punctuator, string? Value, int Start)
{
    public bool IsPunctuator(char c) => Kind == GraphQLTokenKind.Punctuator && Punctuator == c;

    public bool IsName(string name) => Kind == GraphQLTokenKind.Name && string.Equals(Value, name, StringComparison.Ordinal);
}
