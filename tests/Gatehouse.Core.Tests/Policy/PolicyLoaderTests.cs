using Gatehouse.Core.Policy;
using static Gatehouse.Core.Tests.Policy.PolicyTestKit;

namespace Gatehouse.Core.Tests.Policy;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void LoadDefault_EmbeddedSet_LoadsEveryPolicyWithItsName()
    {
        var snapshot = PolicyLoader.LoadDefault(TimeProvider.System);

        snapshot.PolicySource.ShouldBe(PolicyLoader.DefaultSource);
        snapshot.PolicyNames.ShouldContain("routine-work");
        snapshot.PolicyNames.ShouldContain("no-backup-destruction");
        snapshot.PolicyNames.Count.ShouldBe(snapshot.Policies.Policies.Count);
    }

    [Fact]
    public void Build_SyntaxErrorInSecondFile_NamesThatFileAndLine()
    {
        var exception = Should.Throw<PolicyLoadException>(() => PolicyLoader.Build(
            [("a.cedar", "permit (principal, action, resource);\n"), ("b.cedar", "permit (principal, action, resource);\n\nforbid (principal action, resource);\n")],
            "dir", InputTargetFacts.Instance, PolicyContext.Empty, null, TimeProvider.System));

        exception.Message.ShouldContain("b.cedar:3");
    }

    [Theory]
    [InlineData("""@approval("zero") permit (principal, action, resource);""", "@approval")]
    [InlineData("""@approval("0") permit (principal, action, resource);""", "@approval")]
    [InlineData("""@approval("1") @ttl("soon") permit (principal, action, resource);""", "@ttl")]
    [InlineData("""@approval("1") @cooldown("5") permit (principal, action, resource);""", "@cooldown")]
    [InlineData("""@approval("1") @approvers(" , ") permit (principal, action, resource);""", "@approvers")]
    [InlineData("""@ttl("15m") permit (principal, action, resource);""", "without @approval")]
    [InlineData("""@approval("1") forbid (principal, action, resource);""", "forbid")]
    public void Build_BadApprovalAnnotation_IsALoadError(string cedar, string expected) =>
        Should.Throw<PolicyLoadException>(() => Snapshot(cedar)).Message.ShouldContain(expected);

    [Fact]
    public void Build_DuplicateIdAnnotation_IsALoadError() =>
        Should.Throw<PolicyLoadException>(() => Snapshot("""
            @id("same") permit (principal, action, resource);
            @id("same") forbid (principal, action, resource);
            """)).Message.ShouldContain("same");

    [Fact]
    public void Build_NoFiles_IsALoadError() =>
        Should.Throw<PolicyLoadException>(() => PolicyLoader.Build([], "empty", InputTargetFacts.Instance, PolicyContext.Empty, null, TimeProvider.System));

    [Fact]
    public void Build_UnnamedPolicy_IsNamedByFileAndLine() =>
        Snapshot("\n\npermit (principal, action, resource);").PolicyNames.ShouldBe(["test.cedar:3"]);

    [Fact]
    public void Load_MissingPolicyPath_IsALoadError() =>
        Should.Throw<PolicyLoadException>(() => PolicyLoader.Load("/nonexistent/policies", null, null, TimeProvider.System)).Message.ShouldContain("/nonexistent/policies");

    [Fact]
    public void Load_BrokenInventory_IsALoadError()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "resources: [ {id: x} ]\n");
            Should.Throw<PolicyLoadException>(() => PolicyLoader.Load(null, path, null, TimeProvider.System)).Message.ShouldContain("inventory");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_PolicyDirectory_ReadsEveryCedarFileInOrder()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-policies-");
        try
        {
            File.WriteAllText(System.IO.Path.Combine(directory.FullName, "b.cedar"), """@id("b") forbid (principal, action, resource);""");
            File.WriteAllText(System.IO.Path.Combine(directory.FullName, "a.cedar"), """@id("a") permit (principal, action, resource);""");
            File.WriteAllText(System.IO.Path.Combine(directory.FullName, "notes.txt"), "not a policy");

            PolicyLoader.Load(directory.FullName, null, null, TimeProvider.System).PolicyNames.ShouldBe(["a", "b"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("permit (principal, action, resource) when { resource.no_such_attribute };")]
    [InlineData("permit (principal, action, resource) when { context.risk == \"high\" };")]
    [InlineData("permit (principal, action == Gatehouse::Action::\"obliterate\", resource);")]
    public void Build_PolicyOutsideTheSchema_IsALoadError(string cedar) =>
        Should.Throw<PolicyLoadException>(() => Snapshot(cedar)).Message.ShouldContain("schema");
}
