using Gatehouse.Core.Policy;
using Gatehouse.Core.PolicyTools;

namespace Gatehouse.Core.Tests.PolicyTools;

public sealed class PolicyLinterTests
{
    private const string Routine = "@id(\"routine\")\npermit (principal, action, resource) when { context.risk <= 2 };\n";

    [Theory]
    [InlineData("@id(\"x\")\npermit (principal, action, resource) when { false };", "never-applies", LintSeverity.Warning)]
    [InlineData("@id(\"x\")\npermit (principal, action, resource) unless { true };", "never-applies", LintSeverity.Warning)]
    [InlineData("@id(\"x\")\npermit (principal, action, resource is Gatehouse::Agent);", "never-applies", LintSeverity.Warning)]
    [InlineData("@id(\"x\")\npermit (principal == Gatehouse::Resource::\"r\", action, resource);", "never-applies", LintSeverity.Warning)]
    [InlineData("@id(\"x\")\npermit (principal, action == Gatehouse::Action::\"destructive\", resource);", "never-applies", LintSeverity.Warning)]
    public void Lint_FaultyPolicy_ReportsFinding(string cedar, string code, LintSeverity severity)
    {
        var findings = PolicyLinter.Lint(PolicyToolsFixture.Snapshot(Routine + cedar));

        var finding = findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(code);
        finding.Severity.ShouldBe(severity);
        finding.Policy.ShouldBe("x");
        finding.Location.ShouldBe("test.cedar:3");
    }

    // Names the schema does not declare never reach the linter: the loader validates strictly, and lint
    // reports its failure as a load error (the CLI test checks the exit code).
    [Theory]
    [InlineData("@id(\"x\")\npermit (principal, action, resource) when { resource.colour == \"red\" };")]
    [InlineData("@id(\"x\")\npermit (principal, action, resource) when { resource.blast_radius.planets.contains(\"mars\") };")]
    [InlineData("@id(\"x\")\npermit (principal, action, resource) when { context.mood == 1 };")]
    [InlineData("@id(\"x\")\npermit (principal, action in Gatehouse::Action::\"obliterate\", resource);")]
    [InlineData("@id(\"x\")\npermit (principal, action, resource) when { action in Gatehouse::Action::\"obliterate\" };")]
    [InlineData("@id(\"x\")\npermit (principal, action, resource is Gatehouse::Volume);")]
    public void Load_NameTheSchemaDoesNotDeclare_IsRejectedBeforeLint(string cedar) =>
        Should.Throw<PolicyLoadException>(() => PolicyToolsFixture.Snapshot(Routine + cedar)).Message.ShouldContain("validate against the Gatehouse schema");

    [Fact]
    public void Lint_PermitUnderUnconditionedBroaderForbid_IsShadowed()
    {
        const string Cedar = """
            @id("allow-deletes")
            permit (principal, action == Gatehouse::Action::"delete", resource) when { context.risk <= 3 };
            @id("no-deletes")
            forbid (principal, action, resource);
            """;

        var finding = PolicyLinter.Lint(PolicyToolsFixture.Snapshot(Cedar)).ShouldHaveSingleItem();

        finding.Code.ShouldBe("shadowed");
        finding.Policy.ShouldBe("allow-deletes");
        finding.Message.ShouldContain("no-deletes");
    }

    [Fact]
    public void Lint_ForbidWithCondition_DoesNotShadow()
    {
        const string Cedar = """
            @id("allow-deletes")
            permit (principal, action == Gatehouse::Action::"delete", resource);
            @id("no-big-deletes")
            forbid (principal, action, resource) when { context.risk >= 4 };
            """;

        PolicyLinter.Lint(PolicyToolsFixture.Snapshot(Cedar)).ShouldBeEmpty();
    }

    [Fact]
    public void Lint_ApprovalPermitUnderUnconditionedAllow_IsShadowed()
    {
        const string Cedar = """
            @id("ask")
            @approval("1")
            permit (principal, action == Gatehouse::Action::"delete", resource);
            @id("allow-all")
            permit (principal, action, resource);
            """;

        var finding = PolicyLinter.Lint(PolicyToolsFixture.Snapshot(Cedar)).ShouldHaveSingleItem();

        finding.Code.ShouldBe("shadowed");
        finding.Policy.ShouldBe("ask");
    }

    [Fact]
    public void Lint_ExactDuplicate_IsReportedOnce()
    {
        const string Cedar = """
            @id("one")
            forbid (principal, action, resource) when { context.risk >= 4 };
            @id("two")
            forbid (principal, action, resource)   when { context.risk >= 4 };
            """;

        var finding = PolicyLinter.Lint(PolicyToolsFixture.Snapshot(Cedar)).ShouldHaveSingleItem();

        finding.Code.ShouldBe("duplicate");
        finding.Policy.ShouldBe("two");
    }

    [Fact]
    public void Lint_AttributeNameInsideString_IsNotAReference()
    {
        var cedar = Routine + "@id(\"x\")\nforbid (principal, action, resource) when { context.path == \"resource.colour\" };";

        PolicyLinter.Lint(PolicyToolsFixture.Snapshot(cedar)).ShouldBeEmpty();
    }

    [Fact]
    public void Lint_DefaultPolicySet_HasNoFindings() =>
        PolicyLinter.Lint(PolicyLoader.LoadDefault(TimeProvider.System)).ShouldBeEmpty();
}
