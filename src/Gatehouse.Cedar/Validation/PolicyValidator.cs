using Gatehouse.Cedar.Schema;
using Gatehouse.Cedar.Syntax;
using Gatehouse.Cedar.Validation;

namespace Gatehouse.Cedar;

/// <summary>
/// Strict validation of policies against a schema, as the official validator does it: references to unknown
/// entity types, unknown actions and undeclared enumerated ids are errors; every policy is then typechecked in
/// each request environment (principal type, action, resource type) its scope allows. A scope no environment
/// satisfies is not an error (the official validator only warns), so such a policy's conditions go unchecked.
/// </summary>
public static class PolicyValidator
{
    public static ValidationResult Validate(PolicySet policies, CedarSchema schema)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(schema);
        var all = new List<ValidationError>();
        foreach (var policy in policies.Templates)
        {
            all.AddRange(ValidatePolicy(policy, schema));
        }

        foreach (var policy in policies.Policies)
        {
            all.AddRange(ValidatePolicy(policy, schema));
        }

        return new ValidationResult(all);
    }

    private static List<ValidationError> ValidatePolicy(Policy policy, CedarSchema schema)
    {
        var errors = new ValidationErrors(policy);
        new ReferenceChecker(schema, errors).CheckPolicy(policy);
        foreach (var environment in Environments(policy, schema))
        {
            CheckConditions(policy, new TypeChecker(schema, environment, errors), errors);
        }

        return errors.Errors;
    }

    private static void CheckConditions(Policy policy, TypeChecker checker, ValidationErrors errors)
    {
        var capabilities = Capabilities.None;
        foreach (var condition in policy.Conditions)
        {
            if (checker.Check(condition.Body, capabilities) is not { } typed)
            {
                return;
            }

            if (typed.Type.Kind != SchemaTypeKind.Bool)
            {
                errors.Add(condition.Body.Line, condition.Body.Column, $"unexpected type: a `{(condition.IsWhen ? "when" : "unless")}` condition must be Bool but saw {typed.Type}");
                return;
            }

            // Conditions join with `&&` in order, `unless` negated: a condition that is always false ends the
            // policy, so what follows is never evaluated and, as in the official validator, never typechecked.
            var value = condition.IsWhen ? typed.Type.Constant : !typed.Type.Constant;
            if (value == false)
            {
                return;
            }

            if (condition.IsWhen)
            {
                capabilities = capabilities.Union(typed.WhenTrue);
            }
        }
    }

    private static IEnumerable<RequestEnvironment> Environments(Policy policy, CedarSchema schema)
    {
        foreach (var action in schema.ActionsInOrder)
        {
            if (!ActionMatches(policy.Action, action.Uid, schema))
            {
                continue;
            }

            foreach (var principal in action.PrincipalTypes)
            {
                if (!EntityMatches(policy.Principal, principal, schema))
                {
                    continue;
                }

                foreach (var resource in action.ResourceTypes)
                {
                    if (EntityMatches(policy.Resource, resource, schema))
                    {
                        yield return new RequestEnvironment(principal, action, resource);
                    }
                }
            }
        }
    }

    private static bool ActionMatches(ScopeConstraint scope, EntityUid action, CedarSchema schema)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Any:
                return true;
            case ScopeKind.Equal:
                return scope.Entity == action;
            case ScopeKind.In:
                return scope.Entity is { } group && schema.ActionIsIn(action, group);
            case ScopeKind.InSet:
                foreach (var member in scope.Entities)
                {
                    if (schema.ActionIsIn(action, member))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool EntityMatches(ScopeConstraint scope, string type, CedarSchema schema)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Any:
                return true;
            case ScopeKind.Equal:
                return scope.HasSlot || string.Equals(scope.Entity?.Type, type, StringComparison.Ordinal);
            case ScopeKind.In:
                return scope.HasSlot || (scope.Entity is { } ancestor && schema.CanBeIn(type, ancestor.Type));
            case ScopeKind.Is:
                return string.Equals(scope.EntityType, type, StringComparison.Ordinal);
            case ScopeKind.IsIn:
                return string.Equals(scope.EntityType, type, StringComparison.Ordinal)
                    && (scope.HasSlot || (scope.Entity is { } parent && schema.CanBeIn(type, parent.Type)));
            default:
                return false;
        }
    }
}
