using BenchmarkDotNet.Attributes;
using Gatehouse.Cedar;

namespace Gatehouse.Benchmarks;

/// <summary>
/// One Cedar decision over 100 policies and 1,000 entities (the workload bench/cedar-vs-wasm.sh also gives
/// cedar-wasm). Target: median ≤ 10 µs and ≥ 10× faster than cedar-wasm (issue 4).
/// Each operation decides all 200 requests; divide by 200 for one decision.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CedarBenchmarks
{
    private Authorizer _authorizer = null!;
    private Entities _entities = null!;
    private AuthorizationRequest[] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        var workload = CedarWorkload.Create();
        _authorizer = new Authorizer(PolicySet.Parse(workload.Policies));
        _entities = Entities.FromJson(workload.EntitiesJson);
        _requests = [.. workload.RequestsJson.Select(AuthorizationRequest.FromJson)];
    }

    [Benchmark(OperationsPerInvoke = 200)]
    public int Decide200Requests()
    {
        var allowed = 0;
        foreach (var request in _requests)
        {
            if (_authorizer.IsAuthorized(request, _entities).Decision == CedarDecision.Allow)
            {
                allowed++;
            }
        }

        return allowed;
    }
}
