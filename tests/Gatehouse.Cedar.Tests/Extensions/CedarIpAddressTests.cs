using Gatehouse.Cedar.Extensions;

namespace Gatehouse.Cedar.Tests.Extensions;

public sealed class CedarIpAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.0.0.0/0", true)]
    [InlineData("10.0.0.0/32", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.0/08", false)]
    [InlineData("10.0.0.0/+8", false)]
    [InlineData("10.0.0.0/", false)]
    [InlineData("10.0.0.0/100", false)]
    [InlineData("10.0.0.0/8/8", false)]
    [InlineData("256.0.0.1", false)]
    [InlineData("01.0.0.1", false)]
    [InlineData("1.00.0.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("1.2.3.4 ", false)]
    [InlineData(" 1.2.3.4", false)]
    [InlineData("1..2.3", false)]
    [InlineData("1234.1.1.1", false)]
    [InlineData("", false)]
    [InlineData("::", true)]
    [InlineData("::1", true)]
    [InlineData("::1/128", true)]
    [InlineData("::1/129", false)]
    [InlineData("::/0", true)]
    [InlineData("::1/010", false)]
    [InlineData("ff00::/8", true)]
    [InlineData("FFFF::ABCD", true)]
    [InlineData("1:2:3:4:5:6:7:8", true)]
    [InlineData("1:2:3:4:5:6:7:8/64", true)]
    [InlineData("1:2:3:4:5:6:7::", true)]
    [InlineData("::2:3:4:5:6:7:8", true)]
    [InlineData("1:2:3:4:5:6:7:8::", false)]
    [InlineData("1:2:3:4:5:6:7", false)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("1::2::3", false)]
    [InlineData(":::", false)]
    [InlineData(":1::2", false)]
    [InlineData("1:", false)]
    [InlineData("0001::", true)]
    [InlineData("00001::", false)]
    [InlineData("g::1", false)]
    [InlineData("::ffff:1.2.3.4", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::ffff:102:304", true)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("[::1]", false)]
    [InlineData("0000:0000:0000:0000:0000:0000:0000:0000/128", true)]
    [InlineData("0000:0000:0000:0000:0000:0000:0000:00000/12", false)]
    public void TryParse_Text_AcceptsExactlyWhatCedarAccepts(string text, bool valid)
    {
        CedarIpAddress.TryParse(text, out _, out var error).ShouldBe(valid);
        (error is null).ShouldBe(valid);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1/32", true)]
    [InlineData("10.0.0.1/24", "10.0.0.0/24", false)]
    [InlineData("::1", "0:0:0:0:0:0:0:1", true)]
    [InlineData("::1", "::1/127", false)]
    [InlineData("::ffff:7f00:1", "127.0.0.1", false)]
    [InlineData("FF00::", "ff00::", true)]
    public void Equals_TwoAddresses_ComparesFamilyAddressAndPrefix(string left, string right, bool equal)
    {
        var a = Parse(left);
        var b = Parse(right);
        (a == b).ShouldBe(equal);
        a.Equals(b).ShouldBe(equal);
        if (equal)
        {
            a.GetHashCode().ShouldBe(b.GetHashCode());
        }
    }

    [Theory]
    [InlineData("1.2.3.4", true, false)]
    [InlineData("1.2.3.4/8", true, false)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:102:304", false, true)]
    public void Family_Address_ReportsIpv4OrIpv6(string text, bool ipv4, bool ipv6)
    {
        var ip = Parse(text);
        ip.IsIpv4.ShouldBe(ipv4);
        ip.IsIpv6.ShouldBe(ipv6);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.255", true)]
    [InlineData("127.0.0.0/8", true)]
    [InlineData("127.0.0.1/7", false)]
    [InlineData("128.0.0.1", false)]
    [InlineData("::1", true)]
    [InlineData("::1/127", false)]
    [InlineData("::2", false)]
    [InlineData("::ffff:7f00:1", false)]
    public void IsLoopback_Address_MatchesCedar(string text, bool loopback) =>
        Parse(text).IsLoopback.ShouldBe(loopback);

    [Theory]
    [InlineData("224.0.0.1", true)]
    [InlineData("239.255.255.255", true)]
    [InlineData("224.0.0.0/4", true)]
    [InlineData("224.0.0.0/3", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("223.255.255.255", false)]
    [InlineData("ff02::1", true)]
    [InlineData("ff00::/8", true)]
    [InlineData("ff00::/7", false)]
    [InlineData("fe80::1", false)]
    public void IsMulticast_Address_MatchesCedar(string text, bool multicast) =>
        Parse(text).IsMulticast.ShouldBe(multicast);

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/7", "10.0.0.0/8", false)]
    [InlineData("11.0.0.1", "10.0.0.0/8", false)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", true)]
    [InlineData("10.0.0.5/8", "10.0.0.0/8", true)]
    [InlineData("1.2.3.4", "0.0.0.0/0", true)]
    [InlineData("10.0.0.1", "10.0.0.1", true)]
    [InlineData("10.0.0.1", "10.0.0.2", false)]
    [InlineData("::1", "::/0", true)]
    [InlineData("2001:db8::1", "2001:db8::/32", true)]
    [InlineData("2001:db9::1", "2001:db8::/32", false)]
    [InlineData("::ffff:a00:1", "10.0.0.0/8", false)]
    [InlineData("10.0.0.1", "::/0", false)]
    public void IsInRange_TwoAddresses_MatchesCedar(string child, string range, bool inRange) =>
        Parse(child).IsInRange(Parse(range)).ShouldBe(inRange);

    [Theory]
    [InlineData("10.1.2.3/16")]
    [InlineData("2001:db8::ff/64")]
    [InlineData("::")]
    public void ToString_Value_ParsesBackToEqualValue(string text)
    {
        var ip = Parse(text);
        Parse(ip.ToString()).ShouldBe(ip);
    }

    private static CedarIpAddress Parse(string text)
    {
        CedarIpAddress.TryParse(text, out var value).ShouldBeTrue(text);
        return value;
    }
}
