using Gatehouse.Cedar.Extensions;
using Gatehouse.Cedar.Schema;
using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Validation;

/// <summary>Attribute access, <c>has</c>, tags, methods and the extension constructors.</summary>
internal sealed partial class TypeChecker
{
    private Typed? CheckHas(HasExpr has, Capabilities capabilities)
    {
        if (Check(has.Target, capabilities) is not { } target)
        {
            return null;
        }

        var key = ExpressionKey.Of(has.Target);
        var proven = key is null ? Capabilities.None : Capabilities.None.With(Capabilities.AttributeKey(key, has.Attribute));

        // Already proven on this path (an earlier `has` in an enclosing `&&` or `when`): always true here.
        if (key is not null && capabilities.Contains(Capabilities.AttributeKey(key, has.Attribute)))
        {
            return new Typed(ValidationType.True, proven);
        }

        switch (target.Type.Kind)
        {
            case SchemaTypeKind.Entity:
                return AttributesOf(target.Type) is { } entityAttributes && entityAttributes.ContainsKey(has.Attribute)
                    ? new Typed(ValidationType.Bool, proven)
                    : new Typed(ValidationType.False);
            case SchemaTypeKind.Record:
                var attributes = target.Type.Type.Attributes!;
                if (attributes.TryGetValue(has.Attribute, out var attribute))
                {
                    return new Typed(attribute.Required ? ValidationType.True : ValidationType.Bool, proven);
                }

                return target.Type.Type.IsOpen ? new Typed(ValidationType.Bool, proven) : new Typed(ValidationType.False);
            default:
                errors.Add(has.Target.Line, has.Target.Column, $"unexpected type: `has` needs an entity or a record but saw {target.Type}");
                return null;
        }
    }

    private Typed? CheckGetAttribute(GetAttributeExpr get, Capabilities capabilities)
    {
        if (Check(get.Target, capabilities) is not { } target)
        {
            return null;
        }

        IReadOnlyDictionary<string, SchemaAttribute>? attributes;
        string owner;
        switch (target.Type.Kind)
        {
            case SchemaTypeKind.Entity:
                attributes = AttributesOf(target.Type);
                owner = $"entity type `{target.Type.Type.Name}`";
                break;
            case SchemaTypeKind.Record:
                attributes = target.Type.Type.Attributes;
                owner = get.Target is VariableExpr { Variable: Variable.Context } ? $"the context of {environment.Action.Uid}" : "the record";
                break;
            default:
                errors.Add(get.Target.Line, get.Target.Column, $"unexpected type: attribute access needs an entity or a record but saw {target.Type}");
                return null;
        }

        if (attributes is null || !attributes.TryGetValue(get.Attribute, out var attribute))
        {
            errors.Add(get.Line, get.Column, $"attribute `{get.Attribute}` not found on {owner}");
            return null;
        }

        if (!attribute.Required)
        {
            var key = ExpressionKey.Of(get.Target);
            if (key is null || !capabilities.Contains(Capabilities.AttributeKey(key, get.Attribute)))
            {
                errors.Add(get.Line, get.Column, $"unable to guarantee safety of access to optional attribute `{get.Attribute}` on {owner}: guard it with `has`");
                return null;
            }
        }

        return new Typed(new ValidationType(attribute.Type));
    }

    private IReadOnlyDictionary<string, SchemaAttribute>? AttributesOf(ValidationType entity) =>
        schema.EntityTypes.TryGetValue(entity.Type.Name!, out var declared) ? declared.Shape.Attributes : null;

    private Typed? CheckMethod(MethodCallExpr call, Capabilities capabilities)
    {
        var target = Check(call.Target, capabilities);
        var arguments = new Typed?[call.Arguments.Count];
        var failed = target is null;
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Check(call.Arguments[i], capabilities);
            failed |= arguments[i] is null;
        }

        if (failed)
        {
            return null;
        }

        var self = target!.Value.Type;
        switch (call.Method)
        {
            case "contains":
                if (!RequireTarget(call, self, SchemaTypeKind.Set))
                {
                    return null;
                }

                return Join(call, new ValidationType(self.Type.Element!), arguments[0]!.Value.Type, "`contains` needs an element of the set's type");
            case "containsAll" or "containsAny":
                if (!RequireTarget(call, self, SchemaTypeKind.Set) || !RequireArgument(call, 0, arguments[0]!.Value.Type, SchemaTypeKind.Set))
                {
                    return null;
                }

                return Join(call, self, arguments[0]!.Value.Type, $"`{call.Method}` needs a set of the same element type");
            case "isEmpty":
                return RequireTarget(call, self, SchemaTypeKind.Set) ? new Typed(ValidationType.Bool) : null;
            case "hasTag":
                return CheckHasTag(call, self, arguments[0]!.Value.Type, capabilities);
            case "getTag":
                return CheckGetTag(call, self, arguments[0]!.Value.Type, capabilities);
            case "isIpv4" or "isIpv6" or "isLoopback" or "isMulticast":
                return Extension(call, self, "ipaddr", [], [], ValidationType.Bool);
            case "isInRange":
                return Extension(call, self, "ipaddr", arguments, ["ipaddr"], ValidationType.Bool);
            case "lessThan" or "lessThanOrEqual" or "greaterThan" or "greaterThanOrEqual":
                return Extension(call, self, "decimal", arguments, ["decimal"], ValidationType.Bool);
            case "offset":
                return Extension(call, self, "datetime", arguments, ["duration"], new ValidationType(SchemaType.Extension("datetime")));
            case "durationSince":
                return Extension(call, self, "datetime", arguments, ["datetime"], new ValidationType(SchemaType.Extension("duration")));
            case "toDate":
                return Extension(call, self, "datetime", [], [], new ValidationType(SchemaType.Extension("datetime")));
            case "toTime":
                return Extension(call, self, "datetime", [], [], new ValidationType(SchemaType.Extension("duration")));
            case "toMilliseconds" or "toSeconds" or "toMinutes" or "toHours" or "toDays":
                return Extension(call, self, "duration", [], [], ValidationType.Long);
            default:
                errors.Add(call.Line, call.Column, $"unknown method `{call.Method}`");
                return null;
        }
    }

    private Typed? Join(MethodCallExpr call, ValidationType expected, ValidationType actual, string why)
    {
        if (TypeLattice.StrictLub(expected, actual) is null)
        {
            errors.Add(call.Line, call.Column, $"the types {expected} and {actual} are not compatible: {why}");
            return null;
        }

        return new Typed(ValidationType.Bool);
    }

    private Typed? CheckHasTag(MethodCallExpr call, ValidationType self, ValidationType key, Capabilities capabilities)
    {
        if (!RequireTarget(call, self, SchemaTypeKind.Entity) || !RequireArgument(call, 0, key, SchemaTypeKind.String))
        {
            return null;
        }

        if (!schema.EntityTypes.TryGetValue(self.Type.Name!, out var declared) || declared.Tags is null)
        {
            return new Typed(ValidationType.False);
        }

        var target = ExpressionKey.Of(call.Target);
        var tag = ExpressionKey.Of(call.Arguments[0]);
        var proven = target is null || tag is null ? Capabilities.None : Capabilities.None.With(Capabilities.TagKey(target, tag));
        var known = target is not null && tag is not null && capabilities.Contains(Capabilities.TagKey(target, tag));
        return new Typed(known ? ValidationType.True : ValidationType.Bool, proven);
    }

    private Typed? CheckGetTag(MethodCallExpr call, ValidationType self, ValidationType key, Capabilities capabilities)
    {
        if (!RequireTarget(call, self, SchemaTypeKind.Entity) || !RequireArgument(call, 0, key, SchemaTypeKind.String))
        {
            return null;
        }

        var target = ExpressionKey.Of(call.Target);
        var tag = ExpressionKey.Of(call.Arguments[0]);
        if (!schema.EntityTypes.TryGetValue(self.Type.Name!, out var declared) || declared.Tags is null
            || target is null || tag is null || !capabilities.Contains(Capabilities.TagKey(target, tag)))
        {
            errors.Add(call.Line, call.Column, $"unable to guarantee safety of access to a tag on entity type `{self.Type.Name}`: guard it with `hasTag`");
            return null;
        }

        return new Typed(new ValidationType(declared.Tags));
    }

    private Typed? Extension(MethodCallExpr call, ValidationType self, string extension, Typed?[] arguments, string[] argumentTypes, ValidationType result)
    {
        if (!self.IsExtension(extension))
        {
            errors.Add(call.Target.Line, call.Target.Column, $"unexpected type: `{call.Method}` needs a {extension} but saw {self}");
            return null;
        }

        for (var i = 0; i < argumentTypes.Length; i++)
        {
            var argument = arguments[i]!.Value.Type;
            if (!argument.IsExtension(argumentTypes[i]))
            {
                errors.Add(call.Arguments[i].Line, call.Arguments[i].Column, $"unexpected type: `{call.Method}` needs a {argumentTypes[i]} argument but saw {argument}");
                return null;
            }
        }

        return new Typed(result);
    }

    private bool RequireTarget(MethodCallExpr call, ValidationType self, SchemaTypeKind kind)
    {
        if (self.Kind == kind)
        {
            return true;
        }

        errors.Add(call.Target.Line, call.Target.Column, $"unexpected type: `{call.Method}` needs {KindName(kind)} but saw {self}");
        return false;
    }

    private bool RequireArgument(MethodCallExpr call, int index, ValidationType argument, SchemaTypeKind kind)
    {
        if (argument.Kind == kind)
        {
            return true;
        }

        errors.Add(call.Arguments[index].Line, call.Arguments[index].Column, $"unexpected type: `{call.Method}` needs {KindName(kind)} argument but saw {argument}");
        return false;
    }

    private Typed? CheckFunction(FunctionCallExpr call, Capabilities capabilities)
    {
        if (call.Arguments.Count != 1)
        {
            errors.Add(call.Line, call.Column, $"`{call.Function}` takes one argument");
            return null;
        }

        var argument = call.Arguments[0];
        if (Expect(argument, capabilities, SchemaTypeKind.String) is null)
        {
            return null;
        }

        if (argument is not LiteralExpr { Value: CedarString text })
        {
            errors.Add(argument.Line, argument.Column, $"extension constructors may not be called with non-literal expressions: `{call.Function}` needs a string literal in strict validation");
            return null;
        }

        string? problem;
        string type;
        switch (call.Function)
        {
            case "ip":
                CedarIpAddress.TryParse(text.Value, out _, out problem);
                type = "ipaddr";
                break;
            case "decimal":
                CedarDecimal.TryParse(text.Value, out _, out problem);
                type = "decimal";
                break;
            case "datetime":
                CedarDatetime.TryParse(text.Value, out _, out problem);
                type = "datetime";
                break;
            case "duration":
                CedarDuration.TryParse(text.Value, out _, out problem);
                type = "duration";
                break;
            default:
                errors.Add(call.Line, call.Column, $"unknown function `{call.Function}`");
                return null;
        }

        if (problem is not null)
        {
            errors.Add(argument.Line, argument.Column, $"invalid argument to `{call.Function}`: {problem}");
            return null;
        }

        return new Typed(new ValidationType(SchemaType.Extension(type)));
    }
}
