using System.Diagnostics;
using System.Globalization;
using Gatehouse.Cedar;

namespace Gatehouse.Benchmarks;

/// <summary>
/// The Gatehouse half of bench/cedar-vs-wasm.sh: writes the shared workload for the Node half, then times each
/// decision on its own (after a warm-up) and prints the median, the same way the Node half measures cedar-wasm.
/// </summary>
internal static class CedarSideBySide
{
    private const int Rounds = 50;

    public static void Run(string directory)
    {
        var workload = CedarWorkload.Create();
        workload.Write(directory);

        var authorizer = new Authorizer(PolicySet.Parse(workload.Policies));
        var entities = Entities.FromJson(workload.EntitiesJson);
        var requests = workload.RequestsJson.Select(AuthorizationRequest.FromJson).ToArray();

        var allowed = 0;
        foreach (var request in requests)
        {
            allowed += authorizer.IsAuthorized(request, entities).Decision == CedarDecision.Allow ? 1 : 0;
        }

        for (var i = 0; i < 20; i++)
        {
            foreach (var request in requests)
            {
                authorizer.IsAuthorized(request, entities);
            }
        }

        // Each sample times one pass over all requests divided by their count: a single decision is too short
        // for the timer, and a pass keeps the allow/deny mix in every sample.
        var samples = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var request in requests)
            {
                authorizer.IsAuthorized(request, entities);
            }

            samples[round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / requests.Length;
        }

        Array.Sort(samples);
        var median = samples[Rounds / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gatehouse median_us={median:F3} allowed={allowed}/{requests.Length}"));
    }
}
