using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using static Gatehouse.Core.Tests.Policy.PolicyTestKit;

namespace Gatehouse.Core.Tests.Policy;

public sealed class PolicySnapshotCacheTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gatehouse-cache-");

    private string CacheDirectory => System.IO.Path.Combine(_directory.FullName, "cache");

    private string PolicyDirectory => System.IO.Path.Combine(_directory.FullName, "policies");

    private string InventoryPath => System.IO.Path.Combine(PolicyTestKit.RepositoryRoot, "examples", "replit", "inventory.yaml");

    private string ContextPath => System.IO.Path.Combine(PolicyTestKit.RepositoryRoot, "examples", "replit", "code-freeze.yaml");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_FirstTime_WritesOneEntryTheNextLoadReads()
    {
        var cache = new PolicySnapshotCache(CacheDirectory);

        PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System, cache);

        Directory.GetFiles(CacheDirectory).Length.ShouldBe(1);
        cache.TryRead(PolicySources.Read(null, InventoryPath, ContextPath)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("psql \"$DATABASE_URL\" -c 'DROP TABLE companies'", "development")]
    [InlineData("psql \"$DATABASE_URL\" -c 'SELECT * FROM companies'", "development")]
    [InlineData("rm -rf /", null)]
    [InlineData("git status", null)]
    [InlineData("cat .env", null)]
    public void Load_FromTheCache_DecidesExactlyAsACompiledLoad(string command, string? declared)
    {
        var cache = new PolicySnapshotCache(CacheDirectory);
        var compiled = PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System);
        PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System, cache);
        var cached = PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System, cache);
        var classification = ActionClassifier.Classify(InputKind.Shell, command, declared);

        var expected = new PolicyDecider(compiled).Decide(classification, Context(declared));
        var actual = new PolicyDecider(cached).Decide(classification, Context(declared));

        actual.Decision.ShouldBe(expected.Decision);
        actual.Rules.ShouldBe(expected.Rules);
        actual.Reason.ShouldBe(expected.Reason);
        cached.PolicyNames.ShouldBe(compiled.PolicyNames);
        cached.Context.CodeFreezes.Count.ShouldBe(compiled.Context.CodeFreezes.Count);
    }

    [Fact]
    public void Load_CachedCodeFreeze_StillBlocksProduction()
    {
        var cache = new PolicySnapshotCache(CacheDirectory);
        PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System, cache);
        var cached = PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System, cache);

        var verdict = new PolicyDecider(cached).Decide(
            ActionClassifier.Classify(InputKind.Shell, "psql \"$DATABASE_URL\" -c 'DROP TABLE companies'", "development"),
            Context("development"));

        verdict.Decision.ShouldBe(Decision.Deny);
        cached.Context.CodeFreezes.ShouldHaveSingleItem().Environments.ShouldBe(["production"]);
    }

    [Fact]
    public void Load_PolicyEditedAfterCaching_CompilesTheNewText()
    {
        Directory.CreateDirectory(PolicyDirectory);
        var file = System.IO.Path.Combine(PolicyDirectory, "main.cedar");
        File.WriteAllText(file, """@id("deny-all") forbid (principal, action, resource);""");
        var cache = new PolicySnapshotCache(CacheDirectory);
        PolicyLoader.Load(PolicyDirectory, null, null, TimeProvider.System, cache);

        File.WriteAllText(file, """@id("allow-all") permit (principal, action, resource);""");
        var reloaded = PolicyLoader.Load(PolicyDirectory, null, null, TimeProvider.System, cache);

        reloaded.PolicyNames.ShouldBe(["allow-all"]);
        Decide(reloaded, Action(Verb.Delete, Risk.Critical)).Decision.ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Load_EditThatNoLongerValidates_IsALoadErrorDespiteTheCachedEntry()
    {
        Directory.CreateDirectory(PolicyDirectory);
        var file = System.IO.Path.Combine(PolicyDirectory, "main.cedar");
        File.WriteAllText(file, """@id("allow-all") permit (principal, action, resource);""");
        var cache = new PolicySnapshotCache(CacheDirectory);
        PolicyLoader.Load(PolicyDirectory, null, null, TimeProvider.System, cache);

        File.WriteAllText(file, """permit (principal, action, resource) when { resource.no_such_attribute };""");

        Should.Throw<PolicyLoadException>(() => PolicyLoader.Load(PolicyDirectory, null, null, TimeProvider.System, cache)).Message.ShouldContain("schema");
    }

    [Fact]
    public void Load_PolicyThatDoesNotValidate_IsNeverCached()
    {
        Directory.CreateDirectory(PolicyDirectory);
        File.WriteAllText(System.IO.Path.Combine(PolicyDirectory, "main.cedar"), """permit (principal, action, resource) when { context.risk == "high" };""");
        var cache = new PolicySnapshotCache(CacheDirectory);

        Should.Throw<PolicyLoadException>(() => PolicyLoader.Load(PolicyDirectory, null, null, TimeProvider.System, cache));

        Directory.Exists(CacheDirectory).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("{\"version\":1}")]
    [InlineData("[1,2,3]")]
    public void TryRead_CorruptEntry_IsAMissAndTheNextLoadRepairsIt(string content)
    {
        var (cache, entry, sources) = CacheOneLoad(InventoryPath);

        File.WriteAllText(entry, content);

        cache.TryRead(sources).ShouldBeNull();
        PolicyLoader.Load(null, InventoryPath, null, TimeProvider.System, cache).InventorySource.ShouldBe(InventoryPath);
        cache.TryRead(sources).ShouldNotBeNull();
    }

    [Fact]
    public void TryRead_EntryFromAnotherBuild_IsAMiss()
    {
        var (cache, entry, sources) = CacheOneLoad(null);

        File.WriteAllBytes(entry, SnapshotCacheFormat.Write("another-build", new CachedSnapshot(sources, null, null)));

        cache.TryRead(sources).ShouldBeNull();
    }

    [Fact]
    public void TryRead_EntryWithoutTheInventoryItsSourcesName_IsAMiss()
    {
        var (cache, entry, sources) = CacheOneLoad(InventoryPath);

        // Sources that name an inventory, with no parsed inventory: using it would silently resolve from the input alone.
        File.WriteAllBytes(entry, SnapshotCacheFormat.Write(PolicySnapshotCache.BuildIdentity, new CachedSnapshot(sources, null, null)));

        cache.TryRead(sources).ShouldBeNull();
        PolicyLoader.Load(null, InventoryPath, null, TimeProvider.System, cache).Targets.ShouldBeOfType<InventoryTargetFacts>();
    }

    [Fact]
    public void Load_CacheDirectoryUnwritable_StillLoads()
    {
        // A file where the directory should be: every write fails, and that only costs time.
        File.WriteAllText(CacheDirectory, "in the way");
        var cache = new PolicySnapshotCache(System.IO.Path.Combine(CacheDirectory, "snapshots"));

        PolicyLoader.Load(null, InventoryPath, ContextPath, TimeProvider.System, cache).PolicySource.ShouldBe(PolicyLoader.DefaultSource);
        cache.TryRead(PolicySources.Read(null, InventoryPath, ContextPath)).ShouldBeNull();
    }

    [Fact]
    public void Location_DifferentProjects_UseDifferentEntries()
    {
        var cache = new PolicySnapshotCache(CacheDirectory);

        PolicyLoader.Load(null, null, null, TimeProvider.System, cache);
        PolicyLoader.Load(null, InventoryPath, null, TimeProvider.System, cache);

        Directory.GetFiles(CacheDirectory).Length.ShouldBe(2);
    }

    [Fact]
    public void ForUser_XdgCacheHome_IsHonouredOnlyWhenAbsolute()
    {
        var saved = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", _directory.FullName);
            PolicySnapshotCache.ForUser().ShouldNotBeNull().Directory.ShouldBe(System.IO.Path.Combine(_directory.FullName, "gatehouse", "snapshots"));

            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "relative/dir");
            PolicySnapshotCache.ForUser().ShouldNotBeNull().Directory.ShouldEndWith(System.IO.Path.Combine(".cache", "gatehouse", "snapshots"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", saved);
        }
    }

    /// <summary>Loads the default policies (and <paramref name="inventoryPath"/>) through a fresh cache: its one entry and the sources it holds.</summary>
    private (PolicySnapshotCache Cache, string Entry, PolicySources Sources) CacheOneLoad(string? inventoryPath)
    {
        var cache = new PolicySnapshotCache(CacheDirectory);
        PolicyLoader.Load(null, inventoryPath, null, TimeProvider.System, cache);
        return (cache, Directory.GetFiles(CacheDirectory).ShouldHaveSingleItem(), PolicySources.Read(null, inventoryPath, null));
    }
}
