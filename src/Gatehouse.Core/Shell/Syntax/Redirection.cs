namespace Gatehouse.Core.Shell.Syntax;

public enum RedirectionOperator
{
    /// <summary><c>&lt;</c></summary>
    Input,
    /// <summary><c>&gt;</c></summary>
    Output,
    /// <summary><c>&gt;&gt;</c></summary>
    Append,
    /// <summary><c>&gt;|</c></summary>
    Clobber,
    /// <summary><c>&lt;&gt;</c></summary>
    ReadWrite,
    /// <summary><c>&lt;&amp;</c></summary>
    DuplicateInput,
    /// <summary><c>&gt;&amp;</c></summary>
    DuplicateOutput,
    /// <summary><c>&amp;&gt;</c></summary>
    OutputAndError,
    /// <summary><c>&amp;&gt;&gt;</c></summary>
    AppendOutputAndError,
    /// <summary><c>&lt;&lt;</c> and <c>&lt;&lt;-</c>; see <see cref="Redirection.Heredoc"/>.</summary>
    Heredoc,
    /// <summary><c>&lt;&lt;&lt;</c></summary>
    HereString,
}

/// <summary>A redirection attached to a command. <paramref name="Target"/> is null only for heredocs.</summary>
/// <param name="FileDescriptor">The explicit descriptor number (<c>2&gt;</c>), or null for the operator's default.</param>
public sealed record Redirection(int? FileDescriptor, RedirectionOperator Operator, Word? Target, Heredoc? Heredoc);

/// <summary>
/// A here-document. When the delimiter was quoted the body is data only; otherwise the shell
/// expands it, and <see cref="ExpandedBody"/> holds it parsed like a double-quoted word so that
/// any substitutions inside (which execute) are visible.
/// </summary>
/// <param name="Body">The body text exactly as written (tabs already stripped for <c>&lt;&lt;-</c>).</param>
public sealed record Heredoc(string Delimiter, bool QuotedDelimiter, bool StripTabs, string Body, Word? ExpandedBody);
