using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;
using static Gatehouse.Core.Tests.Inventory.InventoryFixtures;

namespace Gatehouse.Core.Tests.Inventory;

/// <summary>The shipped example layouts, resolved from what the real classifier makes of the incidents' commands.</summary>
public sealed class ExampleInventoryTests
{
    private static readonly Lazy<InventoryResolver> PocketOs = new(() => new InventoryResolver(LoadExample("pocketos")));
    private static readonly Lazy<InventoryResolver> Replit = new(() => new InventoryResolver(LoadExample("replit")));

    public static TheoryData<string> PocketOsVolumeDeletions() =>
    [
        "railway volume delete vol-pocketos-data",
        "railway volume delete --volume vol-pocketos-data --yes",
        "railway volume delete --volume pocketos-data --yes",
        """curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer $RAILWAY_TOKEN" -H "Content-Type: application/json" -d '{"query":"mutation { volumeDelete(volumeId: \"3d0c6f2e-8a41-4b7e-9a55-1f0e2b7c9d11\") }"}'""",
        """curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer $RAILWAY_TOKEN" -H "Content-Type: application/json" -d '{"query":"mutation { volumeDelete(volumeId: \"vol-pocketos-data\") }"}'""",
        """curl -s https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data '{"query":"mutation($id: String!) { volumeDelete(volumeId: $id) }","variables":{"id":"vol-pocketos-data"}}'""",
        """http POST https://backboard.railway.app/graphql/v2 Authorization:"Bearer $T" query='mutation { volumeDelete(volumeId: "vol-pocketos-data") }'""",
        """bash -c "railway volume delete --volume vol-pocketos-data --yes" """,
    ];

    [Theory]
    [MemberData(nameof(PocketOsVolumeDeletions))]
    public void PocketOs_EveryWayOfDeletingTheVolume_ReachesProductionAndTheLastBackup(string command)
    {
        var deletion = DestructiveActions(command, "staging").ShouldHaveSingleItem();

        var resolution = PocketOs.Value.Resolve(deletion);

        resolution.Target.ShouldNotBeNull().Id.ShouldBe("vol-pocketos-data");
        resolution.EffectiveEnvironment.ShouldBe("production");
        resolution.Environments.ShouldBe(["staging", "production"]);
        resolution.DestroysLastBackup.ShouldBeTrue();
        resolution.HoldsOwnBackups.ShouldBeTrue();
        ReachedIds(resolution).ShouldBe(["api-production", "api-staging", "db-production"]);
    }

    [Fact]
    public void PocketOs_BlastRadius_ExplainsHowProductionIsReached()
    {
        var deletion = DestructiveActions("railway volume delete vol-pocketos-data", "staging").Single();

        var resolution = PocketOs.Value.Resolve(deletion);

        resolution.BlastRadius.Select(r => r.ToString()).ShouldContain("api-production via vol-pocketos-data attached_to api-production");
        resolution.BlastRadius.Select(r => r.ToString()).ShouldContain("db-production via vol-pocketos-data attached_to db-production");
        resolution.Evidence.ShouldContain("target volume 'vol-pocketos-data' is volume vol-pocketos-data");
    }

    [Fact]
    public void PocketOs_StagingServiceAlone_StaysStaging()
    {
        var resolution = PocketOs.Value.Resolve(Action(Verb.Delete, "service", "pocketos-api-staging"));

        resolution.EffectiveEnvironment.ShouldBe("staging");
        resolution.DestroysLastBackup.ShouldBeFalse();
    }

    [Fact]
    public void PocketOs_Credential_IsBroaderThanTheTask()
    {
        var inventory = LoadExample("pocketos");

        var token = inventory.Credentials.ShouldHaveSingleItem();
        token.EnvironmentVariables.ShouldContain("RAILWAY_TOKEN");
        token.Environments.ShouldBe(["development", "staging", "production"]);
        inventory.Environments.Select(e => e.Name).ShouldBe(["development", "staging", "production"]);
    }

    public static TheoryData<string> ReplitDatabaseWipes() =>
    [
        "psql \"$DATABASE_URL\" -c 'DROP TABLE companies'",
        "psql -h ep-cool-meadow-123456.us-east-2.aws.neon.tech -d neondb -c 'DELETE FROM companies'",
        "psql postgresql://neondb_owner:pw@ep-cool-meadow-123456.us-east-2.aws.neon.tech/neondb?sslmode=require -c 'TRUNCATE executives'",
    ];

    [Theory]
    [MemberData(nameof(ReplitDatabaseWipes))]
    public void Replit_DevelopmentDatabaseWipe_IsProduction(string command)
    {
        var wipe = DestructiveActions(command, "development").ShouldHaveSingleItem();

        var resolution = Replit.Value.Resolve(wipe);

        resolution.Target.ShouldNotBeNull().Id.ShouldBe("app-database");
        resolution.Environments.ShouldContain("development");
        resolution.EffectiveEnvironment.ShouldBe("production");
        ReachedIds(resolution).ShouldBe(["web-app", "workspace"]);
    }

    private static List<AgentAction> DestructiveActions(string command, string declaredEnvironment) =>
        [.. ActionClassifier.Classify(InputKind.Shell, command, declaredEnvironment).Actions.Where(InventoryResolver.IsDestructive)];
}
