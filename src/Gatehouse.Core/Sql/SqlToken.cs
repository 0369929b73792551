namespace Gatehouse.Core.Sql;

internal enum SqlTokenKind
{
    /// <summary>An unquoted identifier or keyword, folded to lower case.</summary>
    Word,
    /// <summary>A quoted identifier ("x", `x`, [x]); the text keeps its case and has escapes removed.</summary>
    QuotedIdentifier,
    /// <summary>Any string literal (plain, E'', U&amp;'', B'', X'', dollar-quoted); the text is the content.</summary>
    String,
    Number,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    Semicolon,
    Dot,
    /// <summary>A bind parameter or variable: $1, ?, :name, @var.</summary>
    Parameter,
    /// <summary>A client meta-command line: psql backslash commands, sqlite3 dot-commands.</summary>
    MetaCommand,
}

internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Start)
{
    public bool IsWord(string lowerText) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, lowerText, StringComparison.Ordinal);

    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
