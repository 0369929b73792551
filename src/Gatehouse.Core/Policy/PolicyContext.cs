using Gatehouse.Core.Analysis;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Organizational state policies read but do not define: code freezes (and, later, change windows).
/// Loaded from a YAML file (<c>gatehouse check --context FILE</c>) into the same snapshot as the policies.
/// </summary>
public sealed class PolicyContext
{
    public PolicyContext(IReadOnlyList<CodeFreeze> codeFreezes)
    {
        ArgumentNullException.ThrowIfNull(codeFreezes);
        CodeFreezes = codeFreezes;
    }

    public static PolicyContext Empty { get; } = new([]);

    public IReadOnlyList<CodeFreeze> CodeFreezes { get; }

    /// <summary>Whether a freeze in force at <paramref name="time"/> covers any of the <paramref name="reached"/> environments.</summary>
    public bool IsFrozen(IReadOnlyList<string> reached, DateTimeOffset time)
    {
        foreach (var freeze in CodeFreezes)
        {
            if (freeze.Covers(reached, time))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The same freezes with every environment written as policies will see it: the inventory's own name for a
    /// name or alias it declares (<c>prod</c> → <c>production</c>), or without an inventory the classifier's name.
    /// A freeze naming an environment nothing can reach would silently never apply, so it is an error instead.
    /// </summary>
    internal PolicyContext WithCanonicalEnvironments(Inventory.Inventory? inventory)
    {
        if (CodeFreezes.Count == 0)
        {
            return this;
        }

        var freezes = new List<CodeFreeze>(CodeFreezes.Count);
        foreach (var freeze in CodeFreezes)
        {
            var names = new List<string>(freeze.Environments.Count);
            foreach (var name in freeze.Environments)
            {
                names.Add(CanonicalName(name, inventory));
            }

            freezes.Add(freeze with { Environments = names });
        }

        return new PolicyContext(freezes);
    }

    private static string CanonicalName(string name, Inventory.Inventory? inventory)
    {
        if (inventory is not null)
        {
            return inventory.FindEnvironment(name)?.Name
                ?? throw new PolicyLoadException($"code freeze: environment '{name}' is not declared in the inventory, so the freeze could never apply.");
        }

        var resolved = EnvironmentResolver.Resolve([name]);
        return resolved.Count == 1
            ? resolved[0]
            : throw new PolicyLoadException($"code freeze: environment '{name}' is not one Gatehouse recognises without an inventory (development, test, staging, production or their usual short forms), so the freeze could never apply.");
    }
}
