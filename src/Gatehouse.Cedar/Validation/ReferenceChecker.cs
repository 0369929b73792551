using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Validation;

/// <summary>
/// The environment-independent part of validation: every entity type named in a policy (scope, literals,
/// <c>is</c>) must be declared, every action literal must be a declared action, and an entity of an
/// enumerated type must use one of its declared ids.
/// </summary>
internal sealed class ReferenceChecker(CedarSchema schema, ValidationErrors errors)
{
    public void CheckPolicy(Policy policy)
    {
        CheckScope(policy.Principal, policy);
        CheckScope(policy.Action, policy);
        CheckScope(policy.Resource, policy);
        foreach (var condition in policy.Conditions)
        {
            Walk(condition.Body);
        }
    }

    private void CheckScope(ScopeConstraint scope, Policy policy)
    {
        if (scope.EntityType is { } type)
        {
            CheckType(type, policy.Line, policy.Column);
        }

        if (scope.Entity is { } entity)
        {
            CheckEntity(entity, policy.Line, policy.Column);
        }

        foreach (var member in scope.Entities)
        {
            CheckEntity(member, policy.Line, policy.Column);
        }
    }

    private void Walk(Expr expr)
    {
        // Depth is bounded by the parser (a thousand levels), so plain recursion is safe here.
        switch (expr)
        {
            case LiteralExpr literal:
                CheckValue(literal.Value, literal.Line, literal.Column, 0);
                break;
            case IfExpr conditional:
                Walk(conditional.Condition);
                Walk(conditional.Then);
                Walk(conditional.Else);
                break;
            case AndExpr and:
                Walk(and.Left);
                Walk(and.Right);
                break;
            case OrExpr or:
                Walk(or.Left);
                Walk(or.Right);
                break;
            case BinaryExpr binary:
                Walk(binary.Left);
                Walk(binary.Right);
                break;
            case UnaryExpr unary:
                Walk(unary.Operand);
                break;
            case HasExpr has:
                Walk(has.Target);
                break;
            case GetAttributeExpr get:
                Walk(get.Target);
                break;
            case LikeExpr like:
                Walk(like.Target);
                break;
            case IsExpr isExpr:
                Walk(isExpr.Target);
                CheckType(isExpr.EntityType, isExpr.Line, isExpr.Column);
                if (isExpr.In is { } inExpr)
                {
                    Walk(inExpr);
                }

                break;
            case MethodCallExpr call:
                Walk(call.Target);
                foreach (var argument in call.Arguments)
                {
                    Walk(argument);
                }

                break;
            case FunctionCallExpr call:
                foreach (var argument in call.Arguments)
                {
                    Walk(argument);
                }

                break;
            case SetExpr set:
                foreach (var item in set.Items)
                {
                    Walk(item);
                }

                break;
            case RecordExpr record:
                foreach (var field in record.Fields)
                {
                    Walk(field.Value);
                }

                break;
        }
    }

    private void CheckValue(CedarValue value, int line, int column, int depth)
    {
        switch (value)
        {
            case CedarEntityRef entity:
                CheckEntity(entity.Uid, line, column);
                break;
            case CedarSet set when depth < 64:
                foreach (var item in set.Items)
                {
                    CheckValue(item, line, column, depth + 1);
                }

                break;
            case CedarRecord record when depth < 64:
                foreach (var field in record.Fields)
                {
                    CheckValue(field.Value, line, column, depth + 1);
                }

                break;
        }
    }

    private void CheckType(string type, int line, int column)
    {
        if (!schema.IsKnownEntityType(type))
        {
            errors.Add(line, column, $"unrecognized entity type `{type}`");
        }
    }

    private void CheckEntity(EntityUid entity, int line, int column)
    {
        if (schema.IsActionType(entity.Type) || (IsActionTypeName(entity.Type) && !schema.EntityTypes.ContainsKey(entity.Type)))
        {
            if (!schema.Actions.ContainsKey(entity))
            {
                errors.Add(line, column, $"unrecognized action `{entity}`");
            }

            return;
        }

        if (!schema.EntityTypes.TryGetValue(entity.Type, out var declared))
        {
            errors.Add(line, column, $"unrecognized entity type `{entity.Type}`");
            return;
        }

        if (declared.EnumIds is { } ids && !ids.Contains(entity.Id, StringComparer.Ordinal))
        {
            errors.Add(line, column, $"entity `{entity}` is of an enumerated entity type, but `\"{entity.Id}\"` is not one of its declared ids");
        }
    }

    private static bool IsActionTypeName(string type) =>
        type == "Action" || type.EndsWith("::Action", StringComparison.Ordinal);
}
