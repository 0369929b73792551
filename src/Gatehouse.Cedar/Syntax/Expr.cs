namespace Gatehouse.Cedar.Syntax;

/// <summary>A Cedar expression node. <see cref="Depth"/> bounds every later recursion (compile, print).</summary>
internal abstract class Expr
{
    protected Expr(int line, int column, int depth)
    {
        Line = line;
        Column = column;
        Depth = depth;
    }

    public int Line { get; }

    public int Column { get; }

    public int Depth { get; }

    protected static int DepthOf(Expr a) => a.Depth + 1;

    protected static int DepthOf(Expr a, Expr b) => Math.Max(a.Depth, b.Depth) + 1;

    protected static int DepthOf(IReadOnlyList<Expr> items, int floor = 0)
    {
        var depth = floor;
        foreach (var item in items)
        {
            depth = Math.Max(depth, item.Depth);
        }

        return depth + 1;
    }
}
