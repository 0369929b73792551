using Gatehouse.Cedar;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Which action groups one action belongs to. The verb alone is not enough: a delete of a build
/// directory is reversible, a read of <c>~/.aws/credentials</c> is credential access, a write to an
/// agent's hook settings is tampering, and a create of a snapshot protects rather than changes.
/// </summary>
internal static class ActionGroups
{
    public static List<EntityUid> For(AgentAction action)
    {
        var groups = new List<EntityUid>(4);
        var mutating = action.Verb.IsMutating();
        if (mutating)
        {
            groups.Add(PolicyNames.Mutating);
            if (IsProtective(action))
            {
                groups.Add(PolicyNames.Protective);
            }

            if (!action.Reversible)
            {
                groups.Add(PolicyNames.Irreversible);
            }
        }
        else
        {
            groups.Add(PolicyNames.ReadOnly);
        }

        if (action.Verb.IsDestructive())
        {
            groups.Add(PolicyNames.Destructive);
        }

        if (action.HasTag(Tags.CredentialAccess))
        {
            groups.Add(PolicyNames.CredentialAccess);
        }

        if (action.HasTag(Tags.Tampering))
        {
            groups.Add(PolicyNames.Tampering);
        }

        return groups;
    }

    /// <summary>Taking a backup or snapshot changes nothing that exists.</summary>
    internal static bool IsProtective(AgentAction action) => action.Verb == Verb.Create && action.Target.Kind is "backup" or "snapshot";
}
