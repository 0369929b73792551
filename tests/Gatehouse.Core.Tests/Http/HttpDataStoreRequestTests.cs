using Gatehouse.Core.Http;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Http;

/// <summary>Search clusters, key-value stores, PostgREST filters, SQL-carrying APIs and generic REST deletes.</summary>
public sealed class HttpDataStoreRequestTests
{
    private static IReadOnlyList<AgentAction> Classify(string method, string url, string? body = null, bool opaque = false, params string[] headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            list.Add(new KeyValuePair<string, string>(header[..colon], header[(colon + 1)..].Trim()));
        }

        return HttpRequestClassifier.Classify(new HttpRequestDescription(method, url, list, body, opaque));
    }

    private static AgentAction Single(string method, string url, string? body = null) => Classify(method, url, body).ShouldHaveSingleItem();

    [Theory]
    [InlineData("http://localhost:9200/_all", "search-index")]
    [InlineData("http://localhost:9200/*", "search-index")]
    [InlineData("https://api.example.com/logs-2026.*", "search-index")]
    [InlineData("http://localhost:9200/orders", "search-index")]
    [InlineData("https://es.internal.acme.io/orders", "search-index")]
    [InlineData("https://search-logs-abc.us-east-1.es.amazonaws.com/orders", "search-index")]
    [InlineData("https://opensearch.acme.io/_data_stream/logs", "search-data-stream")]
    [InlineData("http://localhost:9200/_snapshot/backups/nightly-1", "snapshot")]
    public void Classify_SearchClusterDeletion_Critical(string url, string kind)
    {
        var action = Single("DELETE", url);
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("https://api.example.com/orders")]
    [InlineData("http://localhost:9200/orders/_doc/42")]
    [InlineData("http://localhost:9200/_security/user/alice")]
    public void Classify_DeleteThatIsNotAnIndexDrop_High(string url)
    {
        Single("DELETE", url).Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("localhost:9200/orders/_delete_by_query", "{\"query\":{\"match_all\":{}}}")]
    [InlineData("localhost:9200/orders/_delete_by_query", "{}")]
    [InlineData("localhost:9200/orders/_delete_by_query", null)]
    [InlineData("localhost:9200/orders/_delete_by_query?q=*", null)]
    [InlineData("localhost:9200/orders/_delete_by_query", "{\"query\":{\"match_all\":{\"boost\":1.0}},\"max_docs\":")]
    public void Classify_DeleteByQueryMatchingEverything_CriticalAllRows(string url, string? body)
    {
        var action = Single("POST", url, body);
        action.Risk.ShouldBe(Risk.Critical);
        action.HasTag(Tags.AllRows).ShouldBeTrue();
    }

    [Theory]
    [InlineData("localhost:9200/orders/_delete_by_query", "{\"query\":{\"term\":{\"status\":\"cancelled\"}}}")]
    [InlineData("localhost:9200/orders/_delete_by_query?q=status:cancelled", null)]
    public void Classify_DeleteByQueryWithRealQuery_High(string url, string? body)
    {
        Single("POST", url, body).Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("DELETE", "http://localhost:8500/v1/kv/?recurse", null)]
    [InlineData("DELETE", "http://consul:8500/v1/kv/config/app?recurse=true", null)]
    [InlineData("DELETE", "http://127.0.0.1:2379/v2/keys/registry?recursive=true", null)]
    [InlineData("POST", "http://127.0.0.1:2379/v3/kv/deleterange", "{\"key\":\"AA==\",\"range_end\":\"AA==\"}")]
    [InlineData("DELETE", "https://vault.acme.io/v1/secret/metadata/prod/db", null)]
    public void Classify_KeyValueStoreTreeDeletion_Critical(string method, string url, string? body)
    {
        var action = Single(method, url, body);
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("DELETE", "http://localhost:8500/v1/kv/config/app", null)]
    [InlineData("DELETE", "http://localhost:8500/v1/kv/config?recurse=false", null)]
    [InlineData("POST", "http://127.0.0.1:2379/v3/kv/deleterange", "{\"key\":\"Zm9v\"}")]
    public void Classify_KeyValueStoreSingleKeyDeletion_High(string method, string url, string? body)
    {
        Single(method, url, body).Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=gt.0")]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=gte.0")]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=not.is.null")]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?name=like.*&select=id")]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders")]
    [InlineData("PATCH", "https://acme.supabase.co/rest/v1/orders?id=gt.-1")]
    public void Classify_PostgRestWriteMatchingEveryRow_CriticalAllRows(string method, string url)
    {
        var action = Single(method, url);
        action.Risk.ShouldBe(Risk.Critical);
        action.HasTag(Tags.AllRows).ShouldBeTrue();
    }

    [Theory]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=eq.42", Risk.High)]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=gt.1000", Risk.High)]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=gt.0&status=eq.void", Risk.High)]
    [InlineData("DELETE", "https://acme.supabase.co/rest/v1/orders?id=gt.0&limit=10", Risk.High)]
    [InlineData("PATCH", "https://acme.supabase.co/rest/v1/orders?id=eq.42", Risk.Medium)]
    public void Classify_PostgRestWriteWithSpecificFilter_NotAllRows(string method, string url, Risk risk)
    {
        var action = Single(method, url);
        action.Risk.ShouldBe(risk);
        action.HasTag(Tags.AllRows).ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://hasura.acme.io/v2/query", "{\"type\":\"run_sql\",\"args\":{\"sql\":\"DROP TABLE orders CASCADE;\"}}")]
    [InlineData("https://hasura.acme.io/v1/query", "{\"type\":\"bulk\",\"args\":[{\"type\":\"run_sql\",\"args\":{\"sql\":\"SELECT 1\"}},{\"type\":\"run_sql\",\"args\":{\"sql\":\"TRUNCATE orders\"}}]}")]
    [InlineData("http://localhost:8080/v2/query", "{\"type\":\"pg_run_sql\",\"args\":{\"source\":\"default\",\"sql\":\"DELETE FROM orders\"}}")]
    [InlineData("https://api.supabase.com/v1/projects/abcd/database/query", "{\"query\":\"DROP SCHEMA public CASCADE\"}")]
    public void Classify_DestructiveSqlInBody_CriticalThroughSqlClassifier(string url, string body)
    {
        var actions = Classify("POST", url, body);
        actions.ShouldContain(a => a.Risk == Risk.Critical && a.Path.StartsWith("http>sql", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_HasuraReadOnlySql_Read()
    {
        var actions = Classify("POST", "https://hasura.acme.io/v2/query", "{\"type\":\"run_sql\",\"args\":{\"sql\":\"SELECT count(*) FROM orders\"}}");
        actions.ShouldAllBe(a => a.Risk <= Risk.Low);
        actions.ShouldContain(a => a.Verb == Verb.Read);
    }

    [Fact]
    public void Classify_HasuraBodyFromFile_NotRead()
    {
        var action = Classify("POST", "https://hasura.acme.io/v2/query", null, opaque: true).ShouldHaveSingleItem();
        action.HasTag(Tags.Opaque).ShouldBeTrue();
        action.Verb.ShouldNotBe(Verb.Read);
    }

    [Theory]
    [InlineData("DELETE", "https://api.acme.io/v1/projects/7")]
    [InlineData("DELETE", "https://api.acme.io/v1/clusters/c1")]
    [InlineData("DELETE", "https://api.acme.io/v1/environments/staging")]
    [InlineData("DELETE", "https://api.acme.io/v1/users/42")]
    public void Classify_GenericRestDeleteOnUnknownHost_High(string method, string url)
    {
        var action = Single(method, url);
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.High);
    }

    [Fact]
    public void Classify_MethodOverrideOnGenericProject_High()
    {
        var action = Classify("POST", "https://api.acme.io/v1/projects/7", null, false, "X-HTTP-Method-Override: DELETE").ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.High);
    }
}
