using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class PathSelectionTests
{
    private const string CopyTool = """
        { "family": "demo", "tools": [ { "tool": "copy", "names": ["copy"], "valueFlags": ["-t", "-o"], "rules": [
          { "id": "copy.out", "when": [ { "flag": ["-o"] } ], "verb": "Create", "kind": "file", "risk": "Low", "paths": [ { "select": "Flags", "flags": ["-o"], "mode": "write" } ] },
          { "id": "copy.files", "verb": "Create", "kind": "file", "risk": "Low",
            "paths": [ { "select": "Sources", "flags": ["-t"], "mode": "read" }, { "select": "Destination", "flags": ["-t"], "mode": "write" } ] } ],
          "fallback": { "verb": "Unknown", "kind": "thing", "risk": "High", "tags": ["opaque"] } } ] }
        """;

    private static readonly ToolCatalog Catalog = ToolCatalog.Load([CopyTool]);

    private static IReadOnlyList<AgentAction> Actions(params string[] words) =>
        Catalog.Match("copy", [.. words.Select(CommandLine.Literal)])!.Actions;

    [Theory]
    [InlineData(new[] { "a", "b", ".claude/settings.json" }, ".claude/settings.json", Risk.Critical)]
    [InlineData(new[] { "a", "/etc/sudoers" }, "/etc/sudoers", Risk.High)]
    [InlineData(new[] { "-t", ".gatehouse", "a", "b" }, ".gatehouse", Risk.Critical)]
    [InlineData(new[] { "a.txt", "b.txt" }, "b.txt", Risk.Low)]
    [InlineData(new[] { "-o", "/usr/local/bin/tool" }, "/usr/local/bin/tool", Risk.High)]
    public void Match_Destination_IsJudgedAsWrite(string[] words, string destination, Risk risk)
    {
        var actions = Actions(words);

        actions.ShouldContain(a => a.Target.Id == destination && a.Risk == risk);
    }

    [Fact]
    public void Match_TargetDirectoryOption_EveryPositionalIsASource()
    {
        var actions = Actions("-t", "out", "~/.ssh/id_rsa", "b");

        actions.Select(a => a.Target.Id).ShouldBe(["~/.ssh/id_rsa", "b", "out"], ignoreOrder: true);
        actions.Single(a => a.Target.Id == "~/.ssh/id_rsa").HasTag(Tags.CredentialAccess).ShouldBeTrue();
    }

    [Fact]
    public void Match_SingleOperand_HasNoDestinationAndStaysLow()
    {
        var actions = Actions("a");

        actions.ShouldHaveSingleItem().Risk.ShouldBe(Risk.Low);
        actions[0].HasTag(Tags.DynamicTarget).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""[]""", "empty array")]
    [InlineData("""{ "select": "Middle", "mode": "write" }""", "paths.select")]
    public void Load_BadPathSpec_IsRejected(string paths, string message)
    {
        var json = CopyTool.Replace("""[ { "select": "Flags", "flags": ["-o"], "mode": "write" } ]""", paths, StringComparison.Ordinal);

        Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([json])).Message.ShouldContain(message);
    }
}
