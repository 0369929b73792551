using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using static Gatehouse.Core.Tests.Policy.PolicyTestKit;

namespace Gatehouse.Core.Tests.Policy;

public sealed class PolicySnapshotStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gatehouse-store-");

    private string PolicyFile => System.IO.Path.Combine(_directory.FullName, "policy.cedar");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Reload_ValidChange_SwapsTheSnapshot()
    {
        File.WriteAllText(PolicyFile, """@id("deny-all") forbid (principal, action, resource);""");
        using var store = PolicySnapshotStore.ForPaths(PolicyFile, null, null, TimeProvider.System);
        var decider = new PolicyDecider(store);
        Decide(decider).ShouldBe(Decision.Deny);

        File.WriteAllText(PolicyFile, """@id("allow-all") permit (principal, action, resource);""");

        store.Reload().ShouldBeTrue();
        store.LastError.ShouldBeNull();
        Decide(decider).ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsTheLastGoodSnapshotAndSaysWhy()
    {
        File.WriteAllText(PolicyFile, """@id("allow-all") permit (principal, action, resource);""");
        using var store = PolicySnapshotStore.ForPaths(PolicyFile, null, null, TimeProvider.System);
        var before = store.Current;
        string? reported = null;
        store.Reloaded += (_, e) => reported = e.Error;

        File.WriteAllText(PolicyFile, "permit (principal, action resource);");

        store.Reload().ShouldBeFalse();
        store.Current.ShouldBeSameAs(before);
        store.LastError.ShouldNotBeNull().ShouldContain("policy.cedar");
        reported.ShouldBe(store.LastError);
    }

    [Fact]
    public void Constructor_BrokenFirstLoad_Throws()
    {
        File.WriteAllText(PolicyFile, "forbid (");

        Should.Throw<PolicyLoadException>(() => PolicySnapshotStore.ForPaths(PolicyFile, null, null, TimeProvider.System));
    }

    [Fact]
    public async Task Watch_FileRewritten_ReloadsWithoutBeingAsked()
    {
        File.WriteAllText(PolicyFile, """@id("deny-all") forbid (principal, action, resource);""");
        using var store = PolicySnapshotStore.ForPaths(PolicyFile, null, null, TimeProvider.System);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += (_, e) =>
        {
            if (e.Error is null && e.Current.PolicyNames.Contains("allow-all"))
            {
                reloaded.TrySetResult();
            }
        };
        store.Watch();

        File.WriteAllText(PolicyFile, """@id("allow-all") permit (principal, action, resource);""");

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Decide(new PolicyDecider(store)).ShouldBe(Decision.Allow);
    }

    private static Decision Decide(PolicyDecider decider) =>
        decider.Decide(new Classification([Action(Verb.Update, Risk.Low)], []), Context()).Decision;
}
