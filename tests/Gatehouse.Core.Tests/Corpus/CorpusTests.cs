using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.Tests.Corpus;

/// <summary>Runs the labeled corpus (tests/corpus) through classification and the default Cedar policy set.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in CorpusLoader.All.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void CorpusCase_Classified_MatchesExpectation(string id)
    {
        var corpusCase = CorpusLoader.All[id];
        var classification = ActionClassifier.Classify(InputKind.Shell, corpusCase.Command);
        var verdict = PolicyDecider.Default.Decide(classification, DecisionContext.Anonymous(TimeProvider.System));
        var decided = WireNames.Of(verdict.Decision);
        var summary = $"{id}: {corpusCase.Command}\n  expected {corpusCase.Expect} ({corpusCase.Note})\n  got {decided}: {verdict.Reason}\n  actions: "
            + string.Join("; ", classification.Actions.Select(a => $"{WireNames.Of(a.Verb)} {a.Target.Kind} {a.Target.Id} [{a.Path}] {a.RuleId} risk={WireNames.Of(a.Risk)}"));

        var expected = corpusCase.Expect;
        var matches = expected == "block" ? verdict.Decision != Decision.Allow : decided == expected;
        matches.ShouldBeTrue(summary);

        if (corpusCase.Verb is { } verb)
        {
            classification.Actions.Any(a => WireNames.Of(a.Verb) == verb).ShouldBeTrue($"no action with verb {verb}. {summary}");
        }

        if (corpusCase.Target is { } target)
        {
            classification.Actions.Any(a => a.Target.Kind == target).ShouldBeTrue($"no action on a {target}. {summary}");
        }

        if (corpusCase.Path is { } path)
        {
            classification.Actions.Any(a => a.Path.Contains(path, StringComparison.Ordinal)).ShouldBeTrue($"no action through {path}. {summary}");
        }
    }

    [Fact]
    public void Corpus_EveryCase_IsWellFormed()
    {
        string[] decisions = ["allow", "approve", "deny", "block"];
        foreach (var (id, corpusCase) in CorpusLoader.All)
        {
            decisions.ShouldContain(corpusCase.Expect, $"{id} has expect '{corpusCase.Expect}'");
            corpusCase.Note.ShouldNotBeNullOrWhiteSpace($"{id} has no note");
        }
    }

    [Fact]
    public void Corpus_Groups_HaveTheAgreedSize()
    {
        var counts = CorpusLoader.All.Keys.GroupBy(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).ToDictionary(g => g.Key, g => g.Count());
        counts.Keys.ShouldBe(["bypass", "destructive", "edge", "everyday"], ignoreOrder: true);
        counts.Values.Sum().ShouldBeGreaterThanOrEqualTo(800);
    }
}
