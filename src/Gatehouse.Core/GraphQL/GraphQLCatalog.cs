using System.Collections.Frozen;
using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.GraphQL;

/// <summary>A provider-specific escalation: when an argument has a value, the field does more than its name says.</summary>
internal sealed record GraphQLArgumentCondition(
    string ArgumentPath, string? EqualsValue, bool Present, Verb Verb, Risk Risk, IReadOnlyList<string> Tags, string Reason);

/// <summary>What one provider's mutation field does, from the catalog data files.</summary>
internal sealed record GraphQLFieldRule(
    string Provider,
    string Name,
    Verb Verb,
    string Kind,
    Risk Risk,
    bool Reversible,
    IReadOnlyList<string> IdPaths,
    IReadOnlyList<string> Tags,
    string Reason,
    IReadOnlyList<GraphQLArgumentCondition> Conditions,
    IReadOnlyList<string> EnvironmentArguments);

/// <summary>
/// The GraphQL provider catalogs (<c>GraphQL/Data/graphql-*.json</c>): mutation fields with known effects.
/// A request sent to a provider's own host uses that provider's entry; a bare document (no host known)
/// takes the riskiest entry any provider has for the field name, which errs on the safe side.
/// </summary>
internal sealed class GraphQLCatalog
{
    private readonly FrozenDictionary<string, GraphQLFieldRule[]> _byField;
    private readonly FrozenDictionary<string, string> _providerByHost;

    private GraphQLCatalog(FrozenDictionary<string, GraphQLFieldRule[]> byField, FrozenDictionary<string, string> providerByHost)
    {
        _byField = byField;
        _providerByHost = providerByHost;
    }

    public static GraphQLCatalog Instance { get; } = Load();

    /// <summary>The provider that serves GraphQL on <paramref name="host"/>, if the catalog knows it.</summary>
    public string? ProviderForHost(string? host) =>
        host is not null && _providerByHost.TryGetValue(host, out var provider) ? provider : null;

    public GraphQLFieldRule? Find(string fieldName, string? provider)
    {
        if (!_byField.TryGetValue(fieldName, out var rules))
        {
            return null;
        }

        GraphQLFieldRule? best = null;
        foreach (var rule in rules)
        {
            if (provider is not null && string.Equals(rule.Provider, provider, StringComparison.Ordinal))
            {
                return rule;
            }

            if (best is null || rule.Risk > best.Risk)
            {
                best = rule;
            }
        }

        return provider is null ? best : null;
    }

    private static GraphQLCatalog Load()
    {
        var byField = new Dictionary<string, List<GraphQLFieldRule>>(StringComparer.Ordinal);
        var providerByHost = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in CatalogResources.Load("graphql-"))
        {
            using (document)
            {
                var root = document.RootElement;
                var provider = CatalogResources.GetString(root, "provider") ?? throw new InvalidOperationException("A GraphQL catalog has no provider.");
                foreach (var host in CatalogResources.GetStrings(root, "hosts"))
                {
                    providerByHost[host] = provider;
                }

                var environmentArguments = CatalogResources.GetStrings(root, "environmentArguments");
                foreach (var field in root.GetProperty("fields").EnumerateArray())
                {
                    var rule = ReadRule(provider, field, environmentArguments);
                    if (!byField.TryGetValue(rule.Name, out var list))
                    {
                        byField[rule.Name] = list = [];
                    }

                    list.Add(rule);
                }
            }
        }

        return new GraphQLCatalog(
            byField.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
            providerByHost.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    private static GraphQLFieldRule ReadRule(string provider, JsonElement field, IReadOnlyList<string> environmentArguments)
    {
        var name = CatalogResources.GetString(field, "name") ?? throw new InvalidOperationException($"A {provider} GraphQL rule has no name.");
        var verb = CatalogResources.GetEnum(field, "verb", Verb.Unknown);
        var risk = CatalogResources.GetEnum(field, "risk", Risk.High);
        var reversible = field.TryGetProperty("reversible", out var reversibleElement)
            ? reversibleElement.ValueKind == JsonValueKind.True
            : risk < Risk.High;
        var conditions = new List<GraphQLArgumentCondition>();
        if (field.TryGetProperty("when", out var when))
        {
            foreach (var condition in when.EnumerateArray())
            {
                conditions.Add(new GraphQLArgumentCondition(
                    CatalogResources.GetString(condition, "argument") ?? throw new InvalidOperationException($"{name}: a condition has no argument."),
                    CatalogResources.GetString(condition, "equals"),
                    condition.TryGetProperty("present", out var present) && present.ValueKind == JsonValueKind.True,
                    CatalogResources.GetEnum(condition, "verb", verb),
                    CatalogResources.GetEnum(condition, "risk", risk),
                    CatalogResources.GetStrings(condition, "tags"),
                    CatalogResources.GetString(condition, "reason") ?? $"{name} with {CatalogResources.GetString(condition, "argument")}."));
            }
        }

        return new GraphQLFieldRule(
            provider,
            name,
            verb,
            CatalogResources.GetString(field, "kind") ?? "graphql-field",
            risk,
            reversible,
            CatalogResources.GetStrings(field, "id"),
            CatalogResources.GetStrings(field, "tags"),
            CatalogResources.GetString(field, "reason") ?? $"{provider} mutation {name}.",
            conditions,
            environmentArguments);
    }
}
