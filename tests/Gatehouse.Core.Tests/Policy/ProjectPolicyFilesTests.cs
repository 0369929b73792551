using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.Policy;

public sealed class ProjectPolicyFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gatehouse-policy-files-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Discover_NestedProjects_NearestGatehouseDirectoryWins()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".gatehouse", "policies"));
        Directory.CreateDirectory(Path.Combine(_root, "service", ".gatehouse"));
        File.WriteAllText(Path.Combine(_root, "service", ".gatehouse", "inventory.yaml"), "environments: []\n");
        Directory.CreateDirectory(Path.Combine(_root, "service", "src", "deep"));

        var files = ProjectPolicyFiles.Discover(Path.Combine(_root, "service", "src", "deep"));

        files.Root.ShouldBe(Path.Combine(_root, "service", ".gatehouse"));
        files.PolicyPath.ShouldBeNull();
        files.InventoryPath.ShouldBe(Path.Combine(_root, "service", ".gatehouse", "inventory.yaml"));
    }

    [Fact]
    public void Load_EmptyPoliciesDirectory_FailsInsteadOfFallingBackToDefaults()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".gatehouse", "policies"));

        Should.Throw<PolicyLoadException>(() => ProjectPolicyFiles.Discover(_root).Load(TimeProvider.System));
    }

    [Theory]
    [InlineData("ls -la", Decision.Allow)]
    [InlineData("cat README.md", Decision.Allow)]
    [InlineData("cat ~/.aws/credentials", Decision.Deny)]
    [InlineData("git commit -m wip", Decision.Deny)]
    [InlineData("rm -rf build", Decision.Deny)]
    public void FailureDecider_PoliciesDidNotLoad_OnlyPlainReadsPass(string command, Decision expected)
    {
        var decider = new PolicyFailureDecider("policies/x.cedar:1:1: error: broken");
        var classification = ActionClassifier.Classify(InputKind.Shell, command);

        var verdict = decider.Decide(classification, DecisionContext.Anonymous(TimeProvider.System));

        verdict.Decision.ShouldBe(expected);
        verdict.Reason.ShouldContain("policies/x.cedar:1:1");
    }
}
