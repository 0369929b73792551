using Gatehouse.Cedar.Extensions;

namespace Gatehouse.Cedar.Tests.Extensions;

public sealed class CedarDurationTests
{
    [Theory]
    [InlineData("1d2h3m4s5ms", 93_784_005L)]
    [InlineData("2d12h", 216_000_000L)]
    [InlineData("1ms", 1L)]
    [InlineData("1m", 60_000L)]
    [InlineData("1m1ms", 60_001L)]
    [InlineData("0s", 0L)]
    [InlineData("-0ms", 0L)]
    [InlineData("-1d2h", -93_600_000L)]
    [InlineData("-90m", -5_400_000L)]
    [InlineData("0001h", 3_600_000L)]
    [InlineData("9223372036854775807ms", long.MaxValue)]
    [InlineData("-9223372036854775808ms", long.MinValue)]
    [InlineData("106751991167d", 9_223_372_036_828_800_000L)]
    public void TryParse_Valid_CountsMilliseconds(string text, long milliseconds)
    {
        CedarDuration.TryParse(text, out var value, out var error).ShouldBeTrue(error);
        value.Milliseconds.ShouldBe(milliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1")]
    [InlineData("d")]
    [InlineData("1h1d")]
    [InlineData("1d1d")]
    [InlineData("1ms1s")]
    [InlineData("-1d-1h")]
    [InlineData("--1d")]
    [InlineData("+1d")]
    [InlineData("1D")]
    [InlineData("1w")]
    [InlineData("1 d")]
    [InlineData("1.5h")]
    [InlineData("1d ")]
    [InlineData("1mss")]
    [InlineData("9223372036854775808ms")]
    [InlineData("-9223372036854775809ms")]
    [InlineData("106751991168d")]
    [InlineData("18446744073709551616ms")]
    [InlineData("99999999999999999999999d")]
    [InlineData("9223372036854775807ms1d")]
    [InlineData("106751991167d8h")]
    public void TryParse_Invalid_Fails(string text)
    {
        CedarDuration.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("1d2h3m4s5ms", 93_784_005L, 93_784L, 1_563L, 26L, 1L)]
    [InlineData("-1d2h3m4s5ms", -93_784_005L, -93_784L, -1_563L, -26L, -1L)]
    [InlineData("59s999ms", 59_999L, 59L, 0L, 0L, 0L)]
    [InlineData("-59s999ms", -59_999L, -59L, 0L, 0L, 0L)]
    [InlineData("47h", 169_200_000L, 169_200L, 2_820L, 47L, 1L)]
    public void Conversions_Duration_TruncateTowardZero(string text, long ms, long s, long m, long h, long d)
    {
        CedarDuration.TryParse(text, out var value).ShouldBeTrue();
        value.ToMilliseconds().ShouldBe(ms);
        value.ToSeconds().ShouldBe(s);
        value.ToMinutes().ShouldBe(m);
        value.ToHours().ShouldBe(h);
        value.ToDays().ShouldBe(d);
    }

    [Theory]
    [InlineData("1h", "60m", 0)]
    [InlineData("-1ms", "0ms", -1)]
    [InlineData("1d", "23h59m59s999ms", 1)]
    public void Compare_TwoDurations_ByLength(string left, string right, int sign)
    {
        CedarDuration.TryParse(left, out var a).ShouldBeTrue();
        CedarDuration.TryParse(right, out var b).ShouldBeTrue();
        Math.Sign(a.CompareTo(b)).ShouldBe(sign);
        (a == b).ShouldBe(sign == 0);
        (a < b).ShouldBe(sign < 0);
    }

    [Fact]
    public void ToString_Duration_ParsesBack()
    {
        CedarDuration.TryParse("-1d2h", out var value).ShouldBeTrue();
        CedarDuration.TryParse(value.ToString(), out var again).ShouldBeTrue();
        again.ShouldBe(value);
    }
}
