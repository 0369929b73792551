namespace Gatehouse.Cedar.Evaluation;

/// <summary>Cedar's operators on values, with Cedar's type errors and checked 64-bit arithmetic.</summary>
internal static class Operators
{
    public static bool AsBool(CedarValue value) =>
        value is CedarBool b ? b.Value : throw EvaluationException.TypeError("bool", value);

    public static long AsLong(CedarValue value) =>
        value is CedarLong l ? l.Value : throw EvaluationException.TypeError("long", value);

    public static string AsString(CedarValue value) =>
        value is CedarString s ? s.Value : throw EvaluationException.TypeError("string", value);

    public static EntityUid AsEntity(CedarValue value) =>
        value is CedarEntityRef e ? e.Uid : throw EvaluationException.TypeError("entity", value);

    public static CedarEntityRef AsEntityRef(CedarValue value) =>
        value as CedarEntityRef ?? throw EvaluationException.TypeError("entity", value);

    public static CedarSet AsSet(CedarValue value) =>
        value is CedarSet s ? s : throw EvaluationException.TypeError("set", value);

    public static CedarValue Add(CedarValue left, CedarValue right)
    {
        var (a, b) = (AsLong(left), AsLong(right));
        var result = unchecked(a + b);
        return ((a ^ result) & (b ^ result)) < 0 ? throw Overflow(a, "+", b) : CedarValue.Of(result);
    }

    public static CedarValue Subtract(CedarValue left, CedarValue right)
    {
        var (a, b) = (AsLong(left), AsLong(right));
        var result = unchecked(a - b);
        return ((a ^ b) & (a ^ result)) < 0 ? throw Overflow(a, "-", b) : CedarValue.Of(result);
    }

    public static CedarValue Multiply(CedarValue left, CedarValue right)
    {
        var (a, b) = (AsLong(left), AsLong(right));
        var high = Math.BigMul(a, b, out var low);
        return high != (low >> 63) ? throw Overflow(a, "*", b) : CedarValue.Of(low);
    }

    public static CedarValue Negate(CedarValue operand)
    {
        var a = AsLong(operand);
        return a == long.MinValue
            ? throw new EvaluationException($"integer overflow while attempting to negate {a}")
            : CedarValue.Of(-a);
    }

    /// <summary>Compares Longs, or two datetimes, or two durations; anything else is a type error.</summary>
    public static int Compare(CedarValue left, CedarValue right)
    {
        if (left is CedarLong a)
        {
            return right is CedarLong b ? a.Value.CompareTo(b.Value) : throw EvaluationException.TypeError("long", right);
        }

        if (left is CedarExtensionValue x && ExtensionCalls.IsComparable(x))
        {
            return right is CedarExtensionValue y && string.Equals(x.ExtensionType, y.ExtensionType, StringComparison.Ordinal)
                ? ExtensionCalls.Compare(x, y)
                : throw EvaluationException.TypeError(x.ExtensionType, right);
        }

        throw EvaluationException.TypeError("long", left);
    }

    public static bool In(EvaluationContext context, CedarValue left, CedarValue right)
    {
        var child = AsEntityRef(left);
        if (right is CedarEntityRef single)
        {
            return context.IsInOrEqual(child, single.Uid);
        }

        if (right is not CedarSet set)
        {
            throw EvaluationException.TypeError("entity or set of entities", right);
        }

        foreach (var item in set.Items)
        {
            AsEntity(item);
        }

        foreach (var item in set.Items)
        {
            if (context.IsInOrEqual(child, ((CedarEntityRef)item).Uid))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Has(EvaluationContext context, CedarValue target, string attribute) => target switch
    {
        CedarRecord record => record.TryGetValue(attribute, out _),
        CedarEntityRef entity => context.Find(entity)?.Attributes.ContainsKey(attribute) ?? false,
        _ => throw EvaluationException.TypeError("entity or record", target),
    };

    public static CedarValue GetAttribute(EvaluationContext context, CedarValue target, string attribute)
    {
        switch (target)
        {
            case CedarRecord record:
                return record.TryGetValue(attribute, out var field)
                    ? field
                    : throw new EvaluationException($"record does not have the attribute '{attribute}'");
            case CedarEntityRef entityRef:
                var entity = context.Find(entityRef)
                    ?? throw new EvaluationException($"entity {entityRef.Uid} does not exist");
                return entity.Attributes.TryGetValue(attribute, out var value)
                    ? value
                    : throw new EvaluationException($"entity {entityRef.Uid} does not have the attribute '{attribute}'");
            default:
                throw EvaluationException.TypeError("entity or record", target);
        }
    }

    private static EvaluationException Overflow(long a, string op, long b) =>
        new($"integer overflow while attempting to compute {a} {op} {b}");
}
