namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>Hand-written operator and error cases and the documentation's examples, each compared with cedar-wasm.</summary>
[Collection(CedarOracleCollection.Name)]
public sealed class CaseTableTests(CedarOracleFixture fixture)
{
    private static readonly Dictionary<string, DifferentialCase> Cases =
        HandWrittenCases.All.Concat(DocumentationCases.All).ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> HandWritten => new(HandWrittenCases.All.Select(c => c.Name));

    public static TheoryData<string> Documentation => new(DocumentationCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void HandWritten_Case_AgreesWithCedarWasm(string name) => Compare(Cases[name]);

    [Theory]
    [MemberData(nameof(Documentation))]
    public void Documentation_Example_AgreesWithCedarWasm(string name) => Compare(Cases[name]);

    [Fact]
    public void Cases_OfficialAnswers_CoverAllowDenyErrorsAndRefusals()
    {
        var mix = OutcomeMix.Of(fixture.Oracle.Authorize([.. Cases.Values]));

        mix.Allow.ShouldBeGreaterThan(20);
        mix.Deny.ShouldBeGreaterThan(10);
        mix.WithErrors.ShouldBeGreaterThan(15);
        mix.Refused.ShouldBeGreaterThan(3);
    }

    private void Compare(DifferentialCase @case)
    {
        var official = fixture.Oracle.Authorize(@case);
        var ours = GatehouseEngine.Authorize(@case);
        ours.Agrees(official).ShouldBeTrue(Reproduction.Describe(@case, official, ours));
    }
}
