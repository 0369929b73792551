using System.Text;
using Gatehouse.Core.GraphQL;

namespace Gatehouse.Core.Tests.Oracles;

/// <summary>
/// Every corpus document is parsed by Gatehouse and by graphql-js; operation types and names, root fields after
/// fragment expansion (name and alias, in order), the operation chosen for operationName, and whether the document
/// is refused at all must agree. The only tolerated difference is our nesting bound, on entries marked depth-limit.
/// </summary>
public sealed class GraphQLOracleTests
{
    private const int MinimumCorpusSize = 200;

    private static readonly Lazy<IReadOnlyList<GraphQLOracleCase>> Corpus =
        new(() => GraphQLOracleCorpus.Load(Path.Combine(GraphQLOracle.OracleDirectory, "corpus.txt")));

    private static readonly Lazy<IReadOnlyDictionary<string, GraphQLOracleResult>> OracleResults =
        new(() => GraphQLOracle.Run(Corpus.Value));

    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var item in Corpus.Value)
            {
                data.Add(item.Id);
            }

            return data;
        }
    }

    [Fact]
    public void Corpus_Loaded_HasAtLeast200Documents()
    {
        Corpus.Value.Count.ShouldBeGreaterThanOrEqualTo(MinimumCorpusSize);
    }

    [Fact]
    public void Corpus_DepthLimitEntries_FewAndExplained()
    {
        var depthLimited = Corpus.Value.Where(c => c.ExpectDepthLimit).ToList();
        depthLimited.Count.ShouldBeInRange(1, 10);
        depthLimited.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Note));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Parse_CorpusDocument_AgreesWithGraphQLJs(string id)
    {
        var item = Corpus.Value.Single(c => c.Id == id);
        var oracle = OracleResults.Value[id];
        var ours = GraphQLDocumentInspector.Inspect(item.Document, item.OperationName);
        var context = Describe(item, oracle, ours);

        if (item.ExpectDepthLimit)
        {
            oracle.Ok.ShouldBeTrue($"graphql-js should accept this depth-limit entry.{context}");
            ours.Ok.ShouldBeFalse($"We should refuse this depth-limit entry.{context}");
            ours.IsDepthLimit.ShouldBeTrue($"We should refuse it for its depth, not its grammar.{context}");
            return;
        }

        ours.IsDepthLimit.ShouldBeFalse($"Our depth bound hit a document not marked depth-limit.{context}");
        ours.Ok.ShouldBe(oracle.Ok, $"Accept/refuse disagrees.{context}");
        if (!oracle.Ok)
        {
            return;
        }

        ours.Operations.Count.ShouldBe(oracle.Operations.Count, $"Operation count differs.{context}");
        for (var i = 0; i < oracle.Operations.Count; i++)
        {
            var expected = oracle.Operations[i];
            var actual = ours.Operations[i];
            TypeName(actual.Type).ShouldBe(expected.Type, $"Operation {i} type differs.{context}");
            actual.Name.ShouldBe(expected.Name, $"Operation {i} name differs.{context}");
            var actualFields = actual.RootFields.Select(f => new GraphQLOracleField(f.Name, f.Alias)).ToList();
            actualFields.ShouldBe(expected.RootFields, $"Operation {i} root fields differ.{context}");
        }

        ours.SelectedOperation.ShouldBe(oracle.Selected, $"Selected operation differs.{context}");
    }

    private static string TypeName(GraphQLOperationType type) => type switch
    {
        GraphQLOperationType.Query => "query",
        GraphQLOperationType.Mutation => "mutation",
        GraphQLOperationType.Subscription => "subscription",
        _ => type.ToString(),
    };

    private static string Describe(GraphQLOracleCase item, GraphQLOracleResult oracle, GraphQLInspection ours)
    {
        var text = new StringBuilder();
        text.Append("\n  document: ").Append(item.Document.Length > 300 ? item.Document[..300] + "…" : item.Document);
        text.Append("\n  graphql-js: ").Append(oracle.Ok ? Summary(oracle.Operations.Select(o => (o.Type, o.Name, o.RootFields.Select(f => (f.Name, f.Alias))))) : "error: " + oracle.Error);
        text.Append("\n  gatehouse:  ").Append(ours.Ok ? Summary(ours.Operations.Select(o => (TypeName(o.Type), o.Name, o.RootFields.Select(f => (f.Name, f.Alias))))) : "error: " + ours.Error);
        return text.ToString();
    }

    private static string Summary(IEnumerable<(string Type, string? Name, IEnumerable<(string Name, string? Alias)> Fields)> operations) =>
        string.Join("; ", operations.Select(o =>
            $"{o.Type} {o.Name ?? "(anonymous)"} [{string.Join(", ", o.Fields.Select(f => f.Alias is null ? f.Name : $"{f.Alias}: {f.Name}"))}]"));
}
