namespace Gatehouse.Cedar.Syntax;

internal enum Variable
{
    Principal,
    Action,
    Resource,
    Context,
}

internal enum BinaryOperator
{
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    Add,
    Subtract,
    Multiply,
}

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed class LiteralExpr(CedarValue value, int line, int column) : Expr(line, column, 1)
{
    public CedarValue Value { get; } = value;
}

internal sealed class VariableExpr(Variable variable, int line, int column) : Expr(line, column, 1)
{
    public Variable Variable { get; } = variable;
}

internal sealed class IfExpr(Expr condition, Expr then, Expr otherwise, int line, int column)
    : Expr(line, column, Math.Max(condition.Depth, Math.Max(then.Depth, otherwise.Depth)) + 1)
{
    public Expr Condition { get; } = condition;

    public Expr Then { get; } = then;

    public Expr Else { get; } = otherwise;
}

internal sealed class AndExpr(Expr left, Expr right, int line, int column) : Expr(line, column, DepthOf(left, right))
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class OrExpr(Expr left, Expr right, int line, int column) : Expr(line, column, DepthOf(left, right))
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class BinaryExpr(BinaryOperator op, Expr left, Expr right, int line, int column)
    : Expr(line, column, DepthOf(left, right))
{
    public BinaryOperator Operator { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class UnaryExpr(UnaryOperator op, Expr operand, int line, int column) : Expr(line, column, DepthOf(operand))
{
    public UnaryOperator Operator { get; } = op;

    public Expr Operand { get; } = operand;
}

internal sealed class HasExpr(Expr target, string attribute, int line, int column) : Expr(line, column, DepthOf(target))
{
    public Expr Target { get; } = target;

    public string Attribute { get; } = attribute;
}

internal sealed class GetAttributeExpr(Expr target, string attribute, int line, int column) : Expr(line, column, DepthOf(target))
{
    public Expr Target { get; } = target;

    public string Attribute { get; } = attribute;
}

internal sealed class LikeExpr(Expr target, LikePattern pattern, int line, int column) : Expr(line, column, DepthOf(target))
{
    public Expr Target { get; } = target;

    public LikePattern Pattern { get; } = pattern;
}

internal sealed class IsExpr(Expr target, string entityType, Expr? inExpr, int line, int column)
    : Expr(line, column, inExpr is null ? target.Depth + 1 : Math.Max(target.Depth, inExpr.Depth) + 1)
{
    public Expr Target { get; } = target;

    public string EntityType { get; } = entityType;

    public Expr? In { get; } = inExpr;
}

internal sealed class MethodCallExpr(Expr target, string method, IReadOnlyList<Expr> arguments, int line, int column)
    : Expr(line, column, DepthOf(arguments, target.Depth))
{
    public Expr Target { get; } = target;

    public string Method { get; } = method;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;
}

internal sealed class FunctionCallExpr(string function, IReadOnlyList<Expr> arguments, int line, int column)
    : Expr(line, column, DepthOf(arguments))
{
    public string Function { get; } = function;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;
}

internal sealed class SetExpr(IReadOnlyList<Expr> items, int line, int column) : Expr(line, column, DepthOf(items))
{
    public IReadOnlyList<Expr> Items { get; } = items;
}

internal sealed class RecordExpr(IReadOnlyList<KeyValuePair<string, Expr>> fields, int line, int column)
    : Expr(line, column, FieldDepth(fields))
{
    public IReadOnlyList<KeyValuePair<string, Expr>> Fields { get; } = fields;

    private static int FieldDepth(IReadOnlyList<KeyValuePair<string, Expr>> fields)
    {
        var depth = 0;
        foreach (var field in fields)
        {
            depth = Math.Max(depth, field.Value.Depth);
        }

        return depth + 1;
    }
}
