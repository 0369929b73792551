using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

/// <summary>Shared assertions: the strictest action of an input must match verb, risk, target and exact tags.</summary>
internal static class SqlExpect
{
    public static AgentAction Strictest(IReadOnlyList<AgentAction> actions)
    {
        actions.ShouldNotBeEmpty();
        var best = actions[0];
        foreach (var action in actions)
        {
            if (action.Risk > best.Risk)
            {
                best = action;
            }
        }

        return best;
    }

    public static void Matches(string sql, SqlDialect dialect, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        var actions = SqlClassifier.Classify(sql, dialect);
        var action = Strictest(actions);
        var summary = string.Join(" | ", actions.Select(a => $"{a.Verb}/{a.Risk}/{a.RuleId}/{a.Target.Kind}:{a.Target.Id}/[{string.Join(',', a.Tags)}]"));
        action.Verb.ShouldBe(verb, summary);
        action.Risk.ShouldBe(risk, summary);
        action.Target.Kind.ShouldBe(kind, summary);
        action.Target.Id.ShouldBe(id, summary);
        var expectedTags = tags.Length == 0 ? [] : tags.Split(',');
        action.Tags.OrderBy(t => t, StringComparer.Ordinal).ShouldBe(expectedTags.OrderBy(t => t, StringComparer.Ordinal), summary);
        action.Tool.ShouldBe("sql");
        action.Path.ShouldBe("sql");
    }
}
