using System.Collections.Immutable;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// Shrinks a generated case while the two engines keep disagreeing on it: drops policies, conditions,
/// entities, parents, attributes, tags and context entries one at a time until nothing more can go.
/// </summary>
internal static class CaseShrinker
{
    private const int MaxAttempts = 2_000;

    public static GeneratedCase Shrink(GeneratedCase start, Func<GeneratedCase, bool> disagrees)
    {
        var current = start;
        var attempts = 0;
        bool progress;
        do
        {
            progress = false;
            foreach (var candidate in Smaller(current))
            {
                if (++attempts > MaxAttempts)
                {
                    return current;
                }

                if (disagrees(candidate))
                {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        while (progress);

        return current;
    }

    private static IEnumerable<GeneratedCase> Smaller(GeneratedCase c)
    {
        for (var i = 0; i < c.Policies.Length; i++)
        {
            yield return c with { Policies = c.Policies.RemoveAt(i) };
        }

        for (var i = 0; i < c.Policies.Length; i++)
        {
            var policy = c.Policies[i];
            for (var j = 0; j < policy.Conditions.Length; j++)
            {
                yield return c with { Policies = c.Policies.SetItem(i, policy with { Conditions = policy.Conditions.RemoveAt(j) }) };
            }

            if (policy.Annotation is not null)
            {
                yield return c with { Policies = c.Policies.SetItem(i, policy with { Annotation = null }) };
            }

            foreach (var simpler in SimplerScopes(policy))
            {
                yield return c with { Policies = c.Policies.SetItem(i, simpler) };
            }
        }

        for (var i = 0; i < c.Entities.Length; i++)
        {
            yield return c with { Entities = c.Entities.RemoveAt(i) };
        }

        for (var i = 0; i < c.Entities.Length; i++)
        {
            var entity = c.Entities[i];
            foreach (var smaller in Without(entity.Parents))
            {
                yield return c with { Entities = c.Entities.SetItem(i, entity with { Parents = smaller }) };
            }

            foreach (var smaller in Without(entity.Attributes))
            {
                yield return c with { Entities = c.Entities.SetItem(i, entity with { Attributes = smaller }) };
            }

            foreach (var smaller in Without(entity.Tags))
            {
                yield return c with { Entities = c.Entities.SetItem(i, entity with { Tags = smaller }) };
            }
        }

        foreach (var smaller in Without(c.Context))
        {
            yield return c with { Context = smaller };
        }
    }

    private static IEnumerable<GeneratedPolicy> SimplerScopes(GeneratedPolicy policy)
    {
        if (policy.Principal != "principal")
        {
            yield return policy with { Principal = "principal" };
        }

        if (policy.Action != "action")
        {
            yield return policy with { Action = "action" };
        }

        if (policy.Resource != "resource")
        {
            yield return policy with { Resource = "resource" };
        }
    }

    private static IEnumerable<ImmutableArray<T>> Without<T>(ImmutableArray<T> items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            yield return items.RemoveAt(i);
        }
    }
}
