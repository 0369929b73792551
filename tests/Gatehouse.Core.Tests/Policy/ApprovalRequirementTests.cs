using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.Policy;

public sealed class ApprovalRequirementTests
{
    [Fact]
    public void CombineStrictest_TwoRequirements_TakesMostApproversShortestTtlLongestCooldownAllGroups()
    {
        var first = new ApprovalRequirement(1, ["security"], TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5));
        var second = new ApprovalRequirement(2, ["production-owners", "security"], TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));

        var combined = first.CombineStrictest(second);

        combined.Approvers.ShouldBe(2);
        combined.ApproverGroups.ShouldBe(["production-owners", "security"]);
        combined.Ttl.ShouldBe(TimeSpan.FromMinutes(10));
        combined.Cooldown.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void CombineStrictest_OneWithoutTtl_KeepsTheOtherTtl()
    {
        var limited = new ApprovalRequirement(1, [], TimeSpan.FromHours(1), TimeSpan.Zero);
        var unlimited = new ApprovalRequirement(1, [], null, TimeSpan.Zero);

        unlimited.CombineStrictest(limited).Ttl.ShouldBe(TimeSpan.FromHours(1));
        limited.CombineStrictest(unlimited).Ttl.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Describe_FullRequirement_NamesEveryPart() =>
        new ApprovalRequirement(2, ["production-owners"], TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5)).Describe()
            .ShouldBe("2 approvers (production-owners), valid 15m, 5m cool-down");

    [Theory]
    [InlineData("15m", 900)]
    [InlineData("30s", 30)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    public void DurationText_Valid_Parses(string text, int seconds)
    {
        DurationText.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("15 m")]
    [InlineData("15w")]
    [InlineData("-5m")]
    [InlineData("99999999999m")]
    public void DurationText_Invalid_IsRejected(string text) => DurationText.TryParse(text, out _).ShouldBeFalse();
}
