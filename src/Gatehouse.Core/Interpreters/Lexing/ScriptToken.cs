namespace Gatehouse.Core.Interpreters.Lexing;

internal enum TokenKind
{
    Identifier,
    /// <summary>A string literal; <see cref="ScriptToken.Text"/> is its decoded value.</summary>
    String,
    Number,
    Punct,
    /// <summary>A command literal run by a shell (backticks, <c>%x()</c>, <c>qx()</c>).</summary>
    Command,
    /// <summary>A regular-expression literal; its content never matters here.</summary>
    Regex,
    /// <summary>A line break outside brackets: ends a statement in line-oriented languages.</summary>
    Newline,
}

/// <summary>
/// One lexical token. For strings and commands, <see cref="Text"/> is the decoded value in which each
/// interpolated piece is replaced by <see cref="DynamicText.Marker"/>, and <see cref="IsDynamic"/> says so.
/// </summary>
internal readonly record struct ScriptToken(TokenKind Kind, int Start, int End, string Text, bool IsDynamic = false, bool IsTemplate = false)
{
    public bool IsPunct(string text) => Kind == TokenKind.Punct && string.Equals(Text, text, StringComparison.Ordinal);

    public bool IsIdentifier(string text) => Kind == TokenKind.Identifier && string.Equals(Text, text, StringComparison.Ordinal);

    public bool IsStringLike => Kind is TokenKind.String or TokenKind.Command;
}
