using Gatehouse.Cedar.Extensions;

namespace Gatehouse.Cedar.Tests.Extensions;

public sealed class CedarDecimalTests
{
    [Theory]
    [InlineData("1.0", true)]
    [InlineData("-1.0", true)]
    [InlineData("123.456", true)]
    [InlineData("0.1234", true)]
    [InlineData("-0.0123", true)]
    [InlineData("00001.5", true)]
    [InlineData("922337203685477.5807", true)]
    [InlineData("922337203685477.5808", false)]
    [InlineData("-922337203685477.5808", true)]
    [InlineData("-922337203685477.5809", false)]
    [InlineData("1000000000000000.0", false)]
    [InlineData("99999999999999999999999.0", false)]
    [InlineData("1.12345", false)]
    [InlineData("1.00000", false)]
    [InlineData("1", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("+1.0", false)]
    [InlineData("--1.0", false)]
    [InlineData("-.5", false)]
    [InlineData("1.0.0", false)]
    [InlineData("1e3.0", false)]
    [InlineData(" 1.0", false)]
    [InlineData("1,5", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("\u0661.0", false)]
    public void TryParse_Text_AcceptsExactlyWhatCedarAccepts(string text, bool valid)
    {
        CedarDecimal.TryParse(text, out _, out var error).ShouldBe(valid);
        (error is null).ShouldBe(valid);
    }

    [Theory]
    [InlineData("1.0", 10_000L)]
    [InlineData("1.5", 15_000L)]
    [InlineData("-0.5", -5_000L)]
    [InlineData("-0.0", 0L)]
    [InlineData("0.0001", 1L)]
    [InlineData("-1.23", -12_300L)]
    [InlineData("922337203685477.5807", long.MaxValue)]
    [InlineData("-922337203685477.5808", long.MinValue)]
    public void TryParse_Valid_ScalesByTenThousand(string text, long scaled)
    {
        CedarDecimal.TryParse(text, out var value).ShouldBeTrue();
        value.ScaledValue.ShouldBe(scaled);
    }

    [Theory]
    [InlineData("1.0", "1.0000", 0)]
    [InlineData("-0.5", "0.5", -1)]
    [InlineData("2.5", "2.4999", 1)]
    [InlineData("-922337203685477.5808", "922337203685477.5807", -1)]
    public void Comparisons_TwoValues_FollowNumericOrder(string left, string right, int sign)
    {
        CedarDecimal.TryParse(left, out var a).ShouldBeTrue();
        CedarDecimal.TryParse(right, out var b).ShouldBeTrue();
        a.LessThan(b).ShouldBe(sign < 0);
        a.LessThanOrEqual(b).ShouldBe(sign <= 0);
        a.GreaterThan(b).ShouldBe(sign > 0);
        a.GreaterThanOrEqual(b).ShouldBe(sign >= 0);
        (a == b).ShouldBe(sign == 0);
        Math.Sign(a.CompareTo(b)).ShouldBe(sign);
    }

    [Theory]
    [InlineData("-1.5", "-1.5000")]
    [InlineData("-0.5", "-0.5000")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("-922337203685477.5808", "-922337203685477.5808")]
    public void ToString_Value_PrintsFourDigitsAndParsesBack(string text, string printed)
    {
        CedarDecimal.TryParse(text, out var value).ShouldBeTrue();
        value.ToString().ShouldBe(printed);
        CedarDecimal.TryParse(value.ToString(), out var again).ShouldBeTrue();
        again.ShouldBe(value);
    }
}
