using System.Collections.Frozen;
using Gatehouse.Cedar;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// What Gatehouse actually puts in a request: the entity types, the actions and action groups, and the
/// attributes of the principal, the resource and the context. Taken from the request factory itself
/// (on a sample action), so lint checks policies against what the decider supplies, not against a copy.
/// </summary>
internal sealed class PolicyVocabulary
{
    private PolicyVocabulary(
        FrozenSet<string> actions,
        FrozenSet<string> groups,
        FrozenDictionary<string, FrozenSet<string>> attributes,
        FrozenDictionary<string, FrozenSet<string>> nested)
    {
        Actions = actions;
        Groups = groups;
        Attributes = attributes;
        Nested = nested;
    }

    public static PolicyVocabulary Instance { get; } = Build();

    public static string PrincipalType => PolicyNames.AgentType;

    public static string ResourceType => PolicyNames.ResourceType;

    public static string ActionType => PolicyNames.ActionType;

    /// <summary>The concrete actions a request can carry (one per verb).</summary>
    public FrozenSet<string> Actions { get; }

    /// <summary>The action groups; a request's action is never a group itself.</summary>
    public FrozenSet<string> Groups { get; }

    /// <summary>Attribute names by variable: "principal", "resource", "context".</summary>
    public FrozenDictionary<string, FrozenSet<string>> Attributes { get; }

    /// <summary>Field names of record attributes, keyed "resource.blast_radius".</summary>
    public FrozenDictionary<string, FrozenSet<string>> Nested { get; }

    private static PolicyVocabulary Build()
    {
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verb in Enum.GetValues<Verb>())
        {
            actions.Add(PolicyNames.ActionFor(verb).Id);
        }

        EntityUid[] groupUids = [PolicyNames.ReadOnly, PolicyNames.Mutating, PolicyNames.Destructive, PolicyNames.Irreversible, PolicyNames.CredentialAccess, PolicyNames.Tampering, PolicyNames.Protective];
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groupUids)
        {
            groups.Add(group.Id);
        }

        var sample = new AgentAction
        {
            Verb = Verb.Delete,
            Target = new ResourceRef("volume", "sample", ["staging"]),
            Tool = "sample",
            Reversible = false,
            Risk = Risk.High,
            Path = "sample",
            RuleId = "sample",
            Reason = "sample",
            Actor = new Actor("agent", "session", "task", "person"),
        };
        var facts = new TargetFacts(true, ["staging"], "staging", ["staging"], ["sample"], false, false, [], []);
        var (request, entities) = CedarRequestFactory.Build(sample, facts, new DecisionContext("staging", "agent", "session", null, DateTimeOffset.UnixEpoch), false, Risk.High, false);
        var attributes = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var nested = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var (variable, uid) in (ReadOnlySpan<(string, EntityUid)>)[("principal", request.Principal), ("resource", request.Resource)])
        {
            var entity = entities.Find(uid)!;
            attributes[variable] = entity.Attributes.Keys.ToFrozenSet(StringComparer.Ordinal);
            foreach (var (name, value) in entity.Attributes)
            {
                if (value is CedarRecord record)
                {
                    nested[$"{variable}.{name}"] = record.Fields.Keys.ToFrozenSet(StringComparer.Ordinal);
                }
            }
        }

        attributes["context"] = request.Context.Fields.Keys.ToFrozenSet(StringComparer.Ordinal);
        return new PolicyVocabulary(
            actions.ToFrozenSet(StringComparer.Ordinal),
            groups.ToFrozenSet(StringComparer.Ordinal),
            attributes.ToFrozenDictionary(StringComparer.Ordinal),
            nested.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
