using Gatehouse.Cedar;
using Gatehouse.Core.Model;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.Policy;

/// <summary>The entity types, actions and action groups of the Gatehouse schema (policies/gatehouse.cedarschema).</summary>
internal static class PolicyNames
{
    public const string AgentType = "Gatehouse::Agent";
    public const string ResourceType = "Gatehouse::Resource";
    public const string ActionType = "Gatehouse::Action";

    public static readonly EntityUid ReadOnly = new(ActionType, "read_only");
    public static readonly EntityUid Mutating = new(ActionType, "mutating");
    public static readonly EntityUid Destructive = new(ActionType, "destructive");
    public static readonly EntityUid Irreversible = new(ActionType, "irreversible");
    public static readonly EntityUid CredentialAccess = new(ActionType, "credential_access");
    public static readonly EntityUid Tampering = new(ActionType, "tampering");
    public static readonly EntityUid Protective = new(ActionType, "protective");

    /// <summary>Indexed by the verb's value (they run from 0 without gaps).</summary>
    private static readonly EntityUid[] Actions = BuildActions();

    public static EntityUid ActionFor(Verb verb) => Actions[(int)verb];

    private static EntityUid[] BuildActions()
    {
        // A loop over the values, not Enum.GetValues: enum reflection is a measurable part of a hook process's start-up.
        var actions = new EntityUid[(int)Verb.Deploy + 1];
        for (var verb = Verb.Unknown; verb <= Verb.Deploy; verb++)
        {
            actions[(int)verb] = new EntityUid(ActionType, WireNames.Of(verb));
        }

        return actions;
    }
}
