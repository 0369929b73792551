using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.Policy;

public sealed class PolicyContextReaderTests
{
    [Fact]
    public void Parse_Freeze_CoversItsEnvironmentsInItsWindow()
    {
        var context = PolicyContextReader.Parse("""
            code_freezes:
              - environments: [production]
                from: 2025-07-01T00:00:00Z
                until: 2025-07-21T00:00:00Z
                reason: release
            """, "context.yaml");

        var freeze = context.CodeFreezes.ShouldHaveSingleItem();
        freeze.Reason.ShouldBe("release");
        context.IsFrozen(["development", "production"], new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
        context.IsFrozen(["development"], new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        context.IsFrozen(["production"], new DateTimeOffset(2025, 7, 21, 0, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        context.IsFrozen(["production"], new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [Fact]
    public void Parse_FreezeWithoutEnvironments_CoversEverything() =>
        PolicyContextReader.Parse("code_freezes:\n  - reason: all hands\n", "c.yaml").IsFrozen([], DateTimeOffset.UnixEpoch).ShouldBeTrue();

    [Theory]
    [InlineData("code_freezes:\n  - untill: 2025-07-01T00:00:00Z\n", "untill")]
    [InlineData("freezes: []\n", "freezes")]
    [InlineData("code_freezes:\n  - from: yesterday\n", "yesterday")]
    [InlineData("code_freezes:\n  - from: 2025-07-02T00:00:00Z\n    until: 2025-07-01T00:00:00Z\n", "end after")]
    [InlineData("code_freezes: [\n", "c.yaml")]
    public void Parse_Malformed_IsALoadErrorNamingTheProblem(string yaml, string expected) =>
        Should.Throw<PolicyLoadException>(() => PolicyContextReader.Parse(yaml, "c.yaml")).Message.ShouldContain(expected);
}
