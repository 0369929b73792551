using System.Collections.Frozen;
using System.Text.Json;
using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>A verb and risk that a path or action name implies.</summary>
internal readonly record struct HttpEffect(Verb Verb, Risk Risk);

/// <summary>One REST endpoint whose effect a provider documents (<c>DELETE /v2/volumes/{id}</c> on DigitalOcean).</summary>
internal sealed record HttpEndpointRule(
    string Host,
    string Method,
    string[] PathSegments,
    Verb Verb,
    string Kind,
    Risk Risk,
    IReadOnlyList<string> Tags,
    string Reason,
    bool AllRowsUnlessFiltered,
    string RuleId);

/// <summary>A metadata host whose listed path prefixes hand out credentials (instance roles, managed identities, user data).</summary>
internal sealed record CredentialEndpoint(string Host, IReadOnlyList<string[]> PathPrefixes);

/// <summary>What marks a host as an Elasticsearch/OpenSearch cluster, where a path's first segment is an index.</summary>
internal sealed record SearchClusterHints(FrozenSet<int> Ports, FrozenSet<string> HostLabels, IReadOnlyList<string> HostSuffixes);

/// <summary>An AWS parameter that turns a deletion into a worse one (<c>SkipFinalSnapshot=true</c>).</summary>
internal sealed record AwsEscalation(string Parameter, string EqualsValue, string Tag, string Reason);

/// <summary>
/// Provider knowledge for HTTP requests, loaded from <c>Http/Data/http-*.json</c>: GraphQL endpoints,
/// REST endpoint rules, action-endpoint names, AWS action lists and Kubernetes resource names.
/// </summary>
internal sealed class HttpProviderCatalog
{
    private HttpProviderCatalog()
    {
    }

    public static HttpProviderCatalog Instance { get; } = Load();

    /// <summary>Hosts that serve GraphQL, with the GraphQL catalog provider name when one exists (empty otherwise).</summary>
    public FrozenDictionary<string, string> GraphQLHosts { get; private set; } = FrozenDictionary<string, string>.Empty;

    public FrozenSet<string> GraphQLPathSegments { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Collection names whose members are data stores; deleting one is critical. Value: extra tags.</summary>
    public FrozenDictionary<string, string[]> CriticalCollections { get; private set; } = FrozenDictionary<string, string[]>.Empty;

    public FrozenDictionary<string, HttpEffect> ActionEndpoints { get; private set; } = FrozenDictionary<string, HttpEffect>.Empty;

    public IReadOnlyList<string> S3HostSuffixes { get; private set; } = [];

    public FrozenSet<string> AwsCriticalActions { get; private set; } = FrozenSet<string>.Empty;

    public FrozenSet<string> AwsBackupActions { get; private set; } = FrozenSet<string>.Empty;

    public IReadOnlyList<AwsEscalation> AwsEscalations { get; private set; } = [];

    public IReadOnlyList<string> AwsIdParameters { get; private set; } = [];

    /// <summary>AWS resource words (<c>db-instance</c> from <c>DeleteDBInstance</c>) to the shared target kinds (<c>database</c>).</summary>
    public FrozenDictionary<string, string> AwsKinds { get; private set; } = FrozenDictionary<string, string>.Empty;

    public FrozenSet<string> KubernetesCoreResources { get; private set; } = FrozenSet<string>.Empty;

    public FrozenSet<string> KubernetesCriticalResources { get; private set; } = FrozenSet<string>.Empty;

    public IReadOnlyList<HttpEndpointRule> Rules { get; private set; } = [];

    public IReadOnlyList<CredentialEndpoint> CredentialEndpoints { get; private set; } = [];

    public SearchClusterHints SearchClusters { get; private set; } = new(FrozenSet<int>.Empty, FrozenSet<string>.Empty, []);

    private static HttpProviderCatalog Load()
    {
        var catalog = new HttpProviderCatalog();
        var graphQLHosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var graphQLSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var criticalCollections = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var actionEndpoints = new Dictionary<string, HttpEffect>(StringComparer.OrdinalIgnoreCase);
        var s3Hosts = new List<string>();
        var awsCritical = new HashSet<string>(StringComparer.Ordinal);
        var awsBackups = new HashSet<string>(StringComparer.Ordinal);
        var awsEscalations = new List<AwsEscalation>();
        var awsIds = new List<string>();
        var awsKinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var kubernetesCore = new HashSet<string>(StringComparer.Ordinal);
        var kubernetesCritical = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<HttpEndpointRule>();
        var credentialEndpoints = new List<CredentialEndpoint>();
        var searchPorts = new HashSet<int>();
        var searchLabels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var searchSuffixes = new List<string>();

        foreach (var document in CatalogResources.Load("http-"))
        {
            using (document)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("graphqlEndpoints", out var endpoints))
                {
                    foreach (var endpoint in endpoints.EnumerateArray())
                    {
                        graphQLHosts[CatalogResources.GetString(endpoint, "host")!] = CatalogResources.GetString(endpoint, "provider") ?? string.Empty;
                    }
                }

                graphQLSegments.UnionWith(CatalogResources.GetStrings(root, "graphqlPathSegments"));
                if (root.TryGetProperty("criticalCollections", out var collections))
                {
                    foreach (var collection in collections.EnumerateObject())
                    {
                        criticalCollections[collection.Name] = [.. CatalogResources.GetStrings(collections, collection.Name)];
                    }
                }

                if (root.TryGetProperty("actionEndpoints", out var actions))
                {
                    foreach (var action in actions.EnumerateObject())
                    {
                        actionEndpoints[action.Name] = new HttpEffect(
                            CatalogResources.GetEnum(action.Value, "verb", Verb.Unknown),
                            CatalogResources.GetEnum(action.Value, "risk", Risk.High));
                    }
                }

                s3Hosts.AddRange(CatalogResources.GetStrings(root, "s3Hosts"));
                if (root.TryGetProperty("aws", out var aws))
                {
                    awsCritical.UnionWith(CatalogResources.GetStrings(aws, "criticalActions"));
                    awsBackups.UnionWith(CatalogResources.GetStrings(aws, "backupActions"));
                    awsIds.AddRange(CatalogResources.GetStrings(aws, "idParameters"));
                    if (aws.TryGetProperty("kinds", out var kinds))
                    {
                        foreach (var kind in kinds.EnumerateObject())
                        {
                            awsKinds[kind.Name] = kind.Value.GetString()!;
                        }
                    }

                    if (aws.TryGetProperty("escalations", out var escalations))
                    {
                        foreach (var escalation in escalations.EnumerateArray())
                        {
                            awsEscalations.Add(new AwsEscalation(
                                CatalogResources.GetString(escalation, "parameter")!,
                                CatalogResources.GetString(escalation, "equals")!,
                                CatalogResources.GetString(escalation, "tag")!,
                                CatalogResources.GetString(escalation, "reason")!));
                        }
                    }
                }

                kubernetesCore.UnionWith(CatalogResources.GetStrings(root, "kubernetesCoreResources"));
                kubernetesCritical.UnionWith(CatalogResources.GetStrings(root, "kubernetesCriticalResources"));
                if (root.TryGetProperty("credentialEndpoints", out var credentials))
                {
                    foreach (var endpoint in credentials.EnumerateArray())
                    {
                        var prefixes = new List<string[]>();
                        foreach (var path in CatalogResources.GetStrings(endpoint, "paths"))
                        {
                            prefixes.Add(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
                        }

                        credentialEndpoints.Add(new CredentialEndpoint(CatalogResources.GetString(endpoint, "host")!, prefixes));
                    }
                }

                if (root.TryGetProperty("searchClusters", out var search))
                {
                    if (search.TryGetProperty("ports", out var ports))
                    {
                        foreach (var port in ports.EnumerateArray())
                        {
                            searchPorts.Add(port.GetInt32());
                        }
                    }

                    searchLabels.UnionWith(CatalogResources.GetStrings(search, "hostLabels"));
                    searchSuffixes.AddRange(CatalogResources.GetStrings(search, "hostSuffixes"));
                }

                if (root.TryGetProperty("rules", out var ruleList))
                {
                    foreach (var rule in ruleList.EnumerateArray())
                    {
                        rules.Add(ReadRule(rule));
                    }
                }
            }
        }

        catalog.GraphQLHosts = graphQLHosts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        catalog.GraphQLPathSegments = graphQLSegments.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        catalog.CriticalCollections = criticalCollections.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        catalog.ActionEndpoints = actionEndpoints.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        catalog.S3HostSuffixes = s3Hosts;
        catalog.AwsCriticalActions = awsCritical.ToFrozenSet(StringComparer.Ordinal);
        catalog.AwsBackupActions = awsBackups.ToFrozenSet(StringComparer.Ordinal);
        catalog.AwsEscalations = awsEscalations;
        catalog.AwsIdParameters = awsIds;
        catalog.AwsKinds = awsKinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        catalog.KubernetesCoreResources = kubernetesCore.ToFrozenSet(StringComparer.Ordinal);
        catalog.KubernetesCriticalResources = kubernetesCritical.ToFrozenSet(StringComparer.Ordinal);
        catalog.Rules = rules;
        catalog.CredentialEndpoints = credentialEndpoints;
        catalog.SearchClusters = new SearchClusterHints(
            searchPorts.ToFrozenSet(), searchLabels.ToFrozenSet(StringComparer.OrdinalIgnoreCase), searchSuffixes);
        return catalog;
    }

    private static HttpEndpointRule ReadRule(JsonElement rule)
    {
        var host = CatalogResources.GetString(rule, "host") ?? throw new InvalidOperationException("An HTTP rule has no host.");
        var method = CatalogResources.GetString(rule, "method") ?? "*";
        var path = CatalogResources.GetString(rule, "path") ?? throw new InvalidOperationException($"An HTTP rule for {host} has no path.");
        var kind = CatalogResources.GetString(rule, "kind") ?? "http-endpoint";
        return new HttpEndpointRule(
            host,
            method,
            path.Split('/', StringSplitOptions.RemoveEmptyEntries),
            CatalogResources.GetEnum(rule, "verb", Verb.Unknown),
            kind,
            CatalogResources.GetEnum(rule, "risk", Risk.High),
            CatalogResources.GetStrings(rule, "tags"),
            CatalogResources.GetString(rule, "reason") ?? $"{method} {host}{path}.",
            rule.TryGetProperty("allRowsUnlessFiltered", out var allRows) && allRows.ValueKind == JsonValueKind.True,
            $"http.{host.TrimStart('*', '.')}.{method.ToLowerInvariant()}.{kind}");
    }

    /// <summary>True when <paramref name="host"/> equals <paramref name="pattern"/>, or ends with it when the pattern is <c>*.suffix</c>.</summary>
    public static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern.AsSpan(1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
