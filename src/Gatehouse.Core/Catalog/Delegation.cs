namespace Gatehouse.Core.Catalog;

/// <summary>Languages a command can carry inside it, handed to their own classifiers.</summary>
public enum EmbeddedLanguage
{
    Sql,
    Mongo,
    Redis,
    Shell,
    Python,
    JavaScript,
    Ruby,
    Perl,
    Php,
}

/// <summary>Where the embedded code comes from.</summary>
public enum DelegationSource
{
    /// <summary>Inline in the command line (<c>psql -c "…"</c>, <c>redis-cli FLUSHALL</c>).</summary>
    Inline,
    /// <summary>From standard input (a heredoc, a here-string, or a pipe).</summary>
    StandardInput,
    /// <summary>From a file named on the command line (<c>psql -f x.sql</c>); its content is not visible here.</summary>
    File,
}

/// <summary>
/// A catalog rule's statement that part of a command is code in another language.
/// For <see cref="DelegationSource.Inline"/>, <see cref="Text"/> holds the code (null when the
/// word was dynamic), and for argument-vector languages such as Redis <see cref="Arguments"/> holds the words.
/// </summary>
public sealed record Delegation(EmbeddedLanguage Language, DelegationSource Source, string? Text, IReadOnlyList<string>? Arguments, string? FilePath);
