using System.Runtime.CompilerServices;
using Gatehouse.Cedar.Schema;
using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Validation;

/// <summary>
/// Cedar's strict-mode typechecker for one request environment. Like the official validator it skips what
/// cannot run: the right of <c>false &amp;&amp; …</c> and <c>true || …</c>, the untaken branch of an
/// <c>if</c> with a constant guard. A null result means an error was reported below; callers stop there so
/// one mistake is not reported again as a cascade.
/// </summary>
internal sealed partial class TypeChecker(CedarSchema schema, RequestEnvironment environment, ValidationErrors errors)
{
    public Typed? Check(Expr expr, Capabilities capabilities)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            errors.Add(expr.Line, expr.Column, "expression is nested too deeply to validate");
            return null;
        }

        switch (expr)
        {
            case LiteralExpr literal: return CheckLiteral(literal);
            case VariableExpr variable: return new Typed(CheckVariable(variable.Variable));
            case IfExpr conditional: return CheckIf(conditional, capabilities);
            case AndExpr and: return CheckAnd(and, capabilities);
            case OrExpr or: return CheckOr(or, capabilities);
            case UnaryExpr unary: return CheckUnary(unary, capabilities);
            case BinaryExpr binary: return CheckBinary(binary, capabilities);
            case HasExpr has: return CheckHas(has, capabilities);
            case GetAttributeExpr get: return CheckGetAttribute(get, capabilities);
            case LikeExpr like:
                return Expect(like.Target, capabilities, SchemaTypeKind.String) is null ? null : new Typed(ValidationType.Bool);
            case IsExpr isExpr: return CheckIs(isExpr, capabilities);
            case MethodCallExpr call: return CheckMethod(call, capabilities);
            case FunctionCallExpr call: return CheckFunction(call, capabilities);
            case SetExpr set: return CheckSet(set, capabilities);
            case RecordExpr record: return CheckRecord(record, capabilities);
            default:
                errors.Add(expr.Line, expr.Column, "unsupported expression");
                return null;
        }
    }

    private Typed? CheckLiteral(LiteralExpr literal)
    {
        switch (literal.Value)
        {
            case CedarBool b: return new Typed(ValidationType.Of(b.Value));
            case CedarLong: return new Typed(ValidationType.Long);
            case CedarString: return new Typed(ValidationType.String);
            case CedarEntityRef entity:
                return schema.IsKnownEntityType(entity.Uid.Type)
                    ? new Typed(new ValidationType(SchemaType.Entity(entity.Uid.Type), null, entity.Uid))
                    : null;
            default:
                errors.Add(literal.Line, literal.Column, $"unsupported literal {literal.Value}");
                return null;
        }
    }

    private ValidationType CheckVariable(Variable variable) => variable switch
    {
        Variable.Principal => new ValidationType(SchemaType.Entity(environment.PrincipalType)),
        Variable.Resource => new ValidationType(SchemaType.Entity(environment.ResourceType)),
        Variable.Action => new ValidationType(SchemaType.Entity(environment.Action.Uid.Type), null, environment.Action.Uid),
        _ => new ValidationType(environment.Action.Context),
    };

    private Typed? CheckIf(IfExpr conditional, Capabilities capabilities)
    {
        if (ExpectBool(conditional.Condition, capabilities) is not { } guard)
        {
            return null;
        }

        var thenCapabilities = capabilities.Union(guard.WhenTrue);
        if (guard.Type.Constant == true)
        {
            return Check(conditional.Then, thenCapabilities) is { } onlyThen
                ? new Typed(onlyThen.Type, guard.WhenTrue.Union(onlyThen.WhenTrue))
                : null;
        }

        if (guard.Type.Constant == false)
        {
            return Check(conditional.Else, capabilities);
        }

        var then = Check(conditional.Then, thenCapabilities);
        var otherwise = Check(conditional.Else, capabilities);
        if (then is not { } t || otherwise is not { } e)
        {
            return null;
        }

        if (TypeLattice.StrictLub(t.Type, e.Type) is not { } result)
        {
            errors.Add(conditional.Line, conditional.Column, $"the types {t.Type} and {e.Type} are not compatible: both branches of an `if` must have the same type");
            return null;
        }

        return new Typed(result, guard.WhenTrue.Union(t.WhenTrue).Intersect(e.WhenTrue));
    }

    private Typed? CheckAnd(AndExpr and, Capabilities capabilities)
    {
        if (ExpectBool(and.Left, capabilities) is not { } left)
        {
            return null;
        }

        if (left.Type.Constant == false)
        {
            return new Typed(ValidationType.False);
        }

        if (ExpectBool(and.Right, capabilities.Union(left.WhenTrue)) is not { } right)
        {
            return null;
        }

        var constant = right.Type.Constant == false ? false : left.Type.Constant == true ? right.Type.Constant : null;
        return new Typed(ValidationType.Of(constant), left.WhenTrue.Union(right.WhenTrue));
    }

    private Typed? CheckOr(OrExpr or, Capabilities capabilities)
    {
        if (ExpectBool(or.Left, capabilities) is not { } left)
        {
            return null;
        }

        if (left.Type.Constant == true)
        {
            return new Typed(ValidationType.True, left.WhenTrue);
        }

        if (ExpectBool(or.Right, capabilities) is not { } right)
        {
            return null;
        }

        if (left.Type.Constant == false)
        {
            return right;
        }

        if (right.Type.Constant == false)
        {
            return left;
        }

        return new Typed(ValidationType.Of(right.Type.Constant == true ? true : null), left.WhenTrue.Intersect(right.WhenTrue));
    }

    private Typed? CheckUnary(UnaryExpr unary, Capabilities capabilities)
    {
        if (unary.Operator == UnaryOperator.Not)
        {
            return ExpectBool(unary.Operand, capabilities) is { } operand
                ? new Typed(ValidationType.Of(!operand.Type.Constant))
                : null;
        }

        return Expect(unary.Operand, capabilities, SchemaTypeKind.Long) is null ? null : new Typed(ValidationType.Long);
    }

    private Typed? CheckBinary(BinaryExpr binary, Capabilities capabilities)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply:
                var addLeft = Expect(binary.Left, capabilities, SchemaTypeKind.Long);
                var addRight = Expect(binary.Right, capabilities, SchemaTypeKind.Long);
                return addLeft is null || addRight is null ? null : new Typed(ValidationType.Long);
            case BinaryOperator.Less or BinaryOperator.LessEqual or BinaryOperator.Greater or BinaryOperator.GreaterEqual:
                return CheckComparison(binary, capabilities);
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                return CheckEquality(binary, capabilities);
            default:
                return CheckIn(binary, capabilities);
        }
    }

    private Typed? CheckComparison(BinaryExpr binary, Capabilities capabilities)
    {
        var left = Check(binary.Left, capabilities);
        var right = Check(binary.Right, capabilities);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        if (!IsOrderable(l.Type))
        {
            errors.Add(binary.Left.Line, binary.Left.Column, $"unexpected type: expected Long, datetime or duration but saw {l.Type}");
            return null;
        }

        if (!l.Type.Type.Equals(r.Type.Type))
        {
            errors.Add(binary.Right.Line, binary.Right.Column, $"unexpected type: expected {l.Type} but saw {r.Type}");
            return null;
        }

        return new Typed(ValidationType.Bool);
    }

    private static bool IsOrderable(ValidationType type) =>
        type.Kind == SchemaTypeKind.Long || type.IsExtension("datetime") || type.IsExtension("duration");

    private Typed? CheckEquality(BinaryExpr binary, Capabilities capabilities)
    {
        var left = Check(binary.Left, capabilities);
        var right = Check(binary.Right, capabilities);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        bool? equal = null;
        if (LiteralValue(binary.Left) is { } leftLiteral && LiteralValue(binary.Right) is { } rightLiteral)
        {
            equal = leftLiteral.Equals(rightLiteral);
        }
        else if (l.Type.Kind == SchemaTypeKind.Entity && r.Type.Kind == SchemaTypeKind.Entity)
        {
            if (!string.Equals(l.Type.Type.Name, r.Type.Type.Name, StringComparison.Ordinal))
            {
                equal = false;
            }
            else if (l.Type.KnownEntity is { } a && r.Type.KnownEntity is { } b)
            {
                equal = a == b;
            }
        }
        else if (TypeLattice.StrictLub(l.Type, r.Type) is null)
        {
            errors.Add(binary.Line, binary.Column, $"the types {l.Type} and {r.Type} are not compatible: `==` needs operands of the same type");
            return null;
        }

        if (binary.Operator == BinaryOperator.NotEqual)
        {
            equal = !equal;
        }

        return new Typed(ValidationType.Of(equal));
    }

    // The official validator typechecks each environment with `action` replaced by that action's literal,
    // so `action == 1` compares two literals (always false) rather than two incompatible types.
    private CedarValue? LiteralValue(Expr expr) => expr switch
    {
        LiteralExpr literal => literal.Value,
        VariableExpr { Variable: Variable.Action } => CedarValue.Of(environment.Action.Uid),
        _ => null,
    };

    private Typed? CheckIn(BinaryExpr binary, Capabilities capabilities)
    {
        var left = Check(binary.Left, capabilities);
        var right = Check(binary.Right, capabilities);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        if (l.Type.Kind != SchemaTypeKind.Entity)
        {
            errors.Add(binary.Left.Line, binary.Left.Column, $"unexpected type: `in` needs an entity on its left but saw {l.Type}");
            return null;
        }

        var childType = l.Type.Type.Name!;
        if (r.Type.Kind == SchemaTypeKind.Entity)
        {
            if (l.Type.KnownEntity is { } action && r.Type.KnownEntity is { } group && schema.IsActionType(action.Type))
            {
                return new Typed(ValidationType.Of(schema.ActionIsIn(action, group)));
            }

            return new Typed(schema.CanBeIn(childType, r.Type.Type.Name!) ? ValidationType.Bool : ValidationType.False);
        }

        if (r.Type.Kind == SchemaTypeKind.Set && r.Type.Type.Element!.Kind == SchemaTypeKind.Entity)
        {
            if (l.Type.KnownEntity is { } action && schema.IsActionType(action.Type) && LiteralEntities(binary.Right) is { } groups)
            {
                var any = false;
                foreach (var group in groups)
                {
                    any |= schema.ActionIsIn(action, group);
                }

                return new Typed(ValidationType.Of(any));
            }

            return new Typed(schema.CanBeIn(childType, r.Type.Type.Element.Name!) ? ValidationType.Bool : ValidationType.False);
        }

        errors.Add(binary.Right.Line, binary.Right.Column, $"unexpected type: `in` needs an entity or a set of entities on its right but saw {r.Type}");
        return null;
    }

    private static List<EntityUid>? LiteralEntities(Expr expr)
    {
        if (expr is not SetExpr set)
        {
            return null;
        }

        var result = new List<EntityUid>(set.Items.Count);
        foreach (var item in set.Items)
        {
            if (item is not LiteralExpr { Value: CedarEntityRef entity })
            {
                return null;
            }

            result.Add(entity.Uid);
        }

        return result;
    }

    // `e is T in y` means `e is T && e in y`: when `e` cannot be a T, `y` is never evaluated, so never typechecked.
    private Typed? CheckIs(IsExpr isExpr, Capabilities capabilities)
    {
        if (Expect(isExpr.Target, capabilities, SchemaTypeKind.Entity) is not { } target || !schema.IsKnownEntityType(isExpr.EntityType))
        {
            return null;
        }

        if (!string.Equals(target.Type.Type.Name, isExpr.EntityType, StringComparison.Ordinal))
        {
            return new Typed(ValidationType.False);
        }

        if (isExpr.In is not { } inExpr)
        {
            return new Typed(ValidationType.True);
        }

        if (Check(inExpr, capabilities) is not { } scope)
        {
            return null;
        }

        string ancestor;
        if (scope.Type.Kind == SchemaTypeKind.Entity)
        {
            ancestor = scope.Type.Type.Name!;
        }
        else if (scope.Type.Kind == SchemaTypeKind.Set && scope.Type.Type.Element!.Kind == SchemaTypeKind.Entity)
        {
            ancestor = scope.Type.Type.Element.Name!;
        }
        else
        {
            errors.Add(inExpr.Line, inExpr.Column, $"unexpected type: `in` needs an entity or a set of entities on its right but saw {scope.Type}");
            return null;
        }

        return new Typed(schema.CanBeIn(isExpr.EntityType, ancestor) ? ValidationType.Bool : ValidationType.False);
    }

    private Typed? CheckSet(SetExpr set, Capabilities capabilities)
    {
        if (set.Items.Count == 0)
        {
            errors.Add(set.Line, set.Column, "empty set literals are forbidden in strict validation (their element type is unknown)");
            return null;
        }

        ValidationType? element = null;
        var failed = false;
        foreach (var item in set.Items)
        {
            if (Check(item, capabilities) is not { } typed)
            {
                failed = true;
                continue;
            }

            if (element is null)
            {
                element = typed.Type;
            }
            else if (TypeLattice.StrictLub(element, typed.Type) is { } lub)
            {
                element = lub;
            }
            else
            {
                errors.Add(item.Line, item.Column, $"the types {element} and {typed.Type} are not compatible: set elements must have the same type");
                failed = true;
            }
        }

        return failed || element is null ? null : new Typed(new ValidationType(SchemaType.Set(element.Type)));
    }

    private Typed? CheckRecord(RecordExpr record, Capabilities capabilities)
    {
        var attributes = new Dictionary<string, SchemaAttribute>(StringComparer.Ordinal);
        var failed = false;
        foreach (var (name, value) in record.Fields)
        {
            if (Check(value, capabilities) is { } typed)
            {
                attributes[name] = new SchemaAttribute(typed.Type.Type, true);
            }
            else
            {
                failed = true;
            }
        }

        return failed ? null : new Typed(new ValidationType(SchemaType.Record(attributes, false)));
    }

    private Typed? ExpectBool(Expr expr, Capabilities capabilities) => Expect(expr, capabilities, SchemaTypeKind.Bool);

    private Typed? Expect(Expr expr, Capabilities capabilities, SchemaTypeKind kind)
    {
        if (Check(expr, capabilities) is not { } typed)
        {
            return null;
        }

        if (typed.Type.Kind != kind)
        {
            errors.Add(expr.Line, expr.Column, $"unexpected type: expected {KindName(kind)} but saw {typed.Type}");
            return null;
        }

        return typed;
    }

    private static string KindName(SchemaTypeKind kind) => kind switch
    {
        SchemaTypeKind.Entity => "an entity",
        SchemaTypeKind.Record => "a record",
        SchemaTypeKind.Set => "a set",
        _ => kind.ToString(),
    };
}
