using Gatehouse.Core.Model;

namespace Gatehouse.Core.GraphQL;

/// <summary>Turns one root field of an operation into an action: catalog entry first, then the name's verb.</summary>
internal static class GraphQLFieldClassifier
{
    internal const string Tool = "graphql";
    internal const string LocalPath = "graphql";

    // Argument names that commonly carry the environment a mutation reaches.
    private static readonly string[] GenericEnvironmentArguments =
        ["environmentId", "environment", "environmentName", "env", "input.environmentId", "input.environment", "input.environmentName"];

    public static AgentAction Read(GraphQLField field, GraphQLOperationType type) => new()
    {
        Verb = Verb.Read,
        Target = ResourceRef.Of("graphql-field", field.Name),
        Tool = Tool,
        Reversible = true,
        Risk = Risk.None,
        Path = LocalPath,
        RuleId = type == GraphQLOperationType.Subscription ? "graphql.subscription" : "graphql.query",
        Reason = type == GraphQLOperationType.Subscription
            ? $"Subscription to '{field.Name}' only receives data."
            : $"Query field '{field.Name}' only reads data.",
    };

    public static AgentAction Mutation(GraphQLField field, GraphQLArgumentResolver resolver, string? provider)
    {
        var rule = GraphQLCatalog.Instance.Find(field.Name, provider);
        return rule is null ? FromName(field, resolver) : FromRule(field, rule, resolver);
    }

    private static AgentAction FromRule(GraphQLField field, GraphQLFieldRule rule, GraphQLArgumentResolver resolver)
    {
        var verb = rule.Verb;
        var risk = rule.Risk;
        var reversible = rule.Reversible;
        var reason = rule.Reason;
        var tags = new List<string>(rule.Tags);
        var ruleId = $"graphql.{rule.Provider}.{rule.Name}";
        foreach (var condition in rule.Conditions)
        {
            if (!resolver.TryResolve(field.Arguments, condition.ArgumentPath, out var value))
            {
                continue;
            }

            var matches = condition.EqualsValue is null
                ? condition.Present && value is not null
                : string.Equals(value, condition.EqualsValue, StringComparison.OrdinalIgnoreCase);
            if (!matches)
            {
                continue;
            }

            verb = condition.Verb;
            risk = condition.Risk > risk ? condition.Risk : risk;
            reversible &= risk < Risk.High;
            reason = condition.Reason;
            ruleId += "." + condition.ArgumentPath;
            foreach (var tag in condition.Tags)
            {
                AddTag(tags, tag);
            }
        }

        var id = ResolveFirst(field, rule.IdPaths, resolver);
        return new AgentAction
        {
            Verb = verb,
            Target = ResourceRef.Of(rule.Kind, id),
            Tool = Tool,
            Reversible = reversible,
            Risk = risk,
            Path = LocalPath,
            RuleId = ruleId,
            Reason = reason,
            Tags = tags,
            EnvironmentHints = EnvironmentHints(field, resolver, rule.EnvironmentArguments),
        };
    }

    private static AgentAction FromName(GraphQLField field, GraphQLArgumentResolver resolver)
    {
        var intent = MutationVerbs.Analyze(field.Name);
        var kind = intent.NounWords.Count == 0 ? "graphql-field" : string.Join('-', intent.NounWords);
        var tags = new List<string>();
        var risk = intent.Risk;
        if (intent.AllResources)
        {
            tags.Add(Model.Tags.AllResources);
        }

        // Bulk deletes with a filter argument (Hasura's delete_x(where: {}), Prisma's deleteMany) hit every row when the filter is empty.
        if (intent.Verb == Verb.Delete && IsEmptyFilter(field))
        {
            tags.Add(Model.Tags.AllRows);
            risk = Risk.Critical;
        }

        return new AgentAction
        {
            Verb = intent.Verb,
            Target = ResourceRef.Of(kind, GuessId(field, intent.NounWords, resolver)),
            Tool = Tool,
            Reversible = risk < Risk.High,
            Risk = risk,
            Path = LocalPath,
            RuleId = "graphql.mutation." + intent.RuleSuffix,
            Reason = $"Mutation field '{field.Name}' {intent.Description}.",
            Tags = tags,
            EnvironmentHints = EnvironmentHints(field, resolver, GenericEnvironmentArguments),
        };
    }

    private static bool IsEmptyFilter(GraphQLField field)
    {
        foreach (var argument in field.Arguments)
        {
            if (string.Equals(argument.Key, "where", StringComparison.Ordinal))
            {
                return argument.Value.Kind == GraphQLValueKind.Null ||
                    (argument.Value.Kind == GraphQLValueKind.Object && argument.Value.Fields!.Count == 0);
            }
        }

        return false;
    }

    private static string? ResolveFirst(GraphQLField field, IReadOnlyList<string> paths, GraphQLArgumentResolver resolver)
    {
        foreach (var path in paths)
        {
            if (resolver.TryResolve(field.Arguments, path, out var value) && value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Without a catalog entry the id is usually <c>id</c>, <c>&lt;noun&gt;Id</c>, or the first <c>…Id</c> argument.</summary>
    private static string? GuessId(GraphQLField field, IReadOnlyList<string> nounWords, GraphQLArgumentResolver resolver)
    {
        var candidates = new List<string>(6) { "id", "input.id" };
        if (nounWords.Count > 0)
        {
            var noun = nounWords[^1];
            candidates.Add(noun + "Id");
            candidates.Add(noun + "_id");
            candidates.Add("input." + noun + "Id");
        }

        foreach (var argument in field.Arguments)
        {
            if (argument.Key.EndsWith("Id", StringComparison.Ordinal) || argument.Key.EndsWith("_id", StringComparison.Ordinal) ||
                argument.Key.EndsWith("ID", StringComparison.Ordinal))
            {
                candidates.Add(argument.Key);
            }
        }

        candidates.Add("name");
        candidates.Add("input.name");
        return ResolveFirst(field, candidates, resolver);
    }

    private static List<string> EnvironmentHints(GraphQLField field, GraphQLArgumentResolver resolver, IReadOnlyList<string> paths)
    {
        var hints = new List<string>();
        foreach (var path in paths)
        {
            if (resolver.TryResolve(field.Arguments, path, out var value) && value is not null && !hints.Contains(value))
            {
                hints.Add(value);
            }
        }

        return hints;
    }

    private static void AddTag(List<string> tags, string tag)
    {
        if (!tags.Contains(tag))
        {
            tags.Add(tag);
        }
    }
}
