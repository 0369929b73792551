using Gatehouse.Core.Policy;

namespace Gatehouse.Cli.Tests;

public sealed class TargetFactsLinesTests
{
    private static readonly TargetFacts Unknown = new(false, [], null, [], [], false, false, [], ["no inventory loaded"]);

    private static readonly TargetFacts SharedVolume = new(
        true, ["staging", "production"], "production", ["staging", "production"], ["api-staging", "db-production"], true, true, ["db-production"], ["target volume 'v' is volume v"]);

    [Fact]
    public void Of_UnknownTarget_SaysSoOnEveryLine() =>
        TargetFactsLines.Of(Unknown).ShouldBe(
        [
            ("target", "not in any inventory; its environments: none named"),
            ("reaches", "no known environment"),
            ("resources", "no inventory resource"),
            ("backups", "holds no one's only backups; its backups live elsewhere (or are unknown)"),
            ("evidence", "no inventory loaded"),
        ]);

    [Fact]
    public void Of_SharedVolume_NamesProductionTheBlastRadiusAndTheBackups() =>
        TargetFactsLines.Of(SharedVolume).ShouldBe(
        [
            ("target", "known to the inventory; its environments: staging, production"),
            ("reaches", "staging, production (effective: production)"),
            ("resources", "api-staging, db-production"),
            ("backups", "holds the only backups of db-production; holds its own backups"),
            ("evidence", "target volume 'v' is volume v"),
        ]);

    [Theory]
    [MemberData(nameof(AllFacts))]
    public void Of_AnyFacts_LabelsFitTheSharedColumn(TargetFacts facts) =>
        TargetFactsLines.Of(facts).ShouldAllBe(line => line.Label.Length <= TargetFactsLines.LabelWidth);

    public static TheoryData<TargetFacts> AllFacts() => new() { Unknown, SharedVolume };
}
