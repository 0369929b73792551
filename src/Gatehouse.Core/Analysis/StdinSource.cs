using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>Where a command's standard input comes from in its pipeline: the stage before it, if any.</summary>
internal readonly record struct StdinSource(Pipeline? Pipeline, int Index)
{
    public static StdinSource None { get; } = new(null, 0);

    public bool IsPiped => Pipeline is not null && Index > 0;
}

internal enum StdinKind
{
    /// <summary>Nothing is fed: the command reads the terminal (or nothing).</summary>
    None,
    /// <summary>The exact text is known: a heredoc, a here-string, an echo, a decoded literal.</summary>
    Literal,
    /// <summary>Names of files found under <see cref="StdinContent.Root"/> (output of find, ls).</summary>
    FilesUnder,
    /// <summary>Something is fed whose content cannot be seen (a download, a file, a program's output).</summary>
    Unknown,
}

/// <summary>What a command reads on standard input, as far as the command line tells.</summary>
/// <param name="Root">For <see cref="StdinKind.FilesUnder"/>: the directory the names are found under.</param>
internal readonly record struct StdinContent(StdinKind Kind, string? Text, string Origin, Word? Root = null)
{
    public static StdinContent None { get; } = new(StdinKind.None, null, "terminal");

    public static StdinContent Unknown(string origin) => new(StdinKind.Unknown, null, origin);

    public static StdinContent Literal(string text, string origin) => new(StdinKind.Literal, text, origin);
}
