using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.GraphQL;

public sealed class GraphQLClassifierMutationTests
{
    [Theory]
    [InlineData("mutation { volumeDelete(volumeId: \"vol_abc\") }", "volume", "vol_abc")]
    [InlineData("mutation{volumeDelete(volumeId:\"vol_abc\")}", "volume", "vol_abc")]
    [InlineData("mutation Kill { volumeDelete(volumeId: \"v1\") }", "volume", "v1")]
    [InlineData("mutation { projectDelete(id: \"p1\") }", "project", "p1")]
    [InlineData("mutation { environmentDelete(id: \"e1\") }", "environment", "e1")]
    [InlineData("mutation { projectScheduleDeleteForce(id: \"p2\") }", "project", "p2")]
    [InlineData("mutation { projectScheduleDelete(id: \"p3\") }", "project", "p3")]
    [InlineData("mutation { volumeInstanceBackupDelete(volumeInstanceBackupId: \"b1\", volumeInstanceId: \"vi\") }", "backup", "b1")]
    [InlineData("mutation { databaseReset(id: \"db\") }", "database", "db")]
    [InlineData("mutation { pluginDelete(id: \"pl\") }", "plugin", "pl")]
    [InlineData("mutation { teamDelete(id: \"t\") }", "team", "t")]
    [InlineData("mutation { workspaceDelete(id: \"w\") }", "workspace", "w")]
    [InlineData("mutation { userDelete }", "user", null)]
    [InlineData("mutation { volumeInstanceDelete(volumeInstanceId: \"vi1\") }", "volume-instance", "vi1")]
    public void Classify_RailwayCriticalDeletion_IsCriticalDelete(string document, string kind, string? id)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Kind.ShouldBe(kind);
        action.Target.Id.ShouldBe(id);
        action.Tool.ShouldBe("graphql");
        action.Path.ShouldBe("graphql");
        action.Reversible.ShouldBeFalse();
        action.RuleId.ShouldStartWith("graphql.railway.");
    }

    [Fact]
    public void Classify_PocketOsVolumeDelete_TagsDestroysBackups()
    {
        var action = GraphQLClassifier.Classify("mutation { volumeDelete(volumeId: \"3f1c\") }").ShouldHaveSingleItem();
        action.HasTag(Tags.DestroysBackups).ShouldBeTrue();
        action.RuleId.ShouldBe("graphql.railway.volumeDelete");
    }

    [Theory]
    [InlineData("mutation { serviceDelete(id: \"s1\", environmentId: \"env-prod\") }", "service", "s1")]
    [InlineData("mutation { deploymentRemove(id: \"d1\") }", "deployment", "d1")]
    [InlineData("mutation { variableDelete(input: { name: \"DATABASE_URL\", projectId: \"p\", environmentId: \"e\", serviceId: \"s\" }) }", "variable", "DATABASE_URL")]
    [InlineData("mutation { customDomainDelete(id: \"cd\") }", "domain", "cd")]
    [InlineData("mutation { serviceDomainDelete(id: \"sd\") }", "domain", "sd")]
    [InlineData("mutation { tcpProxyDelete(id: \"tp\") }", "tcp-proxy", "tp")]
    public void Classify_RailwayHighDeletion_IsHighDelete(string document, string kind, string id)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.High);
        action.Target.Kind.ShouldBe(kind);
        action.Target.Id.ShouldBe(id);
    }

    [Theory]
    [InlineData("mutation { apiTokenDelete(id: \"tok\") }", Verb.Revoke, Risk.High)]
    [InlineData("mutation { projectTokenDelete(id: \"tok\") }", Verb.Revoke, Risk.High)]
    [InlineData("mutation { deploymentStop(id: \"d\") }", Verb.Update, Risk.High)]
    [InlineData("mutation { deploymentRollback(id: \"d\") }", Verb.Deploy, Risk.High)]
    [InlineData("mutation { deploymentRestart(id: \"d\") }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { serviceInstanceRedeploy(serviceId: \"s\", environmentId: \"e\") }", Verb.Deploy, Risk.Medium)]
    [InlineData("mutation { volumeInstanceBackupScheduleUpdate(volumeInstanceId: \"vi\", kinds: []) }", Verb.Update, Risk.High)]
    [InlineData("mutation { environmentPatchCommit(environmentId: \"e\") }", Verb.Update, Risk.High)]
    [InlineData("mutation { apiTokenCreate(input: { name: \"x\" }) }", Verb.Grant, Risk.High)]
    [InlineData("mutation { variableUpsert(input: { name: \"A\", value: \"1\" }) }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { projectTransfer(projectId: \"p\", input: {}) }", Verb.Update, Risk.High)]
    public void Classify_RailwayCatalogField_UsesCatalogVerbAndRisk(string document, Verb verb, Risk risk)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
    }

    [Fact]
    public void Classify_VariableCollectionUpsertWithReplace_IsCriticalDelete()
    {
        var action = GraphQLClassifier.Classify(
            "mutation { variableCollectionUpsert(input: { projectId: \"p\", environmentId: \"e\", serviceId: \"s\", replace: true, variables: { A: \"1\" } }) }")
            .ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.HasTag(Tags.AllResources).ShouldBeTrue();
        action.Target.Id.ShouldBe("s");
    }

    [Theory]
    [InlineData("mutation { variableCollectionUpsert(input: { projectId: \"p\", serviceId: \"s\", variables: { A: \"1\" } }) }")]
    [InlineData("mutation { variableCollectionUpsert(input: { projectId: \"p\", serviceId: \"s\", replace: false, variables: {} }) }")]
    public void Classify_VariableCollectionUpsertWithoutReplace_IsMediumUpdate(string document)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Update);
        action.Risk.ShouldBe(Risk.Medium);
    }

    [Fact]
    public void Classify_VariableCollectionUpsertReplaceThroughVariables_IsCritical()
    {
        var action = GraphQLClassifier.Classify(
            "mutation Up($input: VariableCollectionUpsertInput!) { variableCollectionUpsert(input: $input) }",
            null,
            "{\"input\": {\"serviceId\": \"svc\", \"replace\": true, \"variables\": {}}}").ShouldHaveSingleItem();
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Id.ShouldBe("svc");
    }

    [Fact]
    public void Classify_VolumeInstanceBackupRestoreWithWipe_IsCritical()
    {
        var action = GraphQLClassifier.Classify(
            "mutation { volumeInstanceBackupRestore(volumeInstanceBackupId: \"b\", volumeInstanceId: \"vi\", wipeServiceIds: [\"s\"]) }").ShouldHaveSingleItem();
        action.Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("mutation { k: volumeDelete(volumeId: \"v\") }")]
    [InlineData("mutation { innocent: volumeDelete(volumeId: \"v\") }")]
    [InlineData("mutation { me: volumeDelete(volumeId: \"v\") }")]
    [InlineData("mutation { a: volumeDelete(volumeId: \"v\") b: volumeDelete(volumeId: \"v\") }")]
    public void Classify_AliasedDelete_StillDelete(string document)
    {
        var actions = GraphQLClassifier.Classify(document);
        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(a => a.Verb == Verb.Delete && a.Risk == Risk.Critical && a.Target.Id == "v");
    }

    [Theory]
    [InlineData("mutation { ...Boom } fragment Boom on Mutation { volumeDelete(volumeId: \"v\") }")]
    [InlineData("fragment Boom on Mutation { volumeDelete(volumeId: \"v\") } mutation { ...Boom }")]
    [InlineData("mutation { ... on Mutation { volumeDelete(volumeId: \"v\") } }")]
    [InlineData("mutation { ... { volumeDelete(volumeId: \"v\") } }")]
    [InlineData("mutation { ... @include(if: true) { volumeDelete(volumeId: \"v\") } }")]
    [InlineData("mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { ... on Mutation { x: volumeDelete(volumeId: \"v\") } }")]
    [InlineData("mutation { volumeDelete(volumeId: \"v\") @skip(if: true) }")]
    [InlineData("mutation M @dir { volumeDelete(volumeId: \"v\") }")]
    public void Classify_DeleteThroughFragmentsOrDirectives_StillCritical(string document)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Id.ShouldBe("v");
    }

    [Fact]
    public void Classify_SeveralRootFields_OneActionEach()
    {
        var actions = GraphQLClassifier.Classify(
            "mutation { serviceUpdate(id: \"s\", input: {}) volumeDelete(volumeId: \"v\") projectCreate(input: {name: \"n\"}) }");
        actions.Count.ShouldBe(3);
        actions[0].Verb.ShouldBe(Verb.Update);
        actions[1].Verb.ShouldBe(Verb.Delete);
        actions[2].Verb.ShouldBe(Verb.Create);
    }

    [Fact]
    public void Classify_NestedSelectionOfDeleteNamedField_OnlyRootCounts()
    {
        var action = GraphQLClassifier.Classify("mutation { projectUpdate(id: \"p\", input: {}) { id deleteAfter volumeDelete } }").ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Update);
    }

    [Theory]
    [InlineData("mutation($id: String!) { volumeDelete(volumeId: $id) }", "{\"id\": \"vol_var\"}", "vol_var")]
    [InlineData("mutation($id: String! = \"vol_default\") { volumeDelete(volumeId: $id) }", null, "vol_default")]
    [InlineData("mutation($id: String! = \"vol_default\") { volumeDelete(volumeId: $id) }", "{\"id\": \"vol_given\"}", "vol_given")]
    [InlineData("mutation($id: String!) { volumeDelete(volumeId: $id) }", null, "$id")]
    [InlineData("mutation($id: String!) { volumeDelete(volumeId: $id) }", "not json", "$id")]
    [InlineData("mutation($p: String!) { projectDelete(id: $p) }", "{\"p\": 42}", "42")]
    public void Classify_IdThroughVariables_Resolved(string document, string? variables, string expectedId)
    {
        var action = GraphQLClassifier.Classify(document, null, variables).ShouldHaveSingleItem();
        action.Target.Id.ShouldBe(expectedId);
        action.Verb.ShouldBe(Verb.Delete);
    }

    [Fact]
    public void Classify_ServiceDeleteWithEnvironment_CarriesEnvironmentHint()
    {
        var action = GraphQLClassifier.Classify("mutation($e: String!) { serviceDelete(id: \"s\", environmentId: $e) }", null, "{\"e\":\"production-env\"}")
            .ShouldHaveSingleItem();
        action.EnvironmentHints.ShouldContain("production-env");
    }

    [Theory]
    [InlineData("query Q { me { id } } mutation M { volumeDelete(volumeId: \"v\") }", "M", Verb.Delete)]
    [InlineData("query Q { me { id } } mutation M { volumeDelete(volumeId: \"v\") }", "Q", Verb.Read)]
    public void Classify_OperationName_SelectsOperation(string document, string operationName, Verb verb)
    {
        var action = GraphQLClassifier.Classify(document, operationName).ShouldHaveSingleItem();
        action.Verb.ShouldBe(verb);
    }

    [Theory]
    [InlineData("query Q { me { id } } mutation M { volumeDelete(volumeId: \"v\") }", null)]
    [InlineData("query Q { me { id } } mutation M { volumeDelete(volumeId: \"v\") }", "Missing")]
    [InlineData("query Q { me { id } } mutation M { volumeDelete(volumeId: \"v\") }", "")]
    public void Classify_AmbiguousOperation_ClassifiesAll(string document, string? operationName)
    {
        var actions = GraphQLClassifier.Classify(document, operationName);
        actions.Count.ShouldBe(2);
        actions.ShouldContain(a => a.Verb == Verb.Delete && a.Risk == Risk.Critical);
    }

    [Theory]
    [InlineData("mutation { deleteRepository(input: {repositoryId: \"r\"}) { clientMutationId } }", "repository")]
    [InlineData("mutation { delete_users(where: {id: {_eq: 1}}) { affected_rows } }", "users")]
    [InlineData("mutation { removeMember(id: \"m\") }", "member")]
    [InlineData("mutation { destroyCluster(id: \"c\") }", "cluster")]
    [InlineData("mutation { dropTable(name: \"t\") }", "table")]
    [InlineData("mutation { purgeCache }", "cache")]
    [InlineData("mutation { wipeDevice(id: \"d\") }", "device")]
    [InlineData("mutation { truncateLogs }", "logs")]
    [InlineData("mutation { eraseDisk(id: \"d\") }", "disk")]
    [InlineData("mutation { clearQueue(id: \"q\") }", "queue")]
    [InlineData("mutation { terminateInstance(id: \"i\") }", "instance")]
    [InlineData("mutation { killJob(id: \"j\") }", "job")]
    [InlineData("mutation { uninstallApp(id: \"a\") }", "app")]
    [InlineData("mutation { resetDatabase(id: \"d\") }", "database")]
    [InlineData("mutation { bucket_remove(id: \"b\") }", "bucket")]
    [InlineData("mutation { DeleteVolume(id: \"v\") }", "volume")]
    [InlineData("mutation { deleteAPIKey(id: \"k\") }", "api-key")]
    [InlineData("mutation { softDeleteUser(id: \"u\") }", "user")]
    [InlineData("mutation { deleteUserById(id: \"u\") }", "user")]
    [InlineData("mutation { nodeDelete(id: \"n\") }", "node")]
    public void Classify_UnknownProviderDestructiveName_IsHighDelete(string document, string kind)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        ((int)action.Risk).ShouldBeGreaterThanOrEqualTo((int)Risk.High);
        action.Target.Kind.ShouldBe(kind);
        action.RuleId.ShouldBe("graphql.mutation.delete");
        action.Reversible.ShouldBeFalse();
    }

    [Theory]
    [InlineData("mutation { deleteAllUsers }")]
    [InlineData("mutation { delete_users(where: {}) { affected_rows } }")]
    [InlineData("mutation { deleteManyPosts(where: null) { count } }")]
    public void Classify_UnboundedBulkDelete_IsCritical(string document)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("mutation { revokeToken(id: \"t\") }", Verb.Revoke, Risk.High)]
    [InlineData("mutation { createIssue(input: {title: \"x\"}) { id } }", Verb.Create, Risk.Medium)]
    [InlineData("mutation { addStar(input: {starrableId: \"x\"}) { clientMutationId } }", Verb.Create, Risk.Medium)]
    [InlineData("mutation { insert_todos(objects: [{title: \"a\"}]) { affected_rows } }", Verb.Create, Risk.Medium)]
    [InlineData("mutation { newPost(title: \"a\") }", Verb.Create, Risk.Medium)]
    [InlineData("mutation { updateUser(id: 1, name: \"a\") { id } }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { setStatus(s: ACTIVE) }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { upsertProfile(p: {}) }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { patchConfig(c: {}) }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { editComment(id: 1) }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { renameBranch(from: \"a\", to: \"b\") }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { serviceUpdate(id: \"s\", input: {}) }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { projectCreate(input: {name: \"x\"}) { id } }", Verb.Create, Risk.Medium)]
    [InlineData("mutation { deployService(id: \"s\") }", Verb.Deploy, Risk.Medium)]
    [InlineData("mutation { stopServer(id: \"s\") }", Verb.Update, Risk.High)]
    [InlineData("mutation { archiveProject(id: \"p\") }", Verb.Update, Risk.High)]
    [InlineData("mutation { detachVolume(id: \"v\") }", Verb.Update, Risk.High)]
    [InlineData("mutation { disconnectRepo(id: \"r\") }", Verb.Update, Risk.High)]
    [InlineData("mutation { frobnicate(id: \"x\") }", Verb.Unknown, Risk.High)]
    [InlineData("mutation { login(user: \"u\", password: \"p\") { token } }", Verb.Update, Risk.Medium)]
    [InlineData("mutation { doTheThing }", Verb.Unknown, Risk.High)]
    public void Classify_MutationNameVerb_Mapped(string document, Verb verb, Risk risk)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
        action.Verb.ShouldNotBe(Verb.Read);
    }

    [Theory]
    [InlineData("mutation { clearanceUpdate(id: 1) }", Verb.Update)]
    [InlineData("mutation { dropdownSet(id: 1) }", Verb.Update)]
    [InlineData("mutation { killswitchEnable }", Verb.Update)]
    [InlineData("mutation { createOrDeleteThing }", Verb.Delete)]
    [InlineData("mutation { updateAndRemoveThing }", Verb.Delete)]
    public void Classify_WordBoundaries_RespectWholeWords(string document, Verb verb)
    {
        GraphQLClassifier.Classify(document).ShouldHaveSingleItem().Verb.ShouldBe(verb);
    }

    [Fact]
    public void Classify_GenericDeleteWithInputId_FindsId()
    {
        var action = GraphQLClassifier.Classify("mutation($i: DeleteInput!) { deleteProject(input: $i) { clientMutationId } }", null, "{\"i\":{\"projectId\":\"PRJ_1\"}}")
            .ShouldHaveSingleItem();
        action.Target.Kind.ShouldBe("project");
        action.Target.Id.ShouldBe("PRJ_1");
    }

    [Fact]
    public void Classify_GenericDeleteWithEnvironmentArgument_Hinted()
    {
        var action = GraphQLClassifier.Classify("mutation { deleteSecret(name: \"db\", environment: \"production\") }").ShouldHaveSingleItem();
        action.EnvironmentHints.ShouldContain("production");
        action.Target.Id.ShouldBe("db");
    }

    [Fact]
    public void Classify_MutationTypename_ReadAlongsideRealField()
    {
        var actions = GraphQLClassifier.Classify("mutation { __typename volumeDelete(volumeId: \"v\") }");
        actions.Count.ShouldBe(2);
        actions[0].Verb.ShouldBe(Verb.Read);
        actions[1].Risk.ShouldBe(Risk.Critical);
    }
}
