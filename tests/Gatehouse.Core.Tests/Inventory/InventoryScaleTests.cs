using System.Diagnostics;
using System.Text;
using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;
using static Gatehouse.Core.Tests.Inventory.InventoryFixtures;
using GatehouseInventory = Gatehouse.Core.Inventory.Inventory;

namespace Gatehouse.Core.Tests.Inventory;

/// <summary>
/// Large and hostile layouts: correctness at scale, and bounds loose enough for a shared CI machine
/// (the real figures come from bench/Gatehouse.Benchmarks/InventoryResolveBenchmarks.cs).
/// </summary>
public sealed class InventoryScaleTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public void Parse_TenThousandResourceService_LoadsAndResolves()
    {
        var yaml = Services(2_500);

        var watch = Stopwatch.StartNew();
        var inventory = GatehouseInventory.Parse(yaml);
        watch.Elapsed.ShouldBeLessThan(Generous);

        inventory.Resources.Count.ShouldBe(10_000);
        var resolution = new InventoryResolver(inventory).Resolve(Action(Verb.Delete, "volume", "vol-1235"));
        resolution.EffectiveEnvironment.ShouldBe("production");
        resolution.DestroysLastBackup.ShouldBeTrue();
        ReachedIds(resolution).ShouldBe(["api-1235", "db-1235", "replica-1235"]);
        new InventoryResolver(inventory).Resolve(Action(Verb.Delete, "table", "t", "postgres://app@db-42.internal:5432/app42")).Target!.Id.ShouldBe("db-42");
    }

    [Fact]
    public void Resolve_TenThousandLongDependencyChain_ReachesTheEndWithoutQuadraticCopies()
    {
        var yaml = new StringBuilder("environments: [development, production]\nresources:\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append("  - {id: r").Append(i).Append(", kind: service, environments: [")
                .Append(i == 9_999 ? "production" : "development").Append(']');
            yaml.Append(i == 0 ? "}\n" : $", relations: {{depends_on: [r{i - 1}]}}}}\n");
        }

        var inventory = GatehouseInventory.Parse(yaml.ToString());
        var resolution = new InventoryResolver(inventory).Resolve(Action(Verb.Delete, "service", "r0"));

        resolution.BlastRadius.Count.ShouldBe(9_999);
        resolution.BlastRadius[^1].Depth.ShouldBe(9_999);
        resolution.BlastRadius[^1].Path.Count.ShouldBe(9_999);
        resolution.EffectiveEnvironment.ShouldBe("production");
    }

    [Fact]
    public void Resolve_TenThousandPeerFailureDomainCycle_Terminates()
    {
        var yaml = new StringBuilder("resources:\n  - {id: hub, kind: host}\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append("  - {id: p").Append(i).Append(", kind: volume, relations: {failure_domain: [hub], depends_on: [p")
                .Append((i + 1) % 10_000).Append("]}}\n");
        }

        var watch = Stopwatch.StartNew();
        var inventory = GatehouseInventory.Parse(yaml.ToString());
        var resolution = new InventoryResolver(inventory).Resolve(Action(Verb.Delete, "volume", "p5000"));
        watch.Elapsed.ShouldBeLessThan(Generous);

        resolution.BlastRadius.Count.ShouldBe(10_000);
    }

    [Fact]
    public void Parse_OneMegabyteOfGarbage_ThrowsInventoryException()
    {
        var garbage = new string('{', 1_000_000);

        Should.Throw<InventoryException>(() => GatehouseInventory.Parse(garbage));
    }

    /// <summary>Per service: a volume attached to its API, holding the only backups of its database.</summary>
    internal static string Services(int count)
    {
        var yaml = new StringBuilder("environments:\n  - development\n  - staging\n  - {name: production, aliases: [prod]}\nresources:\n");
        for (var i = 0; i < count; i++)
        {
            var environment = (i % 3) switch { 0 => "development", 1 => "staging", _ => "production" };
            yaml.Append($"""
                  - id: db-{i}
                    kind: database
                    names: [db-{i}.internal, "postgres://app@db-{i}.internal:5432/app{i}"]
                    environments: [{environment}]
                  - id: api-{i}
                    kind: service
                    names: [api-{i}.example.com]
                    environments: [{environment}]
                    relations: {"{"}depends_on: [db-{i}]{"}"}
                  - id: vol-{i}
                    kind: volume
                    names: [{i:x8}-0000-4000-8000-000000000000]
                    environments: [{environment}]
                    relations: {"{"}attached_to: [api-{i}], stores_backups_of: [db-{i}]{"}"}
                  - id: replica-{i}
                    kind: database
                    environments: [{environment}]
                    relations: {"{"}replica_of: [db-{i}]{"}"}

                """);
        }

        return yaml.ToString();
    }
}
