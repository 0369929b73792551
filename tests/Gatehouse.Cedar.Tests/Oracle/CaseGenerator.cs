using System.Collections.Immutable;
using System.Globalization;
using static Gatehouse.Cedar.Tests.Oracle.GeneratorVocabulary;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// A seeded generator of whole authorization cases: a policy set of one to seven policies, an entity graph
/// over the shared vocabulary (hierarchies of groups, folders and action groups, attributes, tags, now and then
/// a cycle or an attribute of the wrong kind), and a request. It writes Cedar text and JSON directly, so it
/// shares nothing with the engine under test. The same seed always yields the same cases.
/// </summary>
internal sealed class CaseGenerator
{
    private readonly Random _random;
    private readonly ExpressionGenerator _expressions;
    private readonly int _seed;
    private int _count;

    public CaseGenerator(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
        _expressions = new ExpressionGenerator(_random);
    }

    public GeneratedCase Next()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"seed {_seed} case {_count++}");
        var policies = ImmutableArray.CreateBuilder<GeneratedPolicy>();
        var policyCount = 1 + _random.Next(7);
        for (var i = 0; i < policyCount; i++)
        {
            policies.Add(Policy());
        }

        return new GeneratedCase(name, policies.ToImmutable(), EntityGraph(), RequestPrincipal(), RequestAction(), RequestResource(), Context());
    }

    private GeneratedPolicy Policy()
    {
        var conditions = ImmutableArray.CreateBuilder<GeneratedCondition>();
        var conditionCount = _random.Next(100) switch { < 35 => 0, < 80 => 1, < 96 => 2, _ => 3 };
        for (var i = 0; i < conditionCount; i++)
        {
            conditions.Add(new GeneratedCondition(Chance(20), _expressions.Bool()));
        }

        var annotation = _random.Next(10) switch
        {
            0 => "@id(\"named\")",
            1 => "@advice(\"why\") @reviewed",
            _ => null,
        };
        return new GeneratedPolicy(Chance(25), PrincipalScope(), ActionScope(), ResourceScope(), conditions.ToImmutable(), annotation);
    }

    private string PrincipalScope() => _random.Next(100) switch
    {
        < 50 => "principal",
        < 62 => "principal == " + Pick(Chance(80) ? Users : Strangers).ToCedar(),
        < 80 => "principal in " + Pick(Chance(80) ? Groups : Users).ToCedar(),
        < 90 => "principal is " + Pick(["User", "User", "Group", "App::Role"]),
        _ => "principal is User in " + Pick(Groups).ToCedar(),
    };

    private string ActionScope() => _random.Next(100) switch
    {
        < 40 => "action",
        < 70 => "action == " + Pick(Actions).ToCedar(),
        < 90 => $"action in [{Pick(Actions).ToCedar()}, {Pick(Actions).ToCedar()}]",
        _ => "action in " + Pick(Actions).ToCedar(),
    };

    private string ResourceScope() => _random.Next(100) switch
    {
        < 50 => "resource",
        < 65 => "resource == " + Pick(Resources).ToCedar(),
        < 82 => "resource in " + Pick(Resources).ToCedar(),
        < 92 => "resource is " + Pick(["Doc", "Folder", "User"]),
        _ => "resource is Doc in " + Pick(Resources).ToCedar(),
    };

    private ImmutableArray<GeneratedEntity> EntityGraph()
    {
        var entities = ImmutableArray.CreateBuilder<GeneratedEntity>();
        foreach (var user in Users)
        {
            if (Chance(92))
            {
                entities.Add(Entity(user, Parents(Groups, 2)));
            }
        }

        for (var i = 0; i < Groups.Length; i++)
        {
            // Groups nest downwards in the list ("admins" in "staff" in "all"); a rare back edge closes a cycle.
            var parents = ImmutableArray.CreateBuilder<GeneratedUid>();
            for (var j = i + 1; j < Groups.Length; j++)
            {
                if (Chance(45))
                {
                    parents.Add(Groups[j]);
                }
            }

            if (i > 0 && Chance(2))
            {
                parents.Add(Groups[0]);
            }

            if (Chance(90))
            {
                entities.Add(Entity(Groups[i], parents.ToImmutable()));
            }
        }

        foreach (var resource in Resources)
        {
            ImmutableArray<GeneratedUid> parents = resource.Id switch
            {
                "root" => [],
                "f1" => Parents([new GeneratedUid("Folder", "root")], 1),
                _ => Parents([new GeneratedUid("Folder", "f1"), new GeneratedUid("Folder", "root")], 2),
            };
            if (Chance(90))
            {
                entities.Add(Entity(resource, parents));
            }
        }

        foreach (var action in Actions)
        {
            ImmutableArray<GeneratedUid> parents = action.Id switch
            {
                "read" or "write" => Chance(70) ? [new GeneratedUid("Action", "manage")] : [],
                "delete" or "manage" => Chance(70) ? [new GeneratedUid("Action", "any")] : [],
                _ => [],
            };
            if (Chance(85))
            {
                entities.Add(new GeneratedEntity(action, [], parents, []));
            }
        }

        return entities.ToImmutable();
    }

    private ImmutableArray<GeneratedUid> Parents(ImmutableArray<GeneratedUid> candidates, int max)
    {
        var parents = ImmutableArray.CreateBuilder<GeneratedUid>();
        var count = _random.Next(max + 1);
        for (var i = 0; i < count; i++)
        {
            var parent = Pick(candidates);
            if (!parents.Contains(parent))
            {
                parents.Add(parent);
            }
        }

        return parents.ToImmutable();
    }

    private GeneratedEntity Entity(GeneratedUid uid, ImmutableArray<GeneratedUid> parents)
    {
        var attributes = ImmutableArray.CreateBuilder<GeneratedValue>();
        foreach (var (name, kind) in Attributes)
        {
            if (Chance(70))
            {
                attributes.Add(new GeneratedValue(name, Value(Chance(5) ? Pick([ValueKind.String, ValueKind.Long, ValueKind.Bool]) : kind)));
            }
        }

        var tags = ImmutableArray.CreateBuilder<GeneratedValue>();
        foreach (var key in TagKeys)
        {
            if (Chance(40))
            {
                tags.Add(new GeneratedValue(key, Chance(85) ? CedarText.JsonQuote(Pick(["prod", "dev"])) : "7"));
            }
        }

        return new GeneratedEntity(uid, attributes.ToImmutable(), parents, tags.ToImmutable());
    }

    private ImmutableArray<GeneratedValue> Context()
    {
        var context = ImmutableArray.CreateBuilder<GeneratedValue>();
        foreach (var (name, kind) in ContextKeys)
        {
            if (Chance(75))
            {
                context.Add(new GeneratedValue(name, Value(kind)));
            }
        }

        return context.ToImmutable();
    }

    /// <summary>A JSON value of the kind, in Cedar's entity/context JSON (with __entity and __extn escapes).</summary>
    private string Value(ValueKind kind) => kind switch
    {
        ValueKind.Bool => Chance(60) ? "true" : "false",
        // Node's JSON.parse reads numbers as doubles: beyond 2^53 the oracle would see another number, so JSON
        // longs stay within it; the extremes of Cedar's 64-bit range come from policy literals instead.
        ValueKind.Long => _random.Next(20) == 0 ? "9007199254740991" : _random.Next(-5, 70).ToString(CultureInfo.InvariantCulture),
        ValueKind.String => CedarText.JsonQuote(Pick(Strings)),
        ValueKind.Entity => "{\"__entity\":" + (Chance(85) ? Pick(Users) : Pick(Strangers)).ToJson() + "}",
        ValueKind.StringSet => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => CedarText.JsonQuote(Pick(Strings)))) + "]",
        ValueKind.LongSet => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => _random.Next(0, 10).ToString(CultureInfo.InvariantCulture))) + "]",
        ValueKind.Record => Chance(80)
            ? $"{{\"level\":{_random.Next(0, 10).ToString(CultureInfo.InvariantCulture)},\"active\":{(Chance(60) ? "true" : "false")}}}"
            : "{\"level\":\"high\"}",
        ValueKind.Ip => Extension("ip", IpLiterals),
        ValueKind.Decimal => Extension("decimal", DecimalLiterals),
        ValueKind.Datetime => Extension("datetime", DatetimeLiterals),
        _ => Extension("duration", DurationLiterals),
    };

    private string Extension(string function, ImmutableArray<string> literals) =>
        $"{{\"__extn\":{{\"fn\":\"{function}\",\"arg\":{CedarText.JsonQuote(Pick(literals))}}}}}";

    private GeneratedUid RequestPrincipal() => _random.Next(100) switch
    {
        < 85 => Pick(Users),
        < 93 => Pick(Groups),
        _ => Pick(Strangers),
    };

    private GeneratedUid RequestAction() => Chance(95) ? Pick(Actions) : new GeneratedUid("Action", "unknown");

    private GeneratedUid RequestResource() => _random.Next(100) switch
    {
        < 90 => Pick(Resources),
        < 95 => Pick(Users),
        _ => Pick(Strangers),
    };

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
