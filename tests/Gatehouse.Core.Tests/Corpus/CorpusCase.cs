namespace Gatehouse.Core.Tests.Corpus;

/// <summary>One labeled command of tests/corpus: what it is, what Gatehouse must decide, and why.</summary>
public sealed class CorpusCase
{
    public string Command { get; set; } = string.Empty;

    /// <summary>allow, approve, deny, or block (approve or deny both acceptable).</summary>
    public string Expect { get; set; } = string.Empty;

    /// <summary>Optional: some action must have this verb.</summary>
    public string? Verb { get; set; }

    /// <summary>Optional: some action must have this target kind.</summary>
    public string? Target { get; set; }

    /// <summary>Optional: some action's path must contain this.</summary>
    public string? Path { get; set; }

    public string Note { get; set; } = string.Empty;
}

public sealed class CorpusFile
{
    public List<CorpusCase> Cases { get; set; } = [];
}
