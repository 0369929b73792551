namespace Gatehouse.Core.Analysis;

/// <summary>
/// Where the walker is: the wrapper path so far (<c>shell&gt;sudo&gt;bash -c</c>), environment evidence
/// inherited from an enclosing command (an ssh host, a kube context), and whether we are on another host.
/// </summary>
internal readonly record struct WalkScope(string Path, IReadOnlyList<string> EnvironmentHints, bool Remote)
{
    public static WalkScope Root { get; } = new("shell", [], false);

    public WalkScope Enter(string segment) => this with { Path = Path + ">" + segment };

    public WalkScope WithHint(string hint) => this with { EnvironmentHints = [.. EnvironmentHints, hint] };
}
