using Gatehouse.Core.Policy;
using Gatehouse.Core.Tests.Yaml;

namespace Gatehouse.Core.Tests.Policy;

public sealed class PolicyContextNestingTests
{
    [Theory]
    [InlineData(NestedYaml.FlowSequences, 10_000)]
    [InlineData(NestedYaml.FlowMappings, 10_000)]
    [InlineData(NestedYaml.BlockMappings, 1_000)]
    public void Load_PathologicallyNestedContext_FailsWithLocatedNestingError(string shape, int depth)
    {
        var path = NestedYaml.WriteTemp(NestedYaml.Under("code_freezes", shape, depth));
        try
        {
            var error = Should.Throw<PolicyLoadException>(() => PolicyContextReader.Load(path));

            error.Message.ShouldContain("nesting deeper than");
            error.Message.ShouldStartWith(path + ":");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_TenThousandNestedBlockMappings_IsRejectedWithoutParsing()
    {
        var path = NestedYaml.WriteTemp(NestedYaml.Under("code_freezes", NestedYaml.BlockMappings, 10_000));
        try
        {
            Should.Throw<PolicyLoadException>(() => PolicyContextReader.Load(path)).Message.ShouldContain("larger than");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
