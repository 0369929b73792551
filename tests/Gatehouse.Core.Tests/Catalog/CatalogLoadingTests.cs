using System.Text.Json;
using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class CatalogLoadingTests
{
    private const string MinimalTool = """
        { "family": "demo", "tools": [ { "tool": "demo", "names": ["demo"], "rules": [ RULES ],
          "fallback": { "verb": "Unknown", "kind": "thing", "risk": "High", "tags": ["opaque"] } } ] }
        """;

    public static TheoryData<string> EmbeddedDocuments() => [.. ResourceNames()];

    [Fact]
    public void Default_EmbeddedCatalog_LoadsEveryFamily()
    {
        var catalog = ToolCatalog.Default;

        catalog.ShouldBeSameAs(ToolCatalog.Default);
        catalog.ToolCount.ShouldBeGreaterThan(60);
        ResourceNames().Count.ShouldBeGreaterThanOrEqualTo(10);
    }

    [Theory]
    [MemberData(nameof(EmbeddedDocuments))]
    public void Load_EachEmbeddedDocument_CompilesOnItsOwn(string resourceName)
    {
        var json = ReadResource(resourceName);

        var catalog = ToolCatalog.Load([json]);

        catalog.ToolCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Load_AllEmbeddedDocuments_RuleIdsAreUniqueAndDotted()
    {
        var ids = new List<string>();
        foreach (var name in ResourceNames())
        {
            using var document = JsonDocument.Parse(ReadResource(name), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            foreach (var tool in document.RootElement.GetProperty("tools").EnumerateArray())
            {
                foreach (var rule in tool.GetProperty("rules").EnumerateArray())
                {
                    ids.Add(rule.GetProperty("id").GetString()!);
                }
            }
        }

        ids.Count.ShouldBeGreaterThan(400);
        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(ids.Count);
        ids.ShouldAllBe(id => id.Length > 2 && !id.Contains(' ', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "id": "demo.a", "verb": "Delet", "kind": "x", "risk": "High" }""", "demo.a", "verb")]
    [InlineData("""{ "id": "demo.b", "verb": "Delete", "kind": "x", "risk": "Extreme" }""", "demo.b", "risk")]
    [InlineData("""{ "id": "demo.c", "verb": "Delete", "kind": "x", "risk": "High", "flags": ["-f"] }""", "demo.c", "flags")]
    [InlineData("""{ "id": "demo.d", "verb": "Delete", "risk": "High" }""", "demo.d", "kind")]
    [InlineData("""{ "id": "demo.e", "verb": "Delete", "kind": "x", "risk": "High", "when": [ { "flag": "-f", "positional": 1 } ] }""", "demo.e", "both")]
    [InlineData("""{ "id": "demo.f", "verb": "Delete", "kind": "x", "risk": "High", "target": ["column:3"] }""", "demo.f", "column:3")]
    [InlineData("""{ "id": "demo.g", "verb": "Delete", "kind": "x", "risk": "High", "paths": { "from": 0, "mode": "obliterate" } }""", "demo.g", "obliterate")]
    [InlineData("""{ "id": "demo.h", "verb": "Execute", "kind": "x", "risk": "Low", "delegate": [ { "language": "Cobol", "source": "Inline", "from": "flag:-c" } ] }""", "demo.h", "Cobol")]
    [InlineData("""{ "id": "demo.i", "verb": "Execute", "kind": "x", "risk": "Low", "delegate": [ { "language": "Sql", "source": "Inline" } ] }""", "demo.i", "from")]
    [InlineData("""{ "id": "demo.j", "verb": "Delete", "kind": "x", "risk": "High", "raise": [ { "flag": "-f" } ] }""", "demo.j", "raise")]
    [InlineData("""{ "id": "demo.k", "verb": "Delete", "kind": "x", "risk": "High", "when": [ { "positional": 0 } ] }""", "demo.k", "matches")]
    [InlineData("""{ "id": "demo.l", "verb": "Delete", "kind": "x", "risk": "2" }""", "demo.l", "risk")]
    public void Load_MalformedRule_ThrowsNamingTheRule(string rule, string ruleId, string detail)
    {
        var json = MinimalTool.Replace("RULES", rule, StringComparison.Ordinal);

        var exception = Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([json]));

        exception.Message.ShouldContain(ruleId);
        exception.Message.ShouldContain(detail);
        exception.Message.ShouldContain("document #1");
        exception.Message.ShouldContain("tool 'demo'");
    }

    [Fact]
    public void Load_DuplicateRuleId_Throws()
    {
        var rule = """{ "id": "demo.same", "verb": "Read", "kind": "x", "risk": "None" }""";
        var json = MinimalTool.Replace("RULES", rule + "," + rule, StringComparison.Ordinal);

        Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([json])).Message.ShouldContain("not unique");
    }

    [Fact]
    public void Load_SameCommandNameInTwoTools_Throws()
    {
        var json = MinimalTool.Replace("RULES", string.Empty, StringComparison.Ordinal);
        var other = json.Replace("\"tool\": \"demo\"", "\"tool\": \"demo2\"", StringComparison.Ordinal);

        Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([json, other])).Message.ShouldContain("already claimed");
    }

    [Fact]
    public void Load_ToolWithoutFallback_Throws()
    {
        var json = """{ "family": "demo", "tools": [ { "tool": "demo", "names": ["demo"], "rules": [] } ] }""";

        Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([json])).Message.ShouldContain("fallback");
    }

    [Fact]
    public void Load_InvalidJson_ThrowsNamingTheDocument()
    {
        var exception = Should.Throw<CatalogLoadException>(() => ToolCatalog.Load(["{}", "{ not json"]));

        exception.Message.ShouldContain("document #1");
    }

    [Fact]
    public void Load_BrokenSecondDocument_NamesIt()
    {
        var good = MinimalTool.Replace("RULES", string.Empty, StringComparison.Ordinal);

        var exception = Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([good, "{ not json"]));

        exception.Message.ShouldContain("document #2");
    }

    [Fact]
    public void Load_UserCatalog_MatchesItsOwnTool()
    {
        var rule = """{ "id": "demo.wipe", "args": ["wipe"], "when": [ { "noFlag": ["--dry-run"] } ], "verb": "Delete", "kind": "thing", "risk": "Critical", "target": ["positional:1"] }""";
        var catalog = ToolCatalog.Load([MinimalTool.Replace("RULES", rule, StringComparison.Ordinal)]);

        var match = catalog.Match("demo", [CommandLine.Literal("wipe"), CommandLine.Literal("prod")]);
        var dryRun = catalog.Match("demo", [CommandLine.Literal("wipe"), CommandLine.Literal("--dry-run")]);

        match.ShouldNotBeNull();
        match.RuleId.ShouldBe("demo.wipe");
        match.Actions.Single().Target.Id.ShouldBe("prod");
        dryRun.ShouldNotBeNull();
        dryRun.RuleId.ShouldBe("demo.unknown");
        catalog.Match("rm", []).ShouldBeNull();
    }

    private static List<string> ResourceNames() =>
        [.. typeof(ToolCatalog).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Gatehouse.Catalog.", StringComparison.Ordinal))];

    private static string ReadResource(string name)
    {
        using var stream = typeof(ToolCatalog).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
