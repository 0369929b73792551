using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Evaluation;

/// <summary>
/// Compiles an expression tree into nested closures once per policy set. Literals are pre-built values, so a
/// decision allocates only the values it computes. Tree depth is bounded by the parser.
/// </summary>
internal static class ExpressionCompiler
{
    public static CompiledExpr Compile(Expr expr) => expr switch
    {
        LiteralExpr literal => Constant(literal.Value),
        VariableExpr variable => variable.Variable switch
        {
            Variable.Principal => static c => c.Principal,
            Variable.Action => static c => c.Action,
            Variable.Resource => static c => c.Resource,
            _ => static c => c.Request.Context,
        },
        IfExpr ifExpr => CompileIf(ifExpr),
        AndExpr and => CompileAnd(and),
        OrExpr or => CompileOr(or),
        BinaryExpr binary => CompileBinary(binary),
        UnaryExpr unary => CompileUnary(unary),
        HasExpr has => CompileHas(has),
        GetAttributeExpr get => CompileGet(get),
        LikeExpr like => CompileLike(like),
        IsExpr isExpr => CompileIs(isExpr),
        MethodCallExpr call => CompileMethod(call),
        FunctionCallExpr function => CompileFunction(function),
        SetExpr set => CompileSet(set),
        RecordExpr record => CompileRecord(record),
        _ => throw new CedarException($"cannot compile expression {expr.GetType().Name}"),
    };

    private static CompiledExpr Constant(CedarValue value) => _ => value;

    private static CompiledExpr CompileIf(IfExpr expr)
    {
        var condition = Compile(expr.Condition);
        var then = Compile(expr.Then);
        var otherwise = Compile(expr.Else);
        return c => Operators.AsBool(condition(c)) ? then(c) : otherwise(c);
    }

    private static CompiledExpr CompileAnd(AndExpr expr)
    {
        var left = Compile(expr.Left);
        var right = Compile(expr.Right);
        return c => Operators.AsBool(left(c)) ? CedarValue.Of(Operators.AsBool(right(c))) : CedarBool.False;
    }

    private static CompiledExpr CompileOr(OrExpr expr)
    {
        var left = Compile(expr.Left);
        var right = Compile(expr.Right);
        return c => Operators.AsBool(left(c)) ? CedarBool.True : CedarValue.Of(Operators.AsBool(right(c)));
    }

    private static CompiledExpr CompileBinary(BinaryExpr expr)
    {
        var left = Compile(expr.Left);
        var right = Compile(expr.Right);
        if (expr.Operator == BinaryOperator.In && expr.Right is LiteralExpr { Value: CedarEntityRef target })
        {
            var ancestor = target.Uid;
            return c => CedarValue.Of(c.IsInOrEqual(Operators.AsEntityRef(left(c)), ancestor));
        }

        return expr.Operator switch
        {
            BinaryOperator.Equal => c => CedarValue.Of(left(c).Equals(right(c))),
            BinaryOperator.NotEqual => c => CedarValue.Of(!left(c).Equals(right(c))),
            BinaryOperator.Less => c => CedarValue.Of(Operators.Compare(left(c), right(c)) < 0),
            BinaryOperator.LessEqual => c => CedarValue.Of(Operators.Compare(left(c), right(c)) <= 0),
            BinaryOperator.Greater => c => CedarValue.Of(Operators.Compare(left(c), right(c)) > 0),
            BinaryOperator.GreaterEqual => c => CedarValue.Of(Operators.Compare(left(c), right(c)) >= 0),
            BinaryOperator.In => c => CedarValue.Of(Operators.In(c, left(c), right(c))),
            BinaryOperator.Add => c => Operators.Add(left(c), right(c)),
            BinaryOperator.Subtract => c => Operators.Subtract(left(c), right(c)),
            _ => c => Operators.Multiply(left(c), right(c)),
        };
    }

    private static CompiledExpr CompileUnary(UnaryExpr expr)
    {
        var operand = Compile(expr.Operand);
        return expr.Operator == UnaryOperator.Not
            ? c => CedarValue.Of(!Operators.AsBool(operand(c)))
            : c => Operators.Negate(operand(c));
    }

    private static CompiledExpr CompileHas(HasExpr expr)
    {
        var target = Compile(expr.Target);
        var attribute = expr.Attribute;
        return c => CedarValue.Of(Operators.Has(c, target(c), attribute));
    }

    private static CompiledExpr CompileGet(GetAttributeExpr expr)
    {
        var target = Compile(expr.Target);
        var attribute = expr.Attribute;
        return c => Operators.GetAttribute(c, target(c), attribute);
    }

    private static CompiledExpr CompileLike(LikeExpr expr)
    {
        var target = Compile(expr.Target);
        var pattern = expr.Pattern;
        return c => CedarValue.Of(pattern.Matches(Operators.AsString(target(c))));
    }

    private static CompiledExpr CompileIs(IsExpr expr)
    {
        var target = Compile(expr.Target);
        var type = expr.EntityType;
        if (expr.In is null)
        {
            return c => CedarValue.Of(string.Equals(Operators.AsEntity(target(c)).Type, type, StringComparison.Ordinal));
        }

        var container = Compile(expr.In);
        return c =>
        {
            var value = target(c);
            var uid = Operators.AsEntity(value);
            return string.Equals(uid.Type, type, StringComparison.Ordinal)
                ? CedarValue.Of(Operators.In(c, value, container(c)))
                : CedarBool.False;
        };
    }

    private static CompiledExpr CompileMethod(MethodCallExpr expr)
    {
        var target = Compile(expr.Target);
        var arguments = CompileAll(expr.Arguments);
        var method = expr.Method;
        return c =>
        {
            var self = target(c);
            var values = Evaluate(arguments, c);
            return BuiltinMethods.TryInvoke(c, method, self, values) ?? ExtensionCalls.InvokeMethod(method, self, values);
        };
    }

    private static CompiledExpr CompileFunction(FunctionCallExpr expr)
    {
        var arguments = CompileAll(expr.Arguments);
        var function = expr.Function;
        return c => ExtensionCalls.Construct(function, Evaluate(arguments, c));
    }

    private static CompiledExpr CompileSet(SetExpr expr)
    {
        var items = CompileAll(expr.Items);
        return c => CedarSet.Of(Evaluate(items, c));
    }

    private static CompiledExpr CompileRecord(RecordExpr expr)
    {
        var keys = new string[expr.Fields.Count];
        var values = new CompiledExpr[expr.Fields.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = expr.Fields[i].Key;
            values[i] = Compile(expr.Fields[i].Value);
        }

        return c =>
        {
            var fields = new Dictionary<string, CedarValue>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                fields[keys[i]] = values[i](c);
            }

            return fields.Count == 0 ? CedarRecord.Empty : CedarRecord.Wrap(fields);
        };
    }

    private static CompiledExpr[] CompileAll(IReadOnlyList<Expr> exprs)
    {
        var compiled = new CompiledExpr[exprs.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = Compile(exprs[i]);
        }

        return compiled;
    }

    private static CedarValue[] Evaluate(CompiledExpr[] exprs, EvaluationContext context)
    {
        if (exprs.Length == 0)
        {
            return [];
        }

        var values = new CedarValue[exprs.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = exprs[i](context);
        }

        return values;
    }
}
