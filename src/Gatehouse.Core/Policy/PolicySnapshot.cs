using Gatehouse.Cedar;

namespace Gatehouse.Core.Policy;

/// <summary>
/// One validated, immutable configuration: the policy set (checked against the schema), its compiled
/// authorizer, and the inventory targets are resolved against. Deciders read one snapshot per decision,
/// so a reload never mixes old policies with a new inventory.
/// </summary>
public sealed class PolicySnapshot
{
    internal PolicySnapshot(
        PolicySet policies,
        IReadOnlyDictionary<string, PolicyInfo> infos,
        ITargetFactsSource targets,
        PolicyContext context,
        string policySource,
        string? inventorySource,
        DateTimeOffset loadedAt)
    {
        Policies = policies;
        Infos = infos;
        Targets = targets;
        Context = context;
        PolicySource = policySource;
        InventorySource = inventorySource;
        LoadedAt = loadedAt;
        Authorizer = new Authorizer(policies);
        var names = new string[policies.Policies.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = infos[policies.Policies[i].Id].Name;
        }

        PolicyNames = names;
    }

    public PolicySet Policies { get; }

    /// <summary>Where the policies came from: a path, or the built-in default set.</summary>
    public string PolicySource { get; }

    /// <summary>The inventory file, or null when targets are resolved from the input alone.</summary>
    public string? InventorySource { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Code freezes and other organizational state the policies read.</summary>
    public PolicyContext Context { get; }

    /// <summary>The names of the policies (their <c>@id</c>, else file:line), in load order.</summary>
    public IReadOnlyList<string> PolicyNames { get; }

    internal Authorizer Authorizer { get; }

    internal IReadOnlyDictionary<string, PolicyInfo> Infos { get; }

    internal ITargetFactsSource Targets { get; }
}
