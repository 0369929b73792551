using Gatehouse.Core.Policy;
using GatehouseInventory = Gatehouse.Core.Inventory.Inventory;

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

    [Fact]
    public void Canonical_FreezeNamesAnInventoryAlias_CoversTheDeclaredEnvironment()
    {
        var inventory = GatehouseInventory.Parse("environments:\n  - name: production\n    aliases: [prod]\n", "inventory.yaml");
        var context = PolicyContextReader.Parse("code_freezes:\n  - environments: [prod]\n    reason: launch\n", "c.yaml");

        context.WithCanonicalEnvironments(inventory).IsFrozen(["production"], DateTimeOffset.UnixEpoch).ShouldBeTrue();
    }

    [Fact]
    public void Canonical_FreezeWithoutInventoryUsesShortForm_CoversProduction() =>
        PolicyContextReader.Parse("code_freezes:\n  - environments: [prod]\n", "c.yaml")
            .WithCanonicalEnvironments(null).IsFrozen(["production"], DateTimeOffset.UnixEpoch).ShouldBeTrue();

    [Fact]
    public void Canonical_FreezeNamesAnUndeclaredEnvironment_IsALoadError()
    {
        var inventory = GatehouseInventory.Parse("environments:\n  - name: production\n", "inventory.yaml");
        var context = PolicyContextReader.Parse("code_freezes:\n  - environments: [prdo]\n", "c.yaml");

        Should.Throw<PolicyLoadException>(() => context.WithCanonicalEnvironments(inventory)).Message.ShouldContain("'prdo'");
    }

    [Theory]
    [InlineData("code_freezes:\n  - untill: 2025-07-01T00:00:00Z\n", "untill")]
    [InlineData("freezes: []\n", "freezes")]
    [InlineData("code_freezes:\n  - from: yesterday\n", "yesterday")]
    [InlineData("code_freezes:\n  - from: 2025-07-02T00:00:00Z\n    until: 2025-07-01T00:00:00Z\n", "end after")]
    [InlineData("code_freezes: [\n", "c.yaml")]
    public void Parse_Malformed_IsALoadErrorNamingTheProblem(string yaml, string expected) =>
        Should.Throw<PolicyLoadException>(() => PolicyContextReader.Parse(yaml, "c.yaml")).Message.ShouldContain(expected);
}
