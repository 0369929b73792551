using Gatehouse.Cedar;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Turns one classified action, what is known about its target and who proposed it into a Cedar
/// request and its entities (principal, action with its groups, resource), per the Gatehouse schema.
/// </summary>
internal static class CedarRequestFactory
{
    private static readonly CedarValue EmptyString = CedarValue.Of(string.Empty);

    public static (AuthorizationRequest Request, Entities Entities) Build(AgentAction action, TargetFacts facts, DecisionContext context, bool codeFreeze, Risk risk, bool disposable)
    {
        var principal = Principal(action.Actor, context);
        var actionUid = PolicyNames.ActionFor(action.Verb);
        var resourceUid = new EntityUid(PolicyNames.ResourceType, action.Target.Id is null ? action.Target.Kind : $"{action.Target.Kind}:{action.Target.Id}");

        var resource = new Entity(resourceUid, new Dictionary<string, CedarValue>(12, StringComparer.Ordinal)
        {
            ["kind"] = CedarValue.Of(action.Target.Kind),
            ["id"] = action.Target.Id is null ? EmptyString : CedarValue.Of(action.Target.Id),
            ["known"] = CedarValue.Of(facts.Known),
            ["environments"] = StringSet(facts.Environments),
            ["effective_environment"] = facts.EffectiveEnvironment is null ? EmptyString : CedarValue.Of(facts.EffectiveEnvironment),
            ["blast_radius"] = CedarRecord.Of(
            [
                new("environments", StringSet(facts.ReachedEnvironments)),
                new("resources", StringSet(facts.ReachedResources)),
            ]),
            ["destroys_last_backup"] = CedarValue.Of(facts.DestroysLastBackup),
            ["holds_own_backups"] = CedarValue.Of(facts.HoldsOwnBackups),
            ["backups_of"] = StringSet(facts.BackupsOf),
            ["disposable"] = CedarValue.Of(disposable),
            ["tags"] = StringSet(action.Tags),
        }, []);

        var actionEntity = new Entity(actionUid, new Dictionary<string, CedarValue>(0, StringComparer.Ordinal), ActionGroups.For(action));

        var requestContext = CedarRecord.Of(
        [
            new("declared_environment", context.DeclaredEnvironment is null ? EmptyString : CedarValue.Of(context.DeclaredEnvironment)),
            new("risk", CedarValue.Of((long)risk)),
            new("risk_name", CedarValue.Of(WireNames.Of(risk))),
            new("reversible", CedarValue.Of(action.Reversible)),
            new("tool", CedarValue.Of(action.Tool)),
            new("path", CedarValue.Of(action.Path)),
            new("rule", CedarValue.Of(action.RuleId)),
            new("time", CedarValue.Of(context.Time.ToUnixTimeSeconds())),
            new("hour", CedarValue.Of((long)context.Time.UtcDateTime.Hour)),
            new("code_freeze", CedarValue.Of(codeFreeze)),
        ]);

        var entities = Entities.Create([principal, actionEntity, resource]);
        return (new AuthorizationRequest(principal.Uid, actionUid, resourceUid, requestContext), entities);
    }

    private static Entity Principal(Actor actor, DecisionContext context)
    {
        var name = actor.Agent ?? context.Agent ?? string.Empty;
        var session = actor.Session ?? context.SessionId ?? string.Empty;
        var attributes = new Dictionary<string, CedarValue>(4, StringComparer.Ordinal)
        {
            ["name"] = CedarValue.Of(name),
            ["session"] = CedarValue.Of(session),
            ["task"] = CedarValue.Of(actor.Task ?? string.Empty),
        };
        if (actor.OnBehalfOf is { } human)
        {
            attributes["acting_for"] = CedarValue.Of(human);
        }

        var id = session.Length > 0 ? $"{name}/{session}" : name.Length > 0 ? name : "anonymous";
        return new Entity(new EntityUid(PolicyNames.AgentType, id), attributes, []);
    }

    private static CedarValue StringSet(IReadOnlyList<string> values)
    {
        var items = new CedarValue[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = CedarValue.Of(values[i]);
        }

        return CedarSet.Of(items);
    }
}
