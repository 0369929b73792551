using Xunit.Abstractions;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// The generator is only useful if the official engine's answers to its cases are varied: these tests hold its
/// weighting to a mix where Allow, Deny, policy errors and refused inputs all occur often.
/// </summary>
[Collection(CedarOracleCollection.Name)]
public sealed class GeneratorMixTests(CedarOracleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Generator_FixedSeed_OracleSeesAllowDenyAndErrorsOften()
    {
        var generator = new CaseGenerator(20261122);
        var cases = Enumerable.Range(0, 2_000).Select(_ => generator.Next().ToCase()).ToList();

        var outcomes = fixture.Oracle.Authorize(cases);
        var mix = OutcomeMix.Of(outcomes);
        output.WriteLine(mix.ToString());
        foreach (var refusal in outcomes.Where(o => o.Refused).GroupBy(o => o.Detail.Split(':')[0]).OrderByDescending(g => g.Count()).Take(5))
        {
            output.WriteLine($"{refusal.Count()} refused, e.g. {refusal.First().Detail}");
        }


        mix.Allow.ShouldBeGreaterThan(cases.Count / 5);
        mix.Deny.ShouldBeGreaterThan(cases.Count / 5);
        mix.WithErrors.ShouldBeGreaterThan(cases.Count / 10);
        mix.Refused.ShouldBeLessThan(cases.Count / 10);
    }

    [Fact]
    public void Generator_SameSeed_SameCases()
    {
        var first = new CaseGenerator(7);
        var second = new CaseGenerator(7);

        for (var i = 0; i < 50; i++)
        {
            second.Next().ToCase().ShouldBe(first.Next().ToCase());
        }
    }
}
