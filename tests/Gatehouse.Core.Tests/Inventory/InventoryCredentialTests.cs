using Gatehouse.Core.Model;
using static Gatehouse.Core.Tests.Inventory.InventoryFixtures;

namespace Gatehouse.Core.Tests.Inventory;

public sealed class InventoryCredentialTests
{
    private const string Layout = """
        environments: [development, staging, production]
        resources:
          - {id: app-db, kind: database, environments: [development, production]}
          - {id: web, kind: service, environments: [staging]}
        credentials:
          - id: database-url
            scopes: {resources: [app-db]}
            recognized_by: {env_vars: [DATABASE_URL]}
          - id: cloud-admin
            scopes: {resources: [web], environments: [production]}
            recognized_by: {env_vars: [CLOUD_TOKEN], profiles: [admin]}
        """;

    [Theory]
    [InlineData("$DATABASE_URL")]
    [InlineData("${DATABASE_URL}")]
    [InlineData("${DATABASE_URL:-postgres://localhost/dev}")]
    public void Resolve_VariableOfSingleResourceCredential_NamesThatResource(string hint)
    {
        var resolution = Resolve(Layout, Action(Verb.Delete, "table", "users", hint));

        resolution.Target!.Id.ShouldBe("app-db");
        resolution.EffectiveEnvironment.ShouldBe("production");
        resolution.Evidence.ShouldContain(e => e.Contains("credential database-url", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("$CLOUD_TOKEN")]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    public void Resolve_BroadCredential_BringsEveryEnvironmentItReaches(string hint)
    {
        var resolution = Resolve(Layout, Action(Verb.Delete, "volume", "unknown-volume", hint));

        resolution.TargetKnown.ShouldBeFalse();
        resolution.Environments.ShouldBe(["staging", "production"]);
    }

    [Theory]
    [InlineData("$database_url")]
    [InlineData("$DATABASE_URLX")]
    [InlineData("DATABASE_URL")]
    [InlineData("$DATABASE_URL/other")]
    public void Resolve_NotExactlyTheVariable_IsNotTheCredential(string hint)
    {
        Resolve(Layout, Action(Verb.Delete, "table", "users", hint)).TargetKnown.ShouldBeFalse();
    }
}
