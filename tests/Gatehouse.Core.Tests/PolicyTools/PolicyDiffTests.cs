using Gatehouse.Core.Model;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

public sealed class PolicyDiffTests
{
    private const string Routine = "@id(\"routine\")\npermit (principal, action, resource) when { context.risk <= 2 };\n";
    private const string Ask = "@id(\"ask\")\n@approval(\"1\")\npermit (principal, action, resource) when { context.risk == 3 };\n";

    private static readonly IReadOnlyList<CorpusEntry> Corpus = CorpusReader.ParseJsonLines(
        """
        {"id":"ls","input":"ls -la"}
        {"id":"force","kind":"shell","input":"git push --force origin main","env":"development"}
        {"id":"root","input":"rm -rf /"}
        """,
        "corpus.jsonl");

    [Fact]
    public void Run_SamePolicies_ChangesNothing()
    {
        var report = PolicyDiff.Run(PolicyToolsFixture.Snapshot(Routine + Ask), PolicyToolsFixture.Snapshot(Routine + Ask), Corpus, TimeProvider.System);

        report.Total.ShouldBe(3);
        report.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Run_RemovedApprovalPermit_ListsTheChangeWithBothSides()
    {
        var report = PolicyDiff.Run(PolicyToolsFixture.Snapshot(Routine + Ask), PolicyToolsFixture.Snapshot(Routine), Corpus, TimeProvider.System);

        var change = report.Changes.ShouldHaveSingleItem();
        change.Entry.Id.ShouldBe("force");
        change.Old.Decision.ShouldBe(Decision.Approve);
        change.Old.Policies.ShouldBe(["ask"]);
        change.New.Decision.ShouldBe(Decision.Deny);
        change.New.Policies.ShouldBeEmpty();
    }

    [Fact]
    public void Run_StricterApproval_IsAChangeEvenWithTheSameDecision()
    {
        var stricter = Ask.Replace("@approval(\"1\")", "@approval(\"2\")", StringComparison.Ordinal);

        var report = PolicyDiff.Run(PolicyToolsFixture.Snapshot(Routine + Ask), PolicyToolsFixture.Snapshot(Routine + stricter), Corpus, TimeProvider.System);

        var change = report.Changes.ShouldHaveSingleItem();
        change.Old.Approval!.Approvers.ShouldBe(1);
        change.New.Approval!.Approvers.ShouldBe(2);
    }

    [Theory]
    [InlineData("{\"id\":\"1\"}", "corpus.jsonl:1: \"input\" must be a string")]
    [InlineData("\n{\"input\":\"ls\",\"kind\":\"cobol\"}", "corpus.jsonl:2: unknown kind 'cobol'")]
    [InlineData("{\"input\":", "corpus.jsonl:1: invalid JSON")]
    [InlineData("[1]", "corpus.jsonl:1: each line must be a JSON object")]
    public void ParseJsonLines_BadLine_ThrowsLocatedError(string text, string expected) =>
        Should.Throw<PolicyTestFormatException>(() => CorpusReader.ParseJsonLines(text, "corpus.jsonl")).Message.ShouldStartWith(expected);

    [Fact]
    public void ParseYaml_LabeledCorpus_ReadsEveryCommand()
    {
        var entries = CorpusReader.ParseYaml("cases:\n  - command: ls\n    expect: allow\n    note: x\n  - command: rm -rf /\n    expect: deny\n", "c.yaml");

        entries.Select(e => e.Input).ShouldBe(["ls", "rm -rf /"]);
        entries[1].Id.ShouldBe("c.yaml:5");
    }
}
