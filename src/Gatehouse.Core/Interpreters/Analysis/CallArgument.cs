namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>One argument of a call: a token range, with its keyword name when it has one (<c>shell=True</c>, <c>body:</c>).</summary>
internal readonly record struct CallArgument(string? Name, int Start, int End)
{
    public bool IsEmpty => End <= Start;
}

/// <summary>The arguments of one call site.</summary>
internal sealed class CallArguments
{
    public static readonly CallArguments None = new([]);

    public CallArguments(List<CallArgument> all)
    {
        All = all;
    }

    public List<CallArgument> All { get; }

    public int PositionalCount
    {
        get
        {
            var n = 0;
            foreach (var a in All)
            {
                if (a.Name is null)
                {
                    n++;
                }
            }

            return n;
        }
    }

    public CallArgument? Positional(int index)
    {
        var n = 0;
        foreach (var a in All)
        {
            if (a.Name is not null)
            {
                continue;
            }

            if (n++ == index)
            {
                return a;
            }
        }

        return null;
    }

    public CallArgument? Named(string name)
    {
        foreach (var a in All)
        {
            if (string.Equals(a.Name, name, StringComparison.Ordinal))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>A keyword argument, or else the positional one at <paramref name="index"/>.</summary>
    public CallArgument? NamedOrPositional(string name, int index) => Named(name) ?? Positional(index);
}
