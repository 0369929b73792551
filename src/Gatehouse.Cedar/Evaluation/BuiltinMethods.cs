namespace Gatehouse.Cedar.Evaluation;

/// <summary>The set and tag methods every Cedar value may be called with.</summary>
internal static class BuiltinMethods
{
    public static CedarValue? TryInvoke(EvaluationContext context, string method, CedarValue target, CedarValue[] arguments) => method switch
    {
        "contains" => CedarValue.Of(Operators.AsSet(target).Contains(arguments[0])),
        "containsAll" => CedarValue.Of(ContainsAll(Operators.AsSet(target), Operators.AsSet(arguments[0]))),
        "containsAny" => CedarValue.Of(ContainsAny(Operators.AsSet(target), Operators.AsSet(arguments[0]))),
        "isEmpty" => CedarValue.Of(Operators.AsSet(target).Count == 0),
        "hasTag" => CedarValue.Of(HasTag(context, Operators.AsEntity(target), Operators.AsString(arguments[0]))),
        "getTag" => GetTag(context, Operators.AsEntity(target), Operators.AsString(arguments[0])),
        _ => null,
    };

    private static bool ContainsAll(CedarSet set, CedarSet required)
    {
        foreach (var item in required.Items)
        {
            if (!set.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAny(CedarSet set, CedarSet candidates)
    {
        foreach (var item in candidates.Items)
        {
            if (set.Contains(item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTag(EvaluationContext context, EntityUid uid, string tag) =>
        context.Entities.Find(uid)?.Tags.ContainsKey(tag) ?? false;

    private static CedarValue GetTag(EvaluationContext context, EntityUid uid, string tag)
    {
        var entity = context.Entities.Find(uid) ?? throw new EvaluationException($"entity {uid} does not exist");
        return entity.Tags.TryGetValue(tag, out var value)
            ? value
            : throw new EvaluationException($"entity {uid} does not have the tag '{tag}'");
    }
}
