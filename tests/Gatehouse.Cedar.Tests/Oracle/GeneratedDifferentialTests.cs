using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// Gatehouse.Cedar against the official engine on seeded random cases: decision, determining policies and
/// erroring policies must match on every one. GATEHOUSE_CEDAR_SEED picks another seed,
/// GATEHOUSE_CEDAR_CASES another count; a disagreement fails with shrunk, ready-to-paste reproductions.
/// </summary>
[Collection(CedarOracleCollection.Name)]
public sealed class GeneratedDifferentialTests(CedarOracleFixture fixture, ITestOutputHelper output)
{
    private const int FixedSeed = 4_2026;
    private const int DefaultCases = 10_000;
    private const int ReproductionsShown = 8;

    [Fact]
    public void Generated_Cases_AgreeWithCedarWasm()
    {
        var seed = Setting("GATEHOUSE_CEDAR_SEED", FixedSeed);
        var count = Setting("GATEHOUSE_CEDAR_CASES", DefaultCases);
        var generator = new CaseGenerator(seed);
        var generated = new List<GeneratedCase>(count);
        for (var i = 0; i < count; i++)
        {
            generated.Add(generator.Next());
        }

        var cases = generated.ConvertAll(g => g.ToCase());
        var clock = Stopwatch.StartNew();
        var official = fixture.Oracle.Authorize(cases);
        var oracleTime = clock.Elapsed;
        var reports = new List<string>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var disagreements = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = GatehouseEngine.Authorize(cases[i]);
            if (ours.Agrees(official[i]))
            {
                continue;
            }

            disagreements++;
            // One reproduction per kind of disagreement, so one frequent bug does not hide the others.
            var kind = Kind(official[i], ours);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (kinds[kind] == 1 && reports.Count < ReproductionsShown)
            {
                reports.Add(Shrunk(generated[i]));
            }
        }

        output.WriteLine($"seed {seed}, {count} cases; official engine's {OutcomeMix.Of(official)}; {disagreements} disagreements");
        output.WriteLine($"cedar-wasm answered in {oracleTime.TotalSeconds:F1} s; comparing and shrinking took {(clock.Elapsed - oracleTime).TotalSeconds:F1} s");
        foreach (var (kind, number) in kinds)
        {
            output.WriteLine($"  {number} × {kind}");
        }
        foreach (var report in reports)
        {
            output.WriteLine(report);
        }

        disagreements.ShouldBe(0, $"seed {seed}: {disagreements} of {count} cases disagree; first reproductions:\n" + string.Join("\n", reports));
    }

    private static string Kind(AuthorizationOutcome official, AuthorizationOutcome ours)
    {
        if (ours.Crashed)
        {
            return "Gatehouse.Cedar crashed: " + ours.Detail.Split('\n')[0];
        }

        if (official.Refused != ours.Refused)
        {
            return official.Refused
                ? "only cedar-wasm refuses: " + official.Detail.Split(':')[0]
                : "only Gatehouse.Cedar refuses: " + ours.Detail.Split(':')[0];
        }

        return official.Allow != ours.Allow ? "decision differs"
            : !official.Erroring.SetEquals(ours.Erroring) ? "erroring policies differ"
            : "determining policies differ";
    }

    private string Shrunk(GeneratedCase failing)
    {
        var minimal = CaseShrinker.Shrink(failing, candidate =>
        {
            var @case = candidate.ToCase();
            return !GatehouseEngine.Authorize(@case).Agrees(fixture.Oracle.Authorize(@case));
        });
        var rendered = minimal.ToCase();
        return Reproduction.Describe(rendered, fixture.Oracle.Authorize(rendered), GatehouseEngine.Authorize(rendered));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
