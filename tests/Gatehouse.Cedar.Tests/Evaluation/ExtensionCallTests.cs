namespace Gatehouse.Cedar.Tests.Evaluation;

public sealed class ExtensionCallTests
{
    [Theory]
    [InlineData("ip(\"10.0.0.1\").isIpv4()", "true")]
    [InlineData("ip(\"::1\").isIpv6()", "true")]
    [InlineData("ip(\"127.0.0.1\").isLoopback()", "true")]
    [InlineData("ip(\"224.0.0.1\").isMulticast()", "true")]
    [InlineData("ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.0/8\"))", "true")]
    [InlineData("ip(\"11.0.0.1\").isInRange(ip(\"10.0.0.0/8\"))", "false")]
    [InlineData("ip(context.ip).isInRange(ip(\"10.0.0.0/24\"))", "true")]
    [InlineData("ip(\"10.0.0.1\") == ip(\"10.0.0.1\")", "true")]
    [InlineData("ip(\"not an ip\").isIpv4()", "error")]
    [InlineData("ip(1).isIpv4()", "error")]
    [InlineData("decimal(\"1.5\").lessThan(decimal(\"2.25\"))", "true")]
    [InlineData("decimal(\"1.5\").greaterThanOrEqual(decimal(\"1.5000\"))", "true")]
    [InlineData("decimal(\"1.5\") == decimal(\"1.50\")", "true")]
    [InlineData("decimal(\"1.5\") < decimal(\"2.0\")", "error")]
    [InlineData("decimal(\"1.23456\") == decimal(\"1\")", "error")]
    [InlineData("decimal(\"1.5\").lessThan(1)", "error")]
    [InlineData("datetime(\"2024-01-01\") < datetime(\"2024-01-02\")", "true")]
    [InlineData("datetime(\"2024-01-01\").offset(duration(\"1d\")) == datetime(\"2024-01-02\")", "true")]
    [InlineData("datetime(\"2024-01-02\").durationSince(datetime(\"2024-01-01\")) == duration(\"24h\")", "true")]
    [InlineData("datetime(\"2024-01-01T10:00:00Z\").toDate() == datetime(\"2024-01-01\")", "true")]
    [InlineData("datetime(\"2024-01-01T10:00:00Z\").toTime() == duration(\"10h\")", "true")]
    [InlineData("duration(\"1h30m\").toMinutes() == 90", "true")]
    [InlineData("duration(\"2d\").toHours() == 48", "true")]
    [InlineData("duration(\"1s\") > duration(\"999ms\")", "true")]
    [InlineData("duration(\"1s\") > datetime(\"2024-01-01\")", "error")]
    [InlineData("duration(\"1s\") > 1", "error")]
    [InlineData("1 < duration(\"1s\")", "error")]
    [InlineData("datetime(\"nope\") == datetime(\"nope\")", "error")]
    [InlineData("1.isIpv4()", "error")]
    public void ExtensionCall_Evaluates_AsCedarDoes(string condition, string expected) =>
        ExpressionHarness.Evaluate(condition).ShouldBe(expected);
}
