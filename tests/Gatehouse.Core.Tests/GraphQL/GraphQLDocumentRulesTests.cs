using System.Text;
using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.GraphQL;

public sealed class GraphQLDocumentRulesTests
{
    [Fact]
    public void Classify_LongFragmentChainEndingInCycle_OpaqueWithoutStackOverflow()
    {
        const int Length = 20_000;
        var document = new StringBuilder("query Q { a }");
        for (var i = 0; i < Length; i++)
        {
            document.Append(" fragment F").Append(i).Append(" on Query { x { ...F").Append((i + 1) % Length).Append(" } }");
        }

        var action = GraphQLClassifier.Classify(document.ToString()).ShouldHaveSingleItem();

        action.HasTag(Tags.Opaque).ShouldBeTrue();
        action.Risk.ShouldBe(Risk.High);
    }

    [Fact]
    public void Classify_LongAcyclicFragmentChainBelowRoot_ReadsRootField()
    {
        const int Length = 20_000;
        var document = new StringBuilder("query Q { a { ...F0 } }");
        for (var i = 0; i < Length; i++)
        {
            document.Append(" fragment F").Append(i).Append(" on T { x { ...F").Append(i + 1).Append(" } }");
        }

        document.Append(" fragment F").Append(Length).Append(" on T { leaf }");

        var action = GraphQLClassifier.Classify(document.ToString()).ShouldHaveSingleItem();

        action.Verb.ShouldBe(Verb.Read);
    }

    [Theory]
    [InlineData("query { viewer { ...Missing } }")]
    [InlineData("query { a } fragment A on T { x { ...B } } fragment B on T { y { ...A } }")]
    public void Classify_InvalidFragmentBelowRoot_Opaque(string document)
    {
        GraphQLClassifier.Classify(document).ShouldHaveSingleItem().HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_EmptyMutation_OpaqueNotHarmless()
    {
        var action = GraphQLClassifier.Classify("mutation {}").ShouldHaveSingleItem();

        action.RuleId.ShouldBe("graphql.empty-mutation");
        action.Risk.ShouldBe(Risk.High);
    }

    [Fact]
    public void Classify_DescribedMutation_ClassifiesItsFields()
    {
        var action = GraphQLClassifier.Classify("\"Cleans up\" mutation M { volumeDelete(volumeId: \"v\") }").ShouldHaveSingleItem();

        action.Verb.ShouldBe(Verb.Delete);
    }
}
