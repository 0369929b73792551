using Gatehouse.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.Tests.Yaml;

public sealed class DepthLimitingParserTests
{
    [Theory]
    [InlineData(NestedYaml.FlowSequences, 10_000)]
    [InlineData(NestedYaml.FlowSequences, 500_000)]
    [InlineData(NestedYaml.FlowMappings, 10_000)]
    [InlineData(NestedYaml.BlockMappings, 1_000)]
    public void Load_NestedPastTheLimit_ThrowsLocatedNestingErrorInsteadOfOverflowing(string shape, int depth)
    {
        var stream = new YamlStream();

        var error = Should.Throw<YamlNestingException>(() => stream.Load(DepthLimitingParser.Over(NestedYaml.Under("code_freezes", shape, depth), 16, "a policy context")));

        error.Message.ShouldBe("nesting deeper than 16 levels is not a policy context");
        error.Start.Line.ShouldBeGreaterThan(0);
        error.Start.Column.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(NestedYaml.FlowSequences)]
    [InlineData(NestedYaml.FlowMappings)]
    [InlineData(NestedYaml.BlockMappings)]
    public void Load_NestedExactlyToTheLimit_Loads(string shape)
    {
        var stream = new YamlStream();

        // The root mapping holding the key is one level, so 15 more reach the limit of 16.
        stream.Load(DepthLimitingParser.Over(NestedYaml.Under("code_freezes", shape, 15), 16, "a policy context"));

        stream.Documents.ShouldHaveSingleItem().RootNode.ShouldBeOfType<YamlMappingNode>();
    }

    [Fact]
    public void Load_SiblingsAtTheLimit_DoNotAddUp()
    {
        var yaml = string.Concat(Enumerable.Range(0, 100).Select(i => $"k{i}: [[[x]]]\n"));
        var stream = new YamlStream();

        stream.Load(DepthLimitingParser.Over(yaml, 4, "a test document"));

        ((YamlMappingNode)stream.Documents[0].RootNode).Children.Count.ShouldBe(100);
    }
}
