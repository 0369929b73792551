using Gatehouse.Core.Http;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Http;

public sealed class HttpRequestClassifierTests
{
    private static HttpRequestDescription Request(string method, string url, string? body = null, bool opaque = false, params string[] headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            list.Add(new KeyValuePair<string, string>(header[..colon], header[(colon + 1)..].Trim()));
        }

        return new HttpRequestDescription(method, url, list, body, opaque);
    }

    private static AgentAction Single(HttpRequestDescription request) => HttpRequestClassifier.Classify(request).ShouldHaveSingleItem();

    [Theory]
    [InlineData("GET", Verb.Read, Risk.None)]
    [InlineData("HEAD", Verb.Read, Risk.None)]
    [InlineData("OPTIONS", Verb.Read, Risk.None)]
    [InlineData("get", Verb.Read, Risk.None)]
    [InlineData("POST", Verb.Create, Risk.Medium)]
    [InlineData("PUT", Verb.Update, Risk.Medium)]
    [InlineData("PATCH", Verb.Update, Risk.Medium)]
    [InlineData("DELETE", Verb.Delete, Risk.High)]
    [InlineData("PURGE", Verb.Unknown, Risk.High)]
    [InlineData("", Verb.Read, Risk.None)]
    public void Classify_Method_Baseline(string method, Verb verb, Risk risk)
    {
        var action = Single(Request(method, "https://api.example.com/v1/items/42"));
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
        action.Tool.ShouldBe("http");
        action.Path.ShouldBe("http");
        action.Target.Kind.ShouldBe("http-endpoint");
        action.Target.Id.ShouldBe("api.example.com/v1/items/42");
        action.EnvironmentHints.ShouldBe(["api.example.com"]);
    }

    [Fact]
    public void Classify_PocketOsRequest_CriticalVolumeDeleteThroughGraphQL()
    {
        var action = Single(Request("POST", "https://backboard.railway.app/graphql/v2",
            "{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol_abc\\\") }\"}", false,
            "Authorization: Bearer $RAILWAY_TOKEN", "Content-Type: application/json"));
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Kind.ShouldBe("volume");
        action.Target.Id.ShouldBe("vol_abc");
        action.Path.ShouldBe("http>graphql");
        action.Tool.ShouldBe("graphql");
        action.EnvironmentHints.ShouldContain("backboard.railway.app");
        action.RuleId.ShouldBe("graphql.railway.volumeDelete");
    }

    [Theory]
    [InlineData("https://backboard.railway.app/graphql/v2")]
    [InlineData("https://backboard.railway.com/graphql/v2")]
    [InlineData("https://backboard.railway.com/graphql/internal?q=1")]
    [InlineData("$RAILWAY_API/graphql/v2")]
    [InlineData("http://localhost:4000/graphql")]
    [InlineData("https://api.example.com/api/graphql")]
    public void Classify_ReadOnlyQueryToGraphQLEndpoint_Read(string url)
    {
        var action = Single(Request("POST", url, "{\"query\":\"query{ me { id } }\"}"));
        action.Verb.ShouldBe(Verb.Read);
        action.Risk.ShouldBe(Risk.None);
        action.Path.ShouldBe("http>graphql");
    }

    [Theory]
    [InlineData("https://backboard.railway.app/graphql/v2", "mutation { projectDelete(id: \"p\") }", Risk.Critical)]
    [InlineData("https://backboard.railway.com/graphql/v2", "mutation { environmentDelete(id: \"e\") }", Risk.Critical)]
    [InlineData("https://api.github.com/graphql", "mutation { deleteRepository(input: {repositoryId: \"r\"}) { clientMutationId } }", Risk.High)]
    [InlineData("https://api.fly.io/graphql", "mutation { deleteApp(appId: \"a\") { organization { id } } }", Risk.Critical)]
    [InlineData("https://hasura.internal/v1/graphql", "mutation { delete_users(where: {}) { affected_rows } }", Risk.Critical)]
    public void Classify_DestructiveMutationViaApplicationGraphQL_Delete(string url, string document, Risk risk)
    {
        var action = Single(Request("POST", url, document, false, "Content-Type: application/graphql"));
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(risk);
        action.Path.ShouldBe("http>graphql");
    }

    [Fact]
    public void Classify_BareDocumentBodyToGraphQLEndpoint_Classified()
    {
        var action = Single(Request("POST", "https://backboard.railway.app/graphql/v2", "mutation { volumeDelete(volumeId: \"v\") }"));
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
    }

    [Fact]
    public void Classify_GraphQLBodyToUnknownPath_StillDelegated()
    {
        var action = Single(Request("POST", "https://api.example.com/v1/query",
            "{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}"));
        action.Verb.ShouldBe(Verb.Delete);
        action.Path.ShouldBe("http>graphql");
    }

    [Fact]
    public void Classify_BatchedGraphQLBody_AllActions()
    {
        var actions = HttpRequestClassifier.Classify(Request("POST", "https://backboard.railway.app/graphql/v2",
            "[{\"query\":\"{ me { id } }\"},{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}]"));
        actions.Count.ShouldBe(2);
        actions.ShouldContain(a => a.Verb == Verb.Delete && a.Risk == Risk.Critical);
        actions.ShouldAllBe(a => a.Path == "http>graphql");
    }

    [Theory]
    [InlineData("https://backboard.railway.app/graphql/v2?query=mutation%20%7B%20volumeDelete(volumeId%3A%20%22v%22)%20%7D")]
    [InlineData("https://api.example.com/graphql?query=mutation+%7B+deleteUser(id%3A+1)+%7D")]
    [InlineData("https://api.example.com/search?query=mutation+%7B+deleteUser(id%3A+1)+%7D")]
    public void Classify_MutationViaGet_TaggedAndDestructive(string url)
    {
        var action = Single(Request("GET", url));
        action.Verb.ShouldBe(Verb.Delete);
        action.HasTag("mutation-via-get").ShouldBeTrue();
        action.Path.ShouldBe("http>graphql");
    }

    [Fact]
    public void Classify_QueryViaGet_ReadWithoutTag()
    {
        var action = Single(Request("GET", "https://api.example.com/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D"));
        action.Verb.ShouldBe(Verb.Read);
        action.HasTag("mutation-via-get").ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://api.example.com/search?query=shoes")]
    [InlineData("https://api.example.com/search?query=red%20shoes&page=2")]
    public void Classify_SearchQueryParameter_NotGraphQL(string url)
    {
        var action = Single(Request("GET", url));
        action.Verb.ShouldBe(Verb.Read);
        action.Path.ShouldBe("http");
    }

    [Fact]
    public void Classify_SearchJsonBodyWithQueryText_NotGraphQL()
    {
        var action = Single(Request("POST", "https://api.example.com/v1/search", "{\"query\":\"red shoes\"}"));
        action.Verb.ShouldBe(Verb.Create);
        action.Path.ShouldBe("http");
    }

    [Theory]
    [InlineData("https://backboard.railway.app/graphql/v2")]
    [InlineData("https://api.example.com/graphql")]
    [InlineData("$API/graphql")]
    public void Classify_OpaqueBodyToGraphQLEndpoint_OpaqueHigh(string url)
    {
        var action = Single(Request("POST", url, null, true));
        action.Verb.ShouldBe(Verb.Unknown);
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
        action.Path.ShouldBe("http>graphql");
    }

    [Fact]
    public void Classify_PersistedQueryToRailway_OpaqueHigh()
    {
        var action = Single(Request("POST", "https://backboard.railway.app/graphql/v2",
            "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}"));
        action.Risk.ShouldBe(Risk.High);
        action.HasTag("persisted-query").ShouldBeTrue();
    }

    [Fact]
    public void Classify_GarbageBodyToGraphQLEndpoint_OpaqueHigh()
    {
        var action = Single(Request("POST", "https://backboard.railway.app/graphql/v2", "{not json"));
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_OpaqueBodyToRestEndpoint_TaggedOpaque()
    {
        var action = Single(Request("POST", "https://api.example.com/v1/items", null, true));
        action.Verb.ShouldBe(Verb.Create);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Theory]
    [InlineData("POST", "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/deallocate", Verb.Update, Risk.High)]
    [InlineData("POST", "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/powerOff", Verb.Update, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/databases/db1/delete", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/servers/s1/destroy", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/servers/s1/stop", Verb.Update, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/servers/s1/terminate", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/cache/purge", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/db/reset", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/db/wipe", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/tables/t/drop", Verb.Delete, Risk.High)]
    [InlineData("POST", "https://compute.googleapis.com/compute/v1/projects/p/zones/z/instances/i1:stop", Verb.Update, Risk.High)]
    [InlineData("POST", "https://api.example.com/v1/servers/s1/restart", Verb.Update, Risk.Medium)]
    [InlineData("POST", "https://api.example.com/v1/keys/k/regenerateKey", Verb.Revoke, Risk.High)]
    [InlineData("GET", "https://api.example.com/docs/delete", Verb.Read, Risk.None)]
    public void Classify_ActionEndpoint_OverridesMethod(string method, string url, Verb verb, Risk risk)
    {
        var action = Single(Request(method, url));
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
    }

    [Theory]
    [InlineData("https://api.example.com/v1/volumes/vol-1", "volume", "vol-1")]
    [InlineData("https://api.example.com/v1/databases/main", "database", "main")]
    [InlineData("https://api.example.com/v1/buckets/b1", "bucket", "b1")]
    [InlineData("https://api.example.com/v1/indices/logs", "index", "logs")]
    [InlineData("https://api.example.com/v1/snapshots/s1", "snapshot", "s1")]
    [InlineData("https://api.example.com/v1/backups/b1", "backup", "b1")]
    public void Classify_DeleteOfDataStore_Critical(string url, string kind, string id)
    {
        var action = Single(Request("DELETE", url));
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Kind.ShouldBe(kind);
        action.Target.Id.ShouldBe(id);
    }

    [Fact]
    public void Classify_DeleteSnapshot_TagsDestroysBackups()
    {
        Single(Request("DELETE", "https://api.example.com/v1/snapshots/s1")).HasTag(Tags.DestroysBackups).ShouldBeTrue();
    }

    [Fact]
    public void Classify_MethodOverrideHeader_UsesOverriddenMethod()
    {
        var action = Single(Request("POST", "https://api.example.com/v1/items/1", null, false, "X-HTTP-Method-Override: DELETE"));
        action.Verb.ShouldBe(Verb.Delete);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("::::")]
    [InlineData("http://[::1")]
    [InlineData("%%%")]
    public void Classify_WeirdUrl_NeverThrows(string? url)
    {
        var actions = HttpRequestClassifier.Classify(new HttpRequestDescription("DELETE", url!, [], null, false));
        actions.ShouldNotBeEmpty();
        actions[0].Verb.ShouldNotBe(Verb.Read);
    }

    [Fact]
    public void Classify_NullHeaders_NeverThrows()
    {
        HttpRequestClassifier.Classify(new HttpRequestDescription("POST", "https://x.example/graphql", null!, "{\"query\":\"{ a }\"}", false))
            .ShouldHaveSingleItem().Verb.ShouldBe(Verb.Read);
    }

    [Fact]
    public void Classify_FormEncodedGraphQLBody_Classified()
    {
        var action = Single(Request("POST", "https://backboard.railway.app/graphql/v2",
            "query=mutation+%7B+volumeDelete(volumeId%3A+%22v%22)+%7D", false, "Content-Type: application/x-www-form-urlencoded"));
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
    }

    [Fact]
    public void Classify_DynamicHost_KeepsPlaceholderCase()
    {
        var action = Single(Request("POST", "$RAILWAY_API/graphql/v2", "{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}"));
        action.EnvironmentHints.ShouldContain("$RAILWAY_API");
        action.Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("DELETE", "https://management.azure.com/subscriptions/s1/resourceGroups/prod-rg?api-version=2021-04-01", "resource-group", Risk.Critical)]
    [InlineData("DELETE", "https://sqladmin.googleapis.com/v1/projects/p/instances/main-db", "database", Risk.Critical)]
    [InlineData("DELETE", "https://storage.googleapis.com/storage/v1/b/my-bucket", "bucket", Risk.Critical)]
    [InlineData("POST", "http://localhost:9200/logs-2026/_delete_by_query", "search-index", Risk.Critical)]
    public void Classify_CloudProviderDelete_Classified(string method, string url, string kind, Risk risk)
    {
        var action = Single(Request(method, url));
        action.Target.Kind.ShouldBe(kind);
        action.Risk.ShouldBe(risk);
        action.Verb.ShouldBe(Verb.Delete);
    }

    [Fact]
    public void Classify_DeeplyNestedJsonToGraphQLEndpoint_OpaqueHigh()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);
        var action = Single(Request("POST", "https://backboard.railway.app/graphql/v2", body));
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_MegabyteGraphQLBody_BoundedAndCorrect()
    {
        var document = "mutation { " + string.Concat(Enumerable.Repeat("serviceUpdate(id: \\\"s\\\", input: {}) ", 30_000)) + "projectDelete(id: \\\"p\\\") }";
        var body = "{\"query\":\"" + document + "\"}";
        body.Length.ShouldBeGreaterThan(1_000_000);
        var actions = HttpRequestClassifier.Classify(Request("POST", "https://backboard.railway.app/graphql/v2", body));
        actions.ShouldContain(a => a.Verb == Verb.Delete && a.Risk == Risk.Critical);
    }

    [Fact]
    public void Classify_MegabyteUrl_DoesNotThrow()
    {
        var url = "https://api.example.com/x?" + string.Concat(Enumerable.Repeat("a=%41&", 200_000));
        Single(Request("DELETE", url)).Verb.ShouldBe(Verb.Delete);
    }

    [Fact]
    public void Classify_GraphQLShapedBodyToRestDeleteEndpoint_ReportsRestDelete()
    {
        var actions = HttpRequestClassifier.Classify(Request("POST", "https://api.example.com/v1/databases/db1/delete", "{\"query\":\"{ me { id } }\"}"));
        actions.ShouldContain(a => a.Verb == Verb.Delete && a.Risk == Risk.High && a.Path == "http");
    }
}
