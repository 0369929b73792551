using System.Text.Json;

namespace Gatehouse.Cli.Tests.Policy;

/// <summary>
/// The two incidents Gatehouse exists for, replayed through the real executable with the shipped
/// examples: the inventory, not the agent's belief, decides which environment an action reaches.
/// </summary>
public sealed class ScenarioTests
{
    private const string PocketOs = "examples/pocketos/inventory.yaml";
    private const string Replit = "examples/replit/inventory.yaml";
    private const string ReplitFreeze = "examples/replit/code-freeze.yaml";
    private const string Mutation = """{"query":"mutation { volumeDelete(volumeId: \"vol-pocketos-data\") }"}""";

    public static TheoryData<string> VolumeDeletions() =>
    [
        "railway volume delete --volume vol-pocketos-data",
        $"curl -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer rw_token' -H 'Content-Type: application/json' -d '{Mutation}'",
        // The same mutation addressed by Railway's own volume id, which the inventory lists as a name.
        "curl -X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"3d0c6f2e-8a41-4b7e-9a55-1f0e2b7c9d11\\\") }\"}'",
        "http POST https://backboard.railway.app/graphql/v2 'Authorization:Bearer rw_token' query='mutation { volumeDelete(volumeId: \"vol-pocketos-data\") }'",
        $"wget -qO- --header='Content-Type: application/json' --post-data='{Mutation}' https://backboard.railway.app/graphql/v2",
        "bash -c \"railway volume delete --volume vol-pocketos-data\"",
        $"bash <<'EOF'\ncurl -X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' -d '{Mutation}'\nEOF",
    ];

    [Theory]
    [MemberData(nameof(VolumeDeletions))]
    public void PocketOs_DeletingTheSharedVolumeFromStaging_IsDeniedNamingProductionAndTheBackups(string command)
    {
        var (exitCode, stdout, stderr) = Run(command, "check", "--inventory", PocketOs, "--env", "staging", "--explain", "-");

        exitCode.ShouldBe(2, stdout + stderr);
        stdout.ShouldStartWith("deny");
        stdout.ShouldContain("it reaches production");
        stdout.ShouldContain("destroys the last backups of db-production");
        stdout.ShouldContain("forbid    no-backup-destruction");
    }

    [Fact]
    public void PocketOs_JsonExplanation_CarriesBlastRadiusAndBackups()
    {
        var (exitCode, stdout, _) = Run(string.Empty, "check", "--json", "--inventory", PocketOs, "--env", "staging", "railway volume delete --volume vol-pocketos-data");

        exitCode.ShouldBe(2);
        using var json = JsonDocument.Parse(stdout);
        var action = json.RootElement.GetProperty("actions")[0];
        var resolution = action.GetProperty("resolution");
        resolution.GetProperty("known").GetBoolean().ShouldBeTrue();
        resolution.GetProperty("effectiveEnvironment").GetString().ShouldBe("production");
        resolution.GetProperty("destroysLastBackup").GetBoolean().ShouldBeTrue();
        resolution.GetProperty("backupsOf").EnumerateArray().Select(e => e.GetString()).ShouldContain("db-production");
        resolution.GetProperty("blastRadius").GetProperty("environments").EnumerateArray().Select(e => e.GetString()).ShouldContain("production");
        json.RootElement.GetProperty("policies").EnumerateArray().Select(e => e.GetString()).ShouldContain("no-destruction-in-production");
    }

    [Fact]
    public void PocketOs_ListingVolumes_IsAllowed() =>
        Run(string.Empty, "check", "--inventory", PocketOs, "--env", "staging", "railway volume list").ExitCode.ShouldBe(0);

    [Theory]
    [InlineData("psql -h ep-cool-meadow-123456.us-east-2.aws.neon.tech -d neondb -c 'DROP TABLE users'")]
    [InlineData("psql postgresql://neondb_owner@ep-cool-meadow-123456.us-east-2.aws.neon.tech/neondb -c 'DELETE FROM companies'")]
    [InlineData("psql -h ep-cool-meadow-123456.us-east-2.aws.neon.tech -d neondb -c 'TRUNCATE executives'")]
    public void Replit_DestructiveSqlDuringTheFreeze_IsDenied(string command)
    {
        var (exitCode, stdout, stderr) = Run(string.Empty, "check", "--inventory", Replit, "--context", ReplitFreeze, "--env", "development", "--explain", command);

        exitCode.ShouldBe(2, stdout + stderr);
        stdout.ShouldContain("no-changes-during-code-freeze");
        stdout.ShouldContain("production");
    }

    [Theory]
    [InlineData("psql \"$DATABASE_URL\" -c 'select count(*) from users'")]
    [InlineData("psql -h ep-cool-meadow-123456.us-east-2.aws.neon.tech -d neondb -c 'SELECT 1'")]
    [InlineData("psql \"$DATABASE_URL\" <<'SQL'\nSELECT id, email FROM users WHERE id = 7;\nSQL")]
    public void Replit_ReadOnlySqlDuringTheFreeze_IsAllowed(string command)
    {
        // The client's connection is no change of its own: only the statements it runs count.
        var (exitCode, stdout, stderr) = Run(command, "check", "--inventory", Replit, "--context", ReplitFreeze, "--env", "development", "--explain", "-");

        exitCode.ShouldBe(0, stdout + stderr);
        stdout.ShouldContain("production");
    }

    [Theory]
    [InlineData("psql \"$DATABASE_URL\"")]
    [InlineData("psql \"$DATABASE_URL\" -f migrate.sql")]
    [InlineData("psql \"$DATABASE_URL\" -c \"$QUERY\"")]
    public void Replit_SqlThatCannotBeSeen_IsNotAllowed(string command) =>
        Run(command, "check", "--inventory", Replit, "-").ExitCode.ShouldNotBe(0);

    [Fact]
    public void Replit_DevelopmentDatabaseWithoutInventory_WouldOnlyNeedApproval()
    {
        // The contrast the inventory makes: believed to be development, the same drop only asks a human.
        var (exitCode, _, _) = Run(string.Empty, "check", "--env", "development", "psql -h ep-cool-meadow-123456.us-east-2.aws.neon.tech -d neondb -c 'DROP TABLE users'");

        exitCode.ShouldNotBe(0);
    }

    private static GatehouseResult Run(string stdin, params string[] args) => GatehouseRunner.Run(stdin, args, GatehouseRunner.RepositoryRoot);
}
