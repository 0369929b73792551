namespace Gatehouse.Cedar.Syntax;

/// <summary>One lexed token. <see cref="Text"/> is the identifier, the raw string body (still escaped), or the digits.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool IsIdentifier(string word) => Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.Ordinal);

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Identifier => $"'{Text}'",
        TokenKind.Integer => $"integer {Text}",
        TokenKind.String => "a string literal",
        _ => $"'{TokenText.Of(Kind)}'",
    };
}
