using Gatehouse.Core.Analysis;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Decisions;

/// <summary>
/// The decision Gatehouse makes before a Cedar policy set is configured: reads and local,
/// regenerable work pass; what destroys beyond recovery, broadly, or in production is denied;
/// what is destructive but recoverable, unknown, opaque or touches credentials needs a human.
/// </summary>
public static class BuiltInDecider
{
    public static Verdict Decide(IReadOnlyList<AgentAction> actions)
    {
        if (actions.Count == 0)
        {
            return new Verdict(Decision.Allow, Risk.None, [], "Nothing in the input acts on anything.");
        }

        var decision = Decision.Allow;
        var risk = Risk.None;
        AgentAction? determining = null;
        List<string> rules = [];
        foreach (var action in actions)
        {
            var actionRisk = EffectiveRisk(action);
            var actionDecision = DecisionFor(action, actionRisk);
            if (actionRisk > risk)
            {
                risk = actionRisk;
            }

            if (actionDecision > decision || determining is null)
            {
                decision = actionDecision;
                determining = action;
                rules.Clear();
                rules.Add(action.RuleId);
            }
            else if (actionDecision == decision && !rules.Contains(action.RuleId))
            {
                rules.Add(action.RuleId);
            }
        }

        return new Verdict(decision, risk, rules, ReasonFor(decision, determining!));
    }

    /// <summary>Production raises the stakes of anything that changes state; an unknown effect is never low risk.</summary>
    public static Risk EffectiveRisk(AgentAction action)
    {
        var risk = action.Risk;
        if (action.Verb == Verb.Unknown && risk < Risk.High)
        {
            risk = Risk.High;
        }

        if (IsDisposableData(action) && risk > Risk.Medium)
        {
            // Resetting a test or development database is routine (test suites do it on every run).
            risk = Risk.Medium;
        }

        if (IsMutating(action.Verb) && !IsProtective(action) && action.Target.Environments.Contains(EnvironmentResolver.Production))
        {
            var floor = IsDestructive(action.Verb) && risk >= Risk.High ? Risk.Critical : Risk.High;
            if (risk < floor)
            {
                risk = floor;
            }
        }

        return risk;
    }

    private static Decision DecisionFor(AgentAction action, Risk risk)
    {
        if (risk >= Risk.Critical)
        {
            return Decision.Deny;
        }

        if (risk >= Risk.High || action.HasTag(Tags.CredentialAccess) || action.HasTag(Tags.Tampering))
        {
            return Decision.Approve;
        }

        return Decision.Allow;
    }

    public static bool IsMutating(Verb verb) => verb is not (Verb.Read or Verb.List);

    /// <summary>Data stores the input itself places in a test or development environment, and nowhere else.</summary>
    /// <remarks>
    /// The evidence is the command's own (a <c>RAILS_ENV=test</c>, <c>-d app_dev</c>, a compose file named for tests)
    /// and, for a database, its own name (<c>DROP DATABASE app_test</c>).
    /// </remarks>
    private static bool IsDisposableData(AgentAction action)
    {
        if (!(action.Tool is "sql" or "mongo" or "redis"
            || action.Target.Kind is "database" or "table" or "schema" or "column" or "index" or "collection" or "key-pattern" or "migration" or "code" or "rows" or "sequence" or "view" or "volume"))
        {
            return false;
        }

        var hints = action.Target.Kind is "database" or "schema" && action.Target.Id is { } name ? [.. action.EnvironmentHints, name] : action.EnvironmentHints;
        var environments = action.Target.Environments.Count > 0 ? action.Target.Environments : EnvironmentResolver.Resolve(hints);
        return environments.Count > 0
            && environments.All(e => e is EnvironmentResolver.Development or EnvironmentResolver.Test)
            && EnvironmentResolver.NamesOnlyDisposable(hints);
    }

    /// <summary>Taking a backup or snapshot changes nothing that exists; production makes it more welcome, not riskier.</summary>
    private static bool IsProtective(AgentAction action) => action.Verb == Verb.Create && action.Target.Kind is "backup" or "snapshot";

    private static bool IsDestructive(Verb verb) => verb is Verb.Delete or Verb.Unknown or Verb.Revoke;

    private static string ReasonFor(Decision decision, AgentAction action)
    {
        var target = action.Target.Id is null ? action.Target.Kind : $"{action.Target.Kind} {action.Target.Id}";
        var where = action.Target.Environments.Count > 0 ? $" in {string.Join(", ", action.Target.Environments)}" : string.Empty;
        return decision switch
        {
            Decision.Deny => $"Denied: {action.Reason} ({action.Tool} → {target}{where}).",
            Decision.Approve => $"Needs approval: {action.Reason} ({action.Tool} → {target}{where}).",
            _ => $"Allowed: {action.Reason}",
        };
    }
}
