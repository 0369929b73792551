namespace Gatehouse.Cedar.Syntax;

internal static class TokenText
{
    public static string Of(TokenKind kind) => kind switch
    {
        TokenKind.LeftParen => "(",
        TokenKind.RightParen => ")",
        TokenKind.LeftBracket => "[",
        TokenKind.RightBracket => "]",
        TokenKind.LeftBrace => "{",
        TokenKind.RightBrace => "}",
        TokenKind.Comma => ",",
        TokenKind.Semicolon => ";",
        TokenKind.Colon => ":",
        TokenKind.DoubleColon => "::",
        TokenKind.Dot => ".",
        TokenKind.At => "@",
        TokenKind.Question => "?",
        TokenKind.Equal => "==",
        TokenKind.NotEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.AndAnd => "&&",
        TokenKind.OrOr => "||",
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Bang => "!",
        TokenKind.Assign => "=",
        TokenKind.Identifier => "identifier",
        TokenKind.Integer => "integer",
        TokenKind.String => "string literal",
        _ => "end of input",
    };
}
