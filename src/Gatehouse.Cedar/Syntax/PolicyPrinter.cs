using System.Text;

namespace Gatehouse.Cedar.Syntax;

/// <summary>Writes a policy back as Cedar text; sub-expressions are parenthesised so precedence never changes.</summary>
internal static class PolicyPrinter
{
    public static string Print(Policy policy)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in policy.Annotations)
        {
            builder.Append('@').Append(key).Append('(').Append(CedarStrings.Quote(value)).Append(")\n");
        }

        builder.Append(policy.Effect == PolicyEffect.Permit ? "permit" : "forbid").Append(" (\n  ");
        AppendScope(builder, "principal", policy.Principal);
        builder.Append(",\n  ");
        AppendScope(builder, "action", policy.Action);
        builder.Append(",\n  ");
        AppendScope(builder, "resource", policy.Resource);
        builder.Append("\n)");
        foreach (var condition in policy.Conditions)
        {
            builder.Append('\n').Append(condition.IsWhen ? "when" : "unless").Append(" { ");
            Append(builder, condition.Body);
            builder.Append(" }");
        }

        return builder.Append(';').ToString();
    }

    private static void AppendScope(StringBuilder builder, string variable, ScopeConstraint scope)
    {
        builder.Append(variable);
        var target = scope.Slot ?? scope.Entity?.ToString();
        switch (scope.Kind)
        {
            case ScopeKind.Equal:
                builder.Append(" == ").Append(target);
                break;
            case ScopeKind.In:
                builder.Append(" in ").Append(target);
                break;
            case ScopeKind.Is:
                builder.Append(" is ").Append(scope.EntityType);
                break;
            case ScopeKind.IsIn:
                builder.Append(" is ").Append(scope.EntityType).Append(" in ").Append(target);
                break;
            case ScopeKind.InSet:
                builder.Append(" in [").AppendJoin(", ", scope.Entities).Append(']');
                break;
        }
    }

    public static string Print(Expr expr)
    {
        var builder = new StringBuilder();
        Append(builder, expr);
        return builder.ToString();
    }

    private static void Append(StringBuilder b, Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                b.Append(literal.Value is CedarLong { Value: < 0 } ? "(" + literal.Value + ")" : literal.Value.ToString());
                break;
            case VariableExpr variable:
                b.Append(variable.Variable switch
                {
                    Variable.Principal => "principal",
                    Variable.Action => "action",
                    Variable.Resource => "resource",
                    _ => "context",
                });
                break;
            case IfExpr ifExpr:
                b.Append("(if ");
                Append(b, ifExpr.Condition);
                b.Append(" then ");
                Append(b, ifExpr.Then);
                b.Append(" else ");
                Append(b, ifExpr.Else);
                b.Append(')');
                break;
            case AndExpr and:
                Binary(b, and.Left, "&&", and.Right);
                break;
            case OrExpr or:
                Binary(b, or.Left, "||", or.Right);
                break;
            case BinaryExpr binary:
                Binary(b, binary.Left, OperatorText(binary.Operator), binary.Right);
                break;
            case UnaryExpr unary:
                b.Append(unary.Operator == UnaryOperator.Not ? "(!" : "(-");
                Append(b, unary.Operand);
                b.Append(')');
                break;
            case HasExpr has:
                b.Append('(');
                Append(b, has.Target);
                b.Append(" has ").Append(CedarStrings.Quote(has.Attribute)).Append(')');
                break;
            case GetAttributeExpr get:
                Append(b, get.Target);
                b.Append('[').Append(CedarStrings.Quote(get.Attribute)).Append(']');
                break;
            case LikeExpr like:
                b.Append('(');
                Append(b, like.Target);
                b.Append(" like ").Append(like.Pattern).Append(')');
                break;
            case IsExpr isExpr:
                b.Append('(');
                Append(b, isExpr.Target);
                b.Append(" is ").Append(isExpr.EntityType);
                if (isExpr.In is not null)
                {
                    b.Append(" in ");
                    Append(b, isExpr.In);
                }

                b.Append(')');
                break;
            case MethodCallExpr call:
                Append(b, call.Target);
                b.Append('.').Append(call.Method);
                AppendList(b, "(", call.Arguments, ")");
                break;
            case FunctionCallExpr function:
                b.Append(function.Function);
                AppendList(b, "(", function.Arguments, ")");
                break;
            case SetExpr set:
                AppendList(b, "[", set.Items, "]");
                break;
            case RecordExpr record:
                b.Append('{');
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    b.Append(i == 0 ? string.Empty : ", ").Append(CedarStrings.Quote(record.Fields[i].Key)).Append(": ");
                    Append(b, record.Fields[i].Value);
                }

                b.Append('}');
                break;
        }
    }

    private static void Binary(StringBuilder b, Expr left, string op, Expr right)
    {
        b.Append('(');
        Append(b, left);
        b.Append(' ').Append(op).Append(' ');
        Append(b, right);
        b.Append(')');
    }

    private static void AppendList(StringBuilder b, string open, IReadOnlyList<Expr> items, string close)
    {
        b.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            Append(b, items[i]);
        }

        b.Append(close);
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        _ => "*",
    };
}
