using BenchmarkDotNet.Attributes;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Benchmarks;

/// <summary>
/// The hook path's core cost: classify one typical command line and decide it over the default policy
/// set, without an inventory. Target: median ≤ 20 µs for commands under 200 characters (issue 2).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ClassifyAndDecideBenchmarks
{
    public static IEnumerable<string> Commands() =>
    [
        "git status",
        "npm run build && npm test",
        "rm -rf ./build node_modules",
        "kubectl get pods -n staging -o wide",
        "sudo rm -rf /var/lib/postgresql",
        "psql -h db.prod.internal -c \"DELETE FROM users WHERE created_at < now() - interval '1 year'\"",
        "curl -X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol_1\\\") }\"}'",
        "find . -name '*.pyc' -delete",
        "echo cm0gLXJmIH4= | base64 -d | sh",
        "aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot",
    ];

    [ParamsSource(nameof(Commands))]
    public string Command { get; set; } = string.Empty;

    private readonly DecisionContext _context = DecisionContext.Anonymous(TimeProvider.System);

    [GlobalSetup]
    public void Warm() => PolicyDecider.Default.Decide(ActionClassifier.Classify(InputKind.Shell, "true"), _context);

    [Benchmark]
    public Decision ClassifyAndDecide() => PolicyDecider.Default.Decide(ActionClassifier.Classify(InputKind.Shell, Command), _context).Decision;
}
