namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>One link of a member chain: a name, and the call brackets that follow it when it is called.</summary>
internal readonly record struct ChainSegment(string Name, int CallOpen, int CallClose, int NameIndex)
{
    /// <summary>The token index just after this segment (after its call brackets when called).</summary>
    public int End => IsCall ? CallClose + 1 : NameIndex + 1;

    public bool IsCall => CallOpen >= 0;
}

/// <summary>
/// A member-access chain such as <c>require('fs').promises.rm(…)</c> or <c>$dbh-&gt;do(…)</c>:
/// its segments (the first possibly a module loaded inline) and the token index after it.
/// </summary>
internal sealed class Chain
{
    public Chain(List<ChainSegment> segments, int start, int end, bool rootIsModule)
    {
        Segments = segments;
        Start = start;
        End = end;
        RootIsModule = rootIsModule;
    }

    public List<ChainSegment> Segments { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>The first segment names a module loaded in place (<c>require('fs')</c>, <c>__import__('os')</c>).</summary>
    public bool RootIsModule { get; }
}
