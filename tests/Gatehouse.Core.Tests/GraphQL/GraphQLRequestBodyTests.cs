using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.GraphQL;

public sealed class GraphQLRequestBodyTests
{
    [Theory]
    [InlineData("{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol_abc\\\") }\"}", "vol_abc")]
    [InlineData("{\"query\":\"mutation($id: String!) { volumeDelete(volumeId: $id) }\",\"variables\":{\"id\":\"vol_var\"}}", "vol_var")]
    [InlineData("{\"query\":\"mutation($id: String!) { volumeDelete(volumeId: $id) }\",\"variables\":\"{\\\"id\\\":\\\"vol_str\\\"}\"}", "vol_str")]
    [InlineData("{\"query\":\"mutation($id: String!) { volumeDelete(volumeId: $id) }\",\"variables\":null}", "$id")]
    [InlineData("{\"query\":\"mutation($id: String!) { volumeDelete(volumeId: $id) }\",\"variables\":\"not json\"}", "$id")]
    [InlineData("{\"operationName\":null,\"query\":\"mutation { v: volumeDelete(volumeId: \\\"x\\\") }\"}", "x")]
    [InlineData("{\"query\":\"mutation Del { volumeDelete(volumeId: \\\"y\\\") }\",\"operationName\":\"Del\"}", "y")]
    [InlineData("  {\n \"query\" : \"mutation {\\n  volumeDelete(volumeId: \\\"z\\\")\\n}\" }  ", "z")]
    public void ClassifyRequestBody_VolumeDelete_CriticalWithId(string body, string id)
    {
        var action = GraphQLClassifier.ClassifyRequestBody(body).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Kind.ShouldBe("volume");
        action.Target.Id.ShouldBe(id);
    }

    [Fact]
    public void ClassifyRequestBody_BatchedArray_ClassifiesEveryEntry()
    {
        var actions = GraphQLClassifier.ClassifyRequestBody(
            "[{\"query\":\"{ me { id } }\"},{\"query\":\"mutation { projectDelete(id: \\\"p\\\") }\"}]");
        actions.Count.ShouldBe(2);
        actions[0].Verb.ShouldBe(Verb.Read);
        actions[1].Verb.ShouldBe(Verb.Delete);
        actions[1].Risk.ShouldBe(Risk.Critical);
    }

    [Fact]
    public void ClassifyRequestBody_BatchWithNonObject_AddsOpaque()
    {
        var actions = GraphQLClassifier.ClassifyRequestBody("[{\"query\":\"{ me { id } }\"}, 42]");
        actions.ShouldContain(a => a.HasTag(Tags.Opaque) && a.Risk == Risk.High);
    }

    [Theory]
    [InlineData("{\"query\":\"query Q { me { id } } mutation M { volumeDelete(volumeId: \\\"v\\\") }\",\"operationName\":\"Q\"}", Verb.Read)]
    [InlineData("{\"query\":\"query Q { me { id } } mutation M { volumeDelete(volumeId: \\\"v\\\") }\",\"operationName\":\"M\"}", Verb.Delete)]
    public void ClassifyRequestBody_OperationName_Selects(string body, Verb verb)
    {
        GraphQLClassifier.ClassifyRequestBody(body).ShouldHaveSingleItem().Verb.ShouldBe(verb);
    }

    [Theory]
    [InlineData("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}}")]
    [InlineData("{\"operationName\":\"DeleteVolume\",\"variables\":{\"id\":\"v\"},\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}")]
    [InlineData("{\"id\":\"a1b2c3\",\"variables\":{}}")]
    [InlineData("{\"documentId\":\"a1b2c3\"}")]
    public void ClassifyRequestBody_PersistedQueryWithoutText_OpaqueHigh(string body)
    {
        var action = GraphQLClassifier.ClassifyRequestBody(body).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Unknown);
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
        action.HasTag("persisted-query").ShouldBeTrue();
    }

    [Fact]
    public void ClassifyRequestBody_PersistedQueryWithText_ClassifiesText()
    {
        GraphQLClassifier.ClassifyRequestBody(
            "{\"query\":\"{ me { id } }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}")
            .ShouldHaveSingleItem().Verb.ShouldBe(Verb.Read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"query\": ")]
    [InlineData("{\"query\": \"mutation { volumeDelete }\"")]
    [InlineData("\"mutation { volumeDelete }\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": null}")]
    [InlineData("{\"query\": \"mutation {\"}")]
    [InlineData("[[{\"query\": \"{ me }\"}]]")]
    public void ClassifyRequestBody_InvalidBody_OpaqueHighNeverRead(string body)
    {
        var actions = GraphQLClassifier.ClassifyRequestBody(body);
        actions.ShouldNotBeEmpty();
        actions.ShouldContain(a => a.HasTag(Tags.Opaque) && a.Risk == Risk.High && a.Verb == Verb.Unknown);
        actions.ShouldAllBe(a => a.Verb != Verb.Read);
    }

    [Fact]
    public void ClassifyRequestBody_DeeplyNestedJson_OpaqueWithoutCrash()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);
        GraphQLClassifier.ClassifyRequestBody(body).ShouldHaveSingleItem().HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void ClassifyRequestBody_ReadOnlyQuery_Read()
    {
        var action = GraphQLClassifier.ClassifyRequestBody("{\"query\":\"query{ me { id } }\"}").ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Read);
        action.Risk.ShouldBe(Risk.None);
    }

    [Fact]
    public void ClassifyRequestBody_MutationInGitHubStyleBody_HighDelete()
    {
        var action = GraphQLClassifier.ClassifyRequestBody(
            "{\"query\":\"mutation($input: DeleteRepositoryInput!) { deleteRepository(input: $input) { clientMutationId } }\",\"variables\":{\"input\":{\"repositoryId\":\"R_1\"}}}")
            .ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.High);
        action.Target.Id.ShouldBe("R_1");
    }
}
