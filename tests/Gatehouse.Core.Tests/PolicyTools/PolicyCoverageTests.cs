using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

public sealed class PolicyCoverageTests
{
    private static PolicyCoverage Coverage(int covered, int total)
    {
        var policies = Enumerable.Range(0, total).Select(i => $"p{i}").ToArray();
        return PolicyCoverage.Of(policies, [policies.Take(covered).ToArray()]);
    }

    [Theory]
    [InlineData(11, 12, "11/12", true)]
    [InlineData(11, 12, "1", false)]
    [InlineData(11, 12, "100%", false)]
    [InlineData(11, 12, "0.9167", false)]
    [InlineData(11, 12, "0.9166", true)]
    [InlineData(11, 12, "91.67%", false)]
    [InlineData(11, 12, "22/24", true)]
    [InlineData(999, 1000, "0.9999", false)]
    [InlineData(12, 12, "1", true)]
    [InlineData(0, 12, "0", true)]
    [InlineData(0, 0, "1", false)]
    [InlineData(0, 0, "0", true)]
    public void Meets_ThresholdComparedExactly(int covered, int total, string threshold, bool expected)
    {
        CoverageThreshold.TryParse(threshold, out var parsed).ShouldBeTrue();

        Coverage(covered, total).Meets(parsed).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("101%")]
    [InlineData("13/12")]
    [InlineData("1/0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("0.")]
    [InlineData("1e-3")]
    public void TryParse_NotAFractionOfOne_IsRejected(string text) =>
        CoverageThreshold.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Of_CountsEachPolicyOnceAndNeverRounds()
    {
        string[] policies = ["a", "b", "c"];
        var coverage = PolicyCoverage.Of(policies, [["a"], ["a", "c"], ["unknown"]]);

        coverage.Fraction.ShouldBe("2/3");
        coverage.CoveredCount.ShouldBe(2);
        coverage.Uncovered.ShouldBe(["b"]);
        coverage.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public void IsComplete_EmptyPolicySet_IsFalse() => Coverage(0, 0).IsComplete.ShouldBeFalse();
}
