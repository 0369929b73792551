using Gatehouse.Core.Model;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

public sealed class PolicyTestSuiteReaderTests
{
    [Theory]
    [InlineData("cases:\n  - command: ls\n    expect: [allow\n", "invalid YAML")]
    [InlineData("cases:\n  - command: ls\n    expext: allow\n", "suite.yaml:3:5: unknown key 'expext'")]
    [InlineData("cases:\n  - command: ls\n", "suite.yaml:2:5: a case needs 'expect")]
    [InlineData("cases:\n  - command: ls\n    expect: maybe\n", "suite.yaml:3:13: unknown decision 'maybe'")]
    [InlineData("cases:\n  - command: ls\n    action: { verb: read, kind: file }\n    expect: allow\n", "exactly one of 'command'")]
    [InlineData("cases:\n  - command: rm x\n    expect: deny\n    approvers: 2\n", "'approvers' only makes sense")]
    [InlineData("cases:\n  - action: { verb: obliterate, kind: file }\n    expect: deny\n", "suite.yaml:2:21: unknown verb 'obliterate'")]
    [InlineData("cases: []\n", "non-empty 'cases'")]
    [InlineData("nme: x\ncases:\n  - command: ls\n    expect: allow\n", "suite.yaml:1:1: unknown key 'nme'")]
    [InlineData("time: yesterday\ncases:\n  - command: ls\n    expect: allow\n", "suite.yaml:1:7: 'yesterday' is not a date")]
    public void Parse_MalformedSuite_ThrowsLocatedError(string yaml, string expected)
    {
        var exception = Should.Throw<PolicyTestFormatException>(() => PolicyTestSuiteReader.Parse(yaml, "suite.yaml"));

        exception.Message.ShouldStartWith("suite.yaml:");
        exception.Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_DeeplyNestedDocument_FailsCleanly()
    {
        var yaml = "cases: " + new string('[', 10_000) + new string(']', 10_000);

        var exception = Should.Throw<PolicyTestFormatException>(() => PolicyTestSuiteReader.Parse(yaml, "deep.yaml"));

        exception.Message.ShouldContain("nesting deeper");
    }

    [Fact]
    public void Parse_FullCase_ReadsEveryField()
    {
        const string Yaml = """
            name: sample
            env: staging
            inventory: inv/inventory.yaml
            time: 2025-07-18T09:00:00Z
            cases:
              - name: a graphql mutation
                kind: graphql
                input: 'mutation { volumeDelete(volumeId: "v") }'
                expect: approve
                approvers: 2
                policies: [a, b]
                context: { code_freeze: [production], reason: release }
              - action: { verb: delete, kind: volume, id: v1, tags: [destroys-backups] }
                env: production
                inventory: none
                expect: deny
            """;

        var suite = PolicyTestSuiteReader.Parse(Yaml, "/suites/s.yaml");

        suite.Name.ShouldBe("sample");
        var first = suite.Cases[0];
        first.Kind.ShouldBe(InputKind.GraphQL);
        first.Environment.ShouldBe("staging");
        first.Inventory!.Path.ShouldBe(Path.GetFullPath("/suites/inv/inventory.yaml"));
        first.Expected.ShouldBe(new ExpectedOutcome(Decision.Approve, 2, first.Expected.Policies));
        first.Expected.Policies.ShouldBe(["a", "b"]);
        first.Context!.Context.CodeFreezes.Single().Environments.ShouldBe(["production"]);
        first.Time.ShouldBe(new DateTimeOffset(2025, 7, 18, 9, 0, 0, TimeSpan.Zero));
        var second = suite.Cases[1];
        second.Action!.Verb.ShouldBe(Verb.Delete);
        second.Action.Reversible.ShouldBeFalse();
        second.Action.Risk.ShouldBe(Risk.High);
        second.Action.Tags.ShouldBe(["destroys-backups"]);
        second.Environment.ShouldBe("production");
        second.Inventory.ShouldBeNull();
        second.Location.ShouldBe("/suites/s.yaml:13");
    }

    [Fact]
    public void Load_InvalidUtf8_ThrowsReadableError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gh-suite-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [.. "cases:\n  - command: ls \xFF\n"u8, 0xFF, 0xFE]);
        try
        {
            Should.Throw<PolicyTestFormatException>(() => PolicyTestSuiteReader.Load(path)).Message.ShouldContain("cannot read");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
