using System.Text;
using BenchmarkDotNet.Attributes;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Benchmarks;

/// <summary>
/// The whole decision pipeline for one typical command: classify → resolve the targets against an inventory of
/// 10,000 resources → decide over the default Cedar policy set. Target: median ≤ 50 µs (issue 5).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PipelineBenchmarks
{
    private const int ResourceCount = 10_000;

    private string _inventoryPath = string.Empty;
    private PolicyDecider _decider = null!;
    private DecisionContext _context = null!;
    private Classification _classified = null!;
    private PolicySnapshot _snapshot = null!;
    private TargetFacts _facts = null!;
    private (Gatehouse.Cedar.AuthorizationRequest Request, Gatehouse.Cedar.Entities Entities) _request;

    public static IEnumerable<string> Commands() =>
    [
        "git status",
        "npm run build && npm test",
        "rm -rf ./build node_modules",
        "kubectl --context stg-cluster-42 get pods -o wide",
        "psql -h db-4711.internal -c \"DELETE FROM users WHERE created_at < now() - interval '1 year'\"",
        "railway volume delete --volume vol-pocketos-data",
        "curl -X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol-9998\\\") }\"}'",
        "cat ~/.aws/credentials",
    ];

    [ParamsSource(nameof(Commands))]
    public string Command { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _inventoryPath = Path.Combine(Path.GetTempPath(), $"gatehouse-bench-inventory-{Environment.ProcessId}.yaml");
        File.WriteAllText(_inventoryPath, GenerateInventory());
        _snapshot = PolicyLoader.Load(null, _inventoryPath, null, TimeProvider.System);
        _decider = new PolicyDecider(_snapshot);
        _context = new DecisionContext("staging", "claude", "bench", null, TimeProvider.System.GetUtcNow());
        _classified = ActionClassifier.Classify(InputKind.Shell, Command, "staging");
        var first = _classified.Actions[0];
        _facts = _snapshot.Targets.Resolve(first);
        _request = CedarRequestFactory.Build(first, _facts, _context, codeFreeze: false, first.Risk, disposable: false);
        _decider.Decide(_classified, _context);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_inventoryPath);

    /// <summary>What a hook pays per command.</summary>
    [Benchmark]
    public Decision ClassifyResolveDecide() => _decider.Decide(ActionClassifier.Classify(InputKind.Shell, Command, "staging"), _context).Decision;

    /// <summary>Resolution and Cedar evaluation alone, for the breakdown.</summary>
    [Benchmark]
    public Decision ResolveDecide() => _decider.Decide(_classified, _context).Decision;

    /// <summary>Breakdown, first action only: the inventory resolution.</summary>
    [Benchmark]
    public TargetFacts ResolveFirstAction() => _snapshot.Targets.Resolve(_classified.Actions[0]);

    /// <summary>Breakdown, first action only: building the Cedar request and entities.</summary>
    [Benchmark]
    public Gatehouse.Cedar.Entities BuildRequestFirstAction() =>
        CedarRequestFactory.Build(_classified.Actions[0], _facts, _context, codeFreeze: false, Risk.Low, disposable: false).Entities;

    /// <summary>Breakdown, first action only: Cedar evaluation of the default set.</summary>
    [Benchmark]
    public Gatehouse.Cedar.CedarDecision AuthorizeFirstAction() => _snapshot.Authorizer.IsAuthorized(_request.Request, _request.Entities).Decision;

    /// <summary>
    /// Three environments; services, databases and volumes in groups of five (a volume attached to a service
    /// and holding a database's backups), plus the PocketOS volume shared by staging and production.
    /// </summary>
    private static string GenerateInventory()
    {
        var yaml = new StringBuilder(ResourceCount * 120);
        yaml.AppendLine("environments:\n  - name: development\n  - name: staging\n    aliases: [stg]\n  - name: production\n    aliases: [prod]\nresources:");
        string[] environments = ["development", "staging", "production"];
        for (var i = 0; i < ResourceCount - 2; i++)
        {
            var environment = environments[i % 3];
            switch (i % 5)
            {
                case 0 or 1:
                    yaml.Append("  - id: svc-").Append(i).Append("\n    kind: service\n    names: [svc-").Append(i).Append(".internal]\n    environments: [").Append(environment).AppendLine("]");
                    break;
                case 2 or 3:
                    yaml.Append("  - id: db-").Append(i).Append("\n    kind: database\n    names: [db-").Append(i).Append(".internal]\n    environments: [").Append(environment).AppendLine("]");
                    break;
                default:
                    yaml.Append("  - id: vol-").Append(i).Append("\n    kind: volume\n    environments: [").Append(environment).Append("]\n    relations:\n      attached_to: [svc-")
                        .Append(i - 4).Append("]\n      stores_backups_of: [db-").Append(i - 2).AppendLine("]");
                    break;
            }
        }

        yaml.AppendLine("  - id: vol-pocketos-data\n    kind: volume\n    environments: [staging, production]\n    relations:\n      attached_to: [svc-0, svc-1]\n      stores_backups_of: [db-2]");
        yaml.AppendLine("  - id: stg-cluster-42\n    kind: cluster\n    environments: [staging]");
        return yaml.ToString();
    }
}
