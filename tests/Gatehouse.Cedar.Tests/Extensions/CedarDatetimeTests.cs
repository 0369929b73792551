using Gatehouse.Cedar.Extensions;

namespace Gatehouse.Cedar.Tests.Extensions;

public sealed class CedarDatetimeTests
{
    [Theory]
    [InlineData("1970-01-01", 0L)]
    [InlineData("2024-10-15", 1_728_950_400_000L)]
    [InlineData("2024-10-15T11:38:02Z", 1_728_992_282_000L)]
    [InlineData("2024-10-15T11:38:02.101Z", 1_728_992_282_101L)]
    [InlineData("2024-10-15T11:38:02.101+1134", 1_728_950_642_101L)]
    [InlineData("2024-10-15T11:38:02.101-1134", 1_729_033_922_101L)]
    [InlineData("2024-10-15T11:38:02+0000", 1_728_992_282_000L)]
    [InlineData("2024-10-15T11:38:02-0000", 1_728_992_282_000L)]
    [InlineData("2024-10-15T23:59:00+2359", 1_728_950_400_000L)]
    [InlineData("1969-12-31T23:59:59.999Z", -1L)]
    [InlineData("2024-02-29", 1_709_164_800_000L)]
    [InlineData("2000-02-29", 951_782_400_000L)]
    [InlineData("0000-01-01", -62_167_219_200_000L)]
    [InlineData("0000-02-29", -62_162_121_600_000L)]
    [InlineData("9999-12-31T23:59:59.999Z", 253_402_300_799_999L)]
    [InlineData("0000-01-01T00:00:00-2359", -62_167_132_860_000L)]
    public void TryParse_Valid_CountsMillisecondsSinceEpoch(string text, long milliseconds)
    {
        CedarDatetime.TryParse(text, out var value, out var error).ShouldBeTrue(error);
        value.MillisecondsSinceEpoch.ShouldBe(milliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-1")]
    [InlineData("11-12-13")]
    [InlineData("1111-1x-20")]
    [InlineData("2024-10-15Z")]
    [InlineData("2024-10-15T11:38:02ZZ")]
    [InlineData("10000-01-01")]
    [InlineData("+2024-01-01")]
    [InlineData("2024-1-01")]
    [InlineData("2024-00-01")]
    [InlineData("2024-01-00")]
    [InlineData("2024-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-04-31")]
    [InlineData("2024-01-01T")]
    [InlineData("2024-01-01T01:02")]
    [InlineData("2024-01-01T01:02:0b")]
    [InlineData("2024-01-01 01:02:03Z")]
    [InlineData("2024-01-01t01:02:03Z")]
    [InlineData("2024-01-01T01:02:03z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T01:60:03Z")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("2024-01-01T00:00:00.1Z")]
    [InlineData("2024-01-01T00:00:00.1234Z")]
    [InlineData("2024-01-01T00:00:00.123")]
    [InlineData("2024-01-01T00:00:00+01")]
    [InlineData("2024-01-01T00:00:00+01:00")]
    [InlineData("2024-01-01T00:00:00+2400")]
    [InlineData("2024-01-01T00:00:00+0060")]
    [InlineData("2024-01-01T00:00:00Z+0100")]
    [InlineData("2024-01-01T00:00:00.000Z ")]
    public void TryParse_Invalid_Fails(string text)
    {
        CedarDatetime.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(0L, 1L, true, 1L)]
    [InlineData(0L, -86_400_000L, true, -86_400_000L)]
    [InlineData(long.MaxValue, 1L, false, 0L)]
    [InlineData(long.MinValue, -1L, false, 0L)]
    [InlineData(long.MaxValue, long.MinValue, true, -1L)]
    public void TryOffset_DatetimeAndDuration_AddsOrOverflows(long start, long add, bool ok, long expected)
    {
        var datetime = CedarDatetime.FromMillisecondsSinceEpoch(start);
        datetime.TryOffset(CedarDuration.FromMilliseconds(add), out var result).ShouldBe(ok);
        if (ok)
        {
            result.MillisecondsSinceEpoch.ShouldBe(expected);
        }
    }

    [Theory]
    [InlineData(10L, 3L, true, 7L)]
    [InlineData(3L, 10L, true, -7L)]
    [InlineData(long.MinValue, 1L, false, 0L)]
    [InlineData(long.MaxValue, -1L, false, 0L)]
    [InlineData(-1L, long.MaxValue, true, long.MinValue)]
    public void TryDurationSince_TwoDatetimes_SubtractsOrOverflows(long left, long right, bool ok, long expected)
    {
        CedarDatetime.FromMillisecondsSinceEpoch(left)
            .TryDurationSince(CedarDatetime.FromMillisecondsSinceEpoch(right), out var result).ShouldBe(ok);
        if (ok)
        {
            result.Milliseconds.ShouldBe(expected);
        }
    }

    [Theory]
    [InlineData(1_728_992_282_101L, true, 1_728_950_400_000L, 41_882_101L)]
    [InlineData(0L, true, 0L, 0L)]
    [InlineData(-1L, true, -86_400_000L, 86_399_999L)]
    [InlineData(-86_400_000L, true, -86_400_000L, 0L)]
    [InlineData(long.MaxValue, true, 9_223_372_036_828_800_000L, 25_975_807L)]
    [InlineData(long.MinValue, false, 0L, 60_424_192L)]
    public void ToDateAndToTime_Datetime_SplitAtUtcMidnight(long epoch, bool dateOk, long date, long time)
    {
        var datetime = CedarDatetime.FromMillisecondsSinceEpoch(epoch);
        datetime.TryToDate(out var result).ShouldBe(dateOk);
        if (dateOk)
        {
            result.MillisecondsSinceEpoch.ShouldBe(date);
        }

        datetime.ToTime().Milliseconds.ShouldBe(time);
    }

    [Fact]
    public void Compare_TwoDatetimes_ByInstant()
    {
        CedarDatetime.TryParse("2024-10-15T12:00:00+0100", out var a).ShouldBeTrue();
        CedarDatetime.TryParse("2024-10-15T11:00:00Z", out var b).ShouldBeTrue();
        CedarDatetime.TryParse("2024-10-15T11:00:00.001Z", out var c).ShouldBeTrue();
        (a == b).ShouldBeTrue();
        (a < c).ShouldBeTrue();
        a.CompareTo(c).ShouldBeLessThan(0);
    }
}
