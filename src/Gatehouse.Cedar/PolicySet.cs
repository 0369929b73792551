using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar;

/// <summary>An immutable set of policies and templates with unique ids.</summary>
public sealed class PolicySet
{
    private PolicySet(IReadOnlyList<Policy> policies, IReadOnlyList<Policy> templates)
    {
        Policies = policies;
        Templates = templates;
    }

    public static PolicySet Empty { get; } = new([], []);

    /// <summary>Static and linked policies: what authorization evaluates.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    public IReadOnlyList<Policy> Templates { get; }

    /// <summary>Parses Cedar policy text; the N-th policy or template gets id <c>policyN</c>.</summary>
    public static PolicySet Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = Parser.ParsePolicies(text, source);
        var policies = new List<Policy>();
        var templates = new List<Policy>();
        foreach (var policy in parsed)
        {
            (policy.IsTemplate ? templates : policies).Add(policy);
        }

        return new PolicySet(policies, templates);
    }

    /// <summary>Both sets together; a repeated id throws <see cref="CedarException"/>.</summary>
    public PolicySet Add(PolicySet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new PolicySet([.. Policies, .. other.Policies], [.. Templates, .. other.Templates]);
        result.CheckUniqueIds();
        return result;
    }

    /// <summary>
    /// The same set with every id (and linked policies' template ids) prefixed, so several parsed files can be
    /// combined with <see cref="Add"/> without their <c>policyN</c> ids colliding.
    /// </summary>
    public PolicySet WithIdPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new PolicySet(
            [.. Policies.Select(p => p.WithIds(prefix + p.Id, p.TemplateId is null ? null : prefix + p.TemplateId))],
            [.. Templates.Select(t => t.WithIds(prefix + t.Id, null))]);
    }

    /// <summary>Links a template: every slot must be given; the new id must be unused.</summary>
    public PolicySet Link(string templateId, string newPolicyId, IReadOnlyDictionary<string, EntityUid> slots)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        ArgumentNullException.ThrowIfNull(newPolicyId);
        ArgumentNullException.ThrowIfNull(slots);
        var template = Templates.FirstOrDefault(t => string.Equals(t.Id, templateId, StringComparison.Ordinal))
            ?? throw new CedarException($"no template with id '{templateId}'");
        foreach (var key in slots.Keys)
        {
            if (key is not ("?principal" or "?resource"))
            {
                throw new CedarException($"unknown slot '{key}'; slots are ?principal and ?resource");
            }

            if ((key == "?principal" && !template.Principal.HasSlot) || (key == "?resource" && !template.Resource.HasSlot))
            {
                throw new CedarException($"template '{templateId}' has no slot {key}");
            }
        }

        var result = new PolicySet([.. Policies, template.Link(newPolicyId, slots)], Templates);
        result.CheckUniqueIds();
        return result;
    }

    private void CheckUniqueIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in Policies.Concat(Templates))
        {
            if (!ids.Add(policy.Id))
            {
                throw new CedarException($"duplicate policy id '{policy.Id}'");
            }
        }
    }
}
