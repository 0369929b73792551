using System.Text;
using BenchmarkDotNet.Attributes;
using Gatehouse.Core;
using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;

namespace Gatehouse.Benchmarks;

/// <summary>
/// Resolution against a 10,000-resource inventory (2,500 services, each a database, an API, a volume holding
/// the database's backups, and a replica), and loading that inventory. Targets (issue 5): resolve in
/// microseconds; load well under a second.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InventoryResolveBenchmarks
{
    private string _yaml = string.Empty;
    private InventoryResolver _resolver = null!;
    private AgentAction _byId = null!;
    private AgentAction _byConnectionString = null!;
    private AgentAction _unknown = null!;
    private AgentAction _graphQl = null!;

    [GlobalSetup]
    public void Setup()
    {
        _yaml = Services(2_500);
        _resolver = new InventoryResolver(Inventory.Parse(_yaml));
        _byId = Action(Verb.Delete, "volume", "vol-1235");
        _byConnectionString = Action(Verb.Delete, "table", "users", "postgres://app:pw@db-42.internal:5432/app42?sslmode=require");
        _unknown = Action(Verb.Delete, "namespace", "payments", "prod-eu");
        _graphQl = ActionClassifier.Classify(
            InputKind.Shell,
            """curl -X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' -d '{"query":"mutation { volumeDelete(volumeId: \"000004d3-0000-4000-8000-000000000000\") }"}'""").Actions[0];
    }

    [Benchmark]
    public Resolution ResolveById() => _resolver.Resolve(_byId);

    [Benchmark]
    public Resolution ResolveByConnectionString() => _resolver.Resolve(_byConnectionString);

    [Benchmark]
    public Resolution ResolveUnknown() => _resolver.Resolve(_unknown);

    [Benchmark]
    public Resolution ResolveClassifiedGraphQlDelete() => _resolver.Resolve(_graphQl);

    [Benchmark]
    public int LoadTenThousandResources() => Inventory.Parse(_yaml).Resources.Count;

    private static AgentAction Action(Verb verb, string kind, string id, params string[] hints) => new()
    {
        Verb = verb,
        Target = ResourceRef.Of(kind, id),
        Tool = "bench",
        Reversible = false,
        Risk = Risk.High,
        Path = "bench",
        RuleId = "bench",
        Reason = "bench",
        EnvironmentHints = hints,
    };

    private static string Services(int count)
    {
        var yaml = new StringBuilder("environments:\n  - development\n  - staging\n  - {name: production, aliases: [prod]}\nresources:\n");
        for (var i = 0; i < count; i++)
        {
            var environment = (i % 3) switch { 0 => "development", 1 => "staging", _ => "production" };
            yaml.Append($"  - {{id: db-{i}, kind: database, names: [db-{i}.internal, \"postgres://app@db-{i}.internal:5432/app{i}\"], environments: [{environment}]}}\n");
            yaml.Append($"  - {{id: api-{i}, kind: service, names: [api-{i}.example.com], environments: [{environment}], relations: {{depends_on: [db-{i}]}}}}\n");
            yaml.Append($"  - {{id: vol-{i}, kind: volume, names: [{i:x8}-0000-4000-8000-000000000000], environments: [{environment}], relations: {{attached_to: [api-{i}], stores_backups_of: [db-{i}]}}}}\n");
            yaml.Append($"  - {{id: replica-{i}, kind: database, environments: [{environment}], relations: {{replica_of: [db-{i}]}}}}\n");
        }

        return yaml.ToString();
    }
}
