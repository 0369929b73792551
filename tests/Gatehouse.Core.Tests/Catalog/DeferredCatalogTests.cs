using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Catalog;

/// <summary>The embedded catalog compiles each tool on first use; it must answer exactly as a catalog compiled up front.</summary>
public sealed class DeferredCatalogTests
{
    private const string BrokenRuleTool = """
        { "family": "demo", "tools": [
          { "tool": "demo", "names": ["demo"], "rules": [ { "id": "demo.bad", "verb": "Delet", "kind": "x", "risk": "High" } ],
            "fallback": { "verb": "Unknown", "kind": "thing", "risk": "High", "tags": ["opaque"] } },
          { "tool": "fine", "names": ["fine"], "rules": [],
            "fallback": { "verb": "Read", "kind": "thing", "risk": "None" } } ] }
        """;

    public static TheoryData<string, string[]> Invocations() => new()
    {
        { "git", ["status"] },
        { "git", ["push", "--force", "origin", "main"] },
        { "rm", ["-rf", "/"] },
        { "kubectl", ["delete", "ns", "prod"] },
        { "terraform", ["destroy"] },
        { "psql", ["-c", "DROP TABLE users"] },
        { "aws", ["s3", "rm", "s3://bucket", "--recursive"] },
        { "./node_modules/.bin/prisma", ["migrate", "reset"] },
        { "Remove-Item", ["-Recurse", "C:\\data"] },
        { "no-such-tool", ["x"] },
    };

    [Fact]
    public void Default_EveryCommandName_ResolvesToTheSameToolAsAnEagerLoad()
    {
        var eager = EagerEmbedded();
        var names = eager.Tools.SelectMany(tool => tool.Names.Select(name => (name.TrimEnd('*'), tool.Tool))).ToList();

        names.Count.ShouldBeGreaterThan(100);
        foreach (var (name, tool) in names)
        {
            ToolCatalog.Default.Knows(name).ShouldBeTrue(name);
            var deferred = ToolCatalog.Default.Match(name, []);
            var expected = eager.Match(name, []);
            deferred.ShouldNotBeNull(name);
            deferred.RuleId.ShouldBe(expected!.RuleId, $"{name} ({tool})");
        }
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public void Default_Invocation_MatchesEagerLoad(string command, string[] arguments)
    {
        var words = arguments.Select(CommandLine.Literal).ToArray();

        var deferred = ToolCatalog.Default.Match(command, words);
        var expected = EagerEmbedded().Match(command, words);

        deferred?.RuleId.ShouldBe(expected?.RuleId);
        deferred?.Actions.Select(a => (a.Verb, a.Risk, a.Target.Kind, a.Target.Id)).ShouldBe(expected!.Actions.Select(a => (a.Verb, a.Risk, a.Target.Kind, a.Target.Id)));
        (deferred is null).ShouldBe(expected is null);
    }

    [Fact]
    public void LoadDeferred_BrokenTool_OtherToolsWorkAndTheBrokenOneFailsClosed()
    {
        var catalog = CatalogLoader.Load([("demo.json", BrokenRuleTool)], deferCompilation: true);

        catalog.Match("fine", [])!.RuleId.ShouldBe("fine.unknown");
        catalog.Knows("demo").ShouldBeTrue();
        var broken = catalog.Match("demo", [CommandLine.Literal("x")]);
        broken.ShouldNotBeNull();
        broken.RuleId.ShouldBe("catalog.error");
        broken.Actions.Single().Risk.ShouldBe(Risk.High);
        broken.Actions.Single().Tags.ShouldContain(Tags.Opaque);
    }

    [Fact]
    public void LoadEager_BrokenTool_ThrowsNamingDocumentAndRule()
    {
        var exception = Should.Throw<CatalogLoadException>(() => CatalogLoader.Load([("demo.json", BrokenRuleTool)]));

        exception.Message.ShouldContain("demo.json");
        exception.Message.ShouldContain("demo.bad");
    }

    [Fact]
    public void LoadDeferred_NameClaimedTwice_StillThrowsAtLoad()
    {
        var twice = BrokenRuleTool.Replace("\"names\": [\"fine\"]", "\"names\": [\"demo\"]", StringComparison.Ordinal);

        Should.Throw<CatalogLoadException>(() => CatalogLoader.Load([("demo.json", twice)], deferCompilation: true))
            .Message.ShouldContain("already claimed");
    }

    private static ToolCatalog EagerEmbedded()
    {
        var assembly = typeof(ToolCatalog).Assembly;
        var documents = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Gatehouse.Catalog.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            documents.Add((name, reader.ReadToEnd()));
        }

        return CatalogLoader.Load(documents);
    }
}
