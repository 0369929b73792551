using BenchmarkDotNet.Attributes;
using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Benchmarks;

/// <summary>The nested-language classifiers on their own: a typical SQL statement and a GraphQL request body.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class NestedLanguageBenchmarks
{
    private const string Select = "SELECT u.id, u.email, count(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id "
        + "WHERE u.created_at > now() - interval '30 days' AND u.status = 'active' GROUP BY u.id, u.email ORDER BY orders DESC LIMIT 50";

    private const string Delete = "WITH gone AS (DELETE FROM sessions WHERE expires_at < now() RETURNING id) SELECT count(*) FROM gone";

    private const string RailwayMutation = "{\"query\":\"mutation volumeDelete($id: String!) { volumeDelete(volumeId: $id) }\",\"variables\":{\"id\":\"vol_8f2c\"}}";

    [Benchmark]
    public int SqlSelect() => SqlClassifier.Classify(Select).Count;

    [Benchmark]
    public int SqlDeleteInCte() => SqlClassifier.Classify(Delete).Count;

    [Benchmark]
    public Verb GraphQLRequestBody() => GraphQLClassifier.ClassifyRequestBody(RailwayMutation)[0].Verb;
}
