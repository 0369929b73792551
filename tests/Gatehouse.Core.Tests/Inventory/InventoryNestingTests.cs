using Gatehouse.Core.Inventory;
using Gatehouse.Core.Tests.Yaml;
using GatehouseInventory = Gatehouse.Core.Inventory.Inventory;

namespace Gatehouse.Core.Tests.Inventory;

public sealed class InventoryNestingTests
{
    [Theory]
    [InlineData(NestedYaml.FlowSequences, 10_000)]
    [InlineData(NestedYaml.FlowMappings, 10_000)]
    [InlineData(NestedYaml.BlockMappings, 2_000)]
    [InlineData(NestedYaml.BlockMappings, 7_000)]
    public void Load_PathologicallyNestedInventory_FailsWithLocatedNestingError(string shape, int depth)
    {
        var path = NestedYaml.WriteTemp(NestedYaml.Under("resources", shape, depth));
        try
        {
            var error = Should.Throw<InventoryException>(() => GatehouseInventory.Load(path));

            error.Detail.ShouldNotBeNull().ShouldContain("nesting deeper than");
            error.Source.ShouldBe(path);
            error.Line.ShouldBeGreaterThan(0);
            error.Column.ShouldBeGreaterThan(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_TenThousandNestedBlockMappings_IsRejectedWithoutParsing() =>
        Should.Throw<InventoryException>(() => GatehouseInventory.Parse(NestedYaml.Under("resources", NestedYaml.BlockMappings, 10_000)))
            .Detail.ShouldNotBeNull().ShouldContain("larger than");
}
