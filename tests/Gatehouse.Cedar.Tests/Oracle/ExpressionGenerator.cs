using System.Globalization;
using static Gatehouse.Cedar.Tests.Oracle.GeneratorVocabulary;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// Builds Cedar expressions as text, aiming at a kind of value: mostly well-typed over the shared vocabulary, so
/// conditions are often satisfiable, with a deliberate share of missing attributes, missing entities,
/// ill-typed operands, overflowing arithmetic and invalid extension arguments so errors occur often too.
/// </summary>
internal sealed class ExpressionGenerator(Random random)
{
    private const int MaxDepth = 3;

    public string Bool(int depth = 0)
    {
        var leaf = depth >= MaxDepth;
        switch (random.Next(leaf ? 14 : 19))
        {
            case 0: return Chance(50) ? "true" : "false";
            case 1: return $"{Long(depth + 1)} {Pick(["<", "<=", ">", ">=", "==", "!="])} {Long(depth + 1)}";
            case 2: return Equality(depth);
            case 3: return $"{Pick(["principal", "resource", "context", "principal.info", "resource.owner"])} has {HasName()}";
            case 4: return $"{Pick(["principal", "resource", "principal.manager", "resource.owner", "context.who"])} in {InTarget()}";
            case 5: return Is();
            case 6: return $"{String(depth + 1)} like {CedarText.Quote(Pick(LikePatterns))}";
            case 7: return SetTest(depth);
            case 8: return IpTest(depth);
            case 9: return DecimalTest(depth);
            case 10: return TemporalTest(depth);
            case 11: return Tags(depth);
            case 12: return Access(ValueKind.Bool);
            case 13: return IllTyped(depth);
            case 14: return $"{Bool(depth + 1)} && {Bool(depth + 1)}";
            case 15: return $"{Bool(depth + 1)} || {Bool(depth + 1)}";
            case 16: return $"!({Bool(depth + 1)})";
            case 17: return $"(if {Bool(depth + 1)} then {Bool(depth + 1)} else {Bool(depth + 1)})";
            default: return $"({Bool(depth + 1)})";
        }
    }

    public string Long(int depth)
    {
        var leaf = depth >= MaxDepth;
        switch (random.Next(leaf ? 4 : 9))
        {
            case 0: return LongLiteral();
            case 1:
            case 2: return Access(ValueKind.Long);
            case 3: return $"{Temporal(ValueKind.Duration, depth + 1)}.{Pick(["toMilliseconds", "toSeconds", "toMinutes", "toHours", "toDays"])}()";
            case 4: return $"({Long(depth + 1)} + {Long(depth + 1)})";
            case 5: return $"({Long(depth + 1)} - {Long(depth + 1)})";
            case 6: return $"({Long(depth + 1)} * {Long(depth + 1)})";
            case 7: return $"-{Long(depth + 1)}";
            default: return $"(if {Bool(depth + 1)} then {Long(depth + 1)} else {Long(depth + 1)})";
        }
    }

    public string String(int depth) => random.Next(4) switch
    {
        0 => CedarText.Quote(Pick(Strings)),
        1 => $"principal.getTag({CedarText.Quote(Pick(TagKeys))})",
        _ => Access(ValueKind.String),
    };

    public string Entity() => random.Next(5) switch
    {
        0 => Pick(["principal", "resource", "action"]),
        1 => Uid().ToCedar(),
        _ => Access(ValueKind.Entity),
    };

    private string LongLiteral() => random.Next(8) switch
    {
        0 => "9223372036854775807",
        1 => "-9223372036854775807",
        2 => "4611686018427387904",
        _ => random.Next(-3, 70).ToString(CultureInfo.InvariantCulture),
    };

    private string Equality(int depth)
    {
        var kind = Pick([ValueKind.Long, ValueKind.String, ValueKind.Entity, ValueKind.Bool, ValueKind.StringSet, ValueKind.Record, ValueKind.Ip, ValueKind.Decimal]);
        var left = Of(kind, depth + 1);
        // Mixed kinds are legal for == and simply false; they test the equality across kinds.
        var right = Chance(85) ? Of(kind, depth + 1) : Of(Pick([ValueKind.Long, ValueKind.String, ValueKind.Entity]), depth + 1);
        return $"{left} {(Chance(75) ? "==" : "!=")} {right}";
    }

    private string Of(ValueKind kind, int depth) => kind switch
    {
        // Parenthesised: `a == b is T` or `a == b < c` is not Cedar (one relation per level).
        ValueKind.Bool => depth >= MaxDepth ? "true" : $"({Bool(depth)})",
        ValueKind.Long => Long(depth),
        ValueKind.String => String(depth),
        ValueKind.Entity => Entity(),
        ValueKind.StringSet => StringSet(),
        ValueKind.LongSet => Chance(50) ? Access(ValueKind.LongSet) : $"[{LongLiteral()}, {LongLiteral()}]",
        ValueKind.Record => Chance(50) ? Access(ValueKind.Record) : $"{{level: {LongLiteral()}, active: {(Chance(50) ? "true" : "false")}}}",
        ValueKind.Ip => Extension("ip", IpLiterals, BadIpLiterals, ValueKind.Ip),
        ValueKind.Decimal => Extension("decimal", DecimalLiterals, BadDecimalLiterals, ValueKind.Decimal),
        _ => Temporal(kind, depth),
    };

    private string StringSet() => random.Next(4) switch
    {
        0 => "[]",
        1 => $"[{CedarText.Quote(Pick(Strings))}, {CedarText.Quote(Pick(Strings))}]",
        _ => Access(ValueKind.StringSet),
    };

    private string SetTest(int depth)
    {
        if (Chance(25))
        {
            var entities = $"[{Uid().ToCedar()}, {Uid().ToCedar()}]";
            return Chance(50) ? $"{entities}.contains({Entity()})" : $"{entities}.containsAny([principal, resource])";
        }

        if (Chance(25))
        {
            var numbers = Chance(50) ? Access(ValueKind.LongSet) : $"[{LongLiteral()}, {LongLiteral()}]";
            return Chance(50) ? $"{numbers}.contains({Long(depth + 1)})" : $"{numbers}.isEmpty()";
        }

        var set = StringSet();
        return random.Next(4) switch
        {
            0 => $"{set}.contains({String(depth + 1)})",
            1 => $"{set}.containsAll({StringSet()})",
            2 => $"{set}.containsAny({StringSet()})",
            _ => $"{set}.isEmpty()",
        };
    }

    private string IpTest(int depth)
    {
        var ip = Of(ValueKind.Ip, depth + 1);
        return random.Next(5) switch
        {
            0 => $"{ip}.isIpv4()",
            1 => $"{ip}.isIpv6()",
            2 => $"{ip}.isLoopback()",
            3 => $"{ip}.isMulticast()",
            _ => $"{ip}.isInRange({Of(ValueKind.Ip, depth + 1)})",
        };
    }

    private string DecimalTest(int depth) =>
        $"{Of(ValueKind.Decimal, depth + 1)}.{Pick(["lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"])}({Of(ValueKind.Decimal, depth + 1)})";

    private string TemporalTest(int depth)
    {
        var kind = Chance(50) ? ValueKind.Datetime : ValueKind.Duration;
        return $"{Temporal(kind, depth + 1)} {Pick(["<", "<=", ">", ">=", "==", "!="])} {Temporal(kind, depth + 1)}";
    }

    private string Temporal(ValueKind kind, int depth)
    {
        if (kind == ValueKind.Duration)
        {
            return depth < MaxDepth && Chance(20)
                ? $"{Temporal(ValueKind.Datetime, depth + 1)}.durationSince({Temporal(ValueKind.Datetime, depth + 1)})"
                : Extension("duration", DurationLiterals, BadDurationLiterals, ValueKind.Duration);
        }

        if (depth < MaxDepth && Chance(25))
        {
            return Chance(50)
                ? $"{Temporal(ValueKind.Datetime, depth + 1)}.offset({Temporal(ValueKind.Duration, depth + 1)})"
                : $"{Temporal(ValueKind.Datetime, depth + 1)}.toDate()";
        }

        return Extension("datetime", DatetimeLiterals, BadDatetimeLiterals, ValueKind.Datetime);
    }

    private string Extension(string function, IReadOnlyList<string> good, IReadOnlyList<string> bad, ValueKind kind)
    {
        var roll = random.Next(100);
        if (roll < 40)
        {
            return Access(kind);
        }

        return $"{function}({CedarText.Quote(roll < 94 ? Pick(good) : Pick(bad))})";
    }

    private string Tags(int depth)
    {
        var subject = Pick(["principal", "resource"]);
        var key = Chance(90) ? CedarText.Quote(Pick(TagKeys)) : String(depth + 1);
        return random.Next(3) switch
        {
            0 => $"{subject}.hasTag({key})",
            1 => $"{subject}.hasTag({key}) && {subject}.getTag({key}) == {CedarText.Quote(Pick(["prod", "dev"]))}",
            _ => $"{subject}.getTag({key}) == {CedarText.Quote(Pick(["prod", "dev"]))}",
        };
    }

    private string Is()
    {
        var subject = Pick(["principal", "resource", "principal.manager"]);
        var type = Pick(EntityTypes);
        return Chance(60) ? $"{subject} is {type}" : $"{subject} is {type} in {InTarget()}";
    }

    private string IllTyped(int depth) => random.Next(6) switch
    {
        0 => $"{String(depth + 1)} > {Long(depth + 1)}",
        1 => $"{Long(depth + 1)} && true",
        2 => $"{Access(ValueKind.String)}.contains(1)",
        3 => $"principal in {CedarText.Quote("admins")}",
        4 => $"if {Long(depth + 1)} then true else false",
        _ => $"{Access(ValueKind.Long)} like \"1*\"",
    };

    /// <summary>`principal.age`, `resource["name"]`, `context.hour`, `principal.info.level`: attributes the entities hold most of the time.</summary>
    public string Access(ValueKind kind)
    {
        if (kind == ValueKind.Long && Chance(15))
        {
            return Pick(["principal", "resource"]) + ".info.level";
        }

        if (kind == ValueKind.Bool && Chance(30))
        {
            return "principal.info.active";
        }

        var useContext = Chance(35);
        var names = useContext ? ContextKeys : Attributes;
        var candidates = new List<string>();
        foreach (var (name, candidateKind) in names)
        {
            if (candidateKind == kind)
            {
                candidates.Add(name);
            }
        }

        if (candidates.Count == 0)
        {
            // Nothing of that kind in the chosen source: read a plausible name anyway (a missing attribute error).
            candidates.Add(Pick(Attributes).Name);
        }

        var attribute = Pick(candidates);
        var subject = useContext ? "context" : Pick(["principal", "resource", "principal", "principal.manager", "resource.owner"]);
        return Chance(12) ? $"{subject}[{CedarText.Quote(attribute)}]" : $"{subject}.{attribute}";
    }

    private string HasName() => Chance(85) ? Pick(Attributes).Name : Pick(["level", "active", "\"x y\"", "hour", "missing"]);

    private string InTarget() => random.Next(5) switch
    {
        0 => $"[{Uid().ToCedar()}, {Uid().ToCedar()}]",
        _ => Uid().ToCedar(),
    };

    public GeneratedUid Uid() => random.Next(10) switch
    {
        < 4 => Pick(Groups),
        < 6 => Pick(Resources),
        < 8 => Pick(Users),
        8 => Pick(Actions),
        _ => Pick(Strangers),
    };

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
