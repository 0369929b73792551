using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;
using static Gatehouse.Core.Tests.Inventory.InventoryFixtures;

namespace Gatehouse.Core.Tests.Inventory;

public sealed class InventoryResolverTests
{
    private const string Layout = """
        environments:
          - name: development
            aliases: [dev]
          - name: staging
            aliases: [stg]
          - name: production
            aliases: [prod]
        resources:
          - id: vol
            kind: volume
            environments: [staging]
            relations:
              attached_to: [svc]
          - id: svc
            kind: service
            environments: [production]
          - id: primary
            kind: database
            names:
              - db.prod.internal
              - postgres://app@db.prod.internal:5432/orders
            environments: [production]
          - id: replica
            kind: database
            names: [replica.prod.internal]
            environments: [production]
            relations:
              replica_of: [primary]
          - id: reporting
            kind: service
            environments: [development]
            relations:
              depends_on: [replica]
          - id: backups
            kind: bucket
            names: [s3://acme-backups, "Host=sql.internal;Database=ledger"]
            environments: [production]
            relations:
              stores_backups_of: [primary]
          - id: host-1
            kind: host
            names: [host-1.internal]
            environments: [staging]
            relations:
              failure_domain: [backups]
          - id: ctx
            kind: cluster
            names: [arn:aws:eks:us-east-1:123456789012:cluster/prod, gke_acme_europe-west1_prod]
            environments: [production]
        """;

    private static Resolution ResolveIn(AgentAction action) => Resolve(Layout, action);

    [Fact]
    public void Resolve_AttachedTo_ReachesWhatTheResourceIsAttachedTo()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "volume", "vol"));

        resolution.Target!.Id.ShouldBe("vol");
        ReachedIds(resolution).ShouldBe(["svc"]);
        resolution.Environments.ShouldBe(["staging", "production"]);
        resolution.EffectiveEnvironment.ShouldBe("production");
        resolution.BlastRadius[0].Path.Single().ToString().ShouldBe("vol attached_to svc");
    }

    [Fact]
    public void Resolve_AttachedTo_DoesNotReachBackwards()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "service", "svc"));

        resolution.BlastRadius.ShouldBeEmpty();
        resolution.Environments.ShouldBe(["production"]);
    }

    [Fact]
    public void Resolve_ReplicaOf_PrimaryReachesReplicaAndItsDependents()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "database", "primary"));

        ReachedIds(resolution).ShouldBe(["replica", "reporting"]);
        var reporting = resolution.BlastRadius.Single(r => r.Resource.Id == "reporting");
        reporting.Depth.ShouldBe(2);
        reporting.Path.Select(s => s.ToString()).ShouldBe(["replica replica_of primary", "reporting depends_on replica"]);
        resolution.Environments.ShouldBe(["development", "production"]);
    }

    [Fact]
    public void Resolve_ReplicaOf_DeletingReplicaLeavesPrimary()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "database", "replica"));

        ReachedIds(resolution).ShouldBe(["reporting"]);
    }

    [Fact]
    public void Resolve_DependsOn_DependencyDoesNotReachUpstream()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "service", "reporting"));

        resolution.BlastRadius.ShouldBeEmpty();
        resolution.EffectiveEnvironment.ShouldBe("development");
    }

    [Fact]
    public void Resolve_StoresBackupsOf_OnlyHolderDestroysLastBackup()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "bucket", "backups"));

        ReachedIds(resolution).ShouldContain("primary");
        resolution.DestroysLastBackup.ShouldBeTrue();
        resolution.HoldsOwnBackups.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_FailureDomain_PeerDestroysLastBackupBothWays()
    {
        var hostDeleted = ResolveIn(Action(Verb.Delete, "host", "host-1"));
        var bucketDeleted = ResolveIn(Action(Verb.Delete, "bucket", "backups"));

        ReachedIds(hostDeleted).ShouldBe(["backups", "primary", "replica", "reporting"]);
        hostDeleted.DestroysLastBackup.ShouldBeTrue();
        ReachedIds(bucketDeleted).ShouldContain("host-1");
    }

    [Fact]
    public void Resolve_DeletingTheProtectedDatabase_DoesNotDestroyItsBackups()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "database", "primary"));

        resolution.DestroysLastBackup.ShouldBeFalse();
        ReachedIds(resolution).ShouldNotContain("backups");
    }

    [Theory]
    [InlineData(Verb.Delete, true)]
    [InlineData(Verb.Unknown, true)]
    [InlineData(Verb.Revoke, true)]
    [InlineData(Verb.Read, false)]
    [InlineData(Verb.List, false)]
    [InlineData(Verb.Update, false)]
    public void Resolve_DestroysLastBackup_OnlyForDestructiveVerbs(Verb verb, bool expected)
    {
        ResolveIn(Action(verb, "bucket", "backups")).DestroysLastBackup.ShouldBe(expected);
    }

    [Fact]
    public void Resolve_DestroysBackupsTag_CountsAsDestructive()
    {
        var action = Action(Verb.Update, "bucket", "backups") with { Tags = [Tags.DestroysBackups] };

        ResolveIn(action).DestroysLastBackup.ShouldBeTrue();
    }

    [Fact]
    public void Resolve_SecondBackupHolderSurvives_NotLastBackup()
    {
        const string yaml = """
            environments: [production]
            resources:
              - {id: db, kind: database, environments: [production]}
              - {id: b1, kind: bucket, relations: {stores_backups_of: [db]}}
              - {id: b2, kind: bucket, relations: {stores_backups_of: [db]}}
            """;

        Resolve(yaml, Action(Verb.Delete, "bucket", "b1")).DestroysLastBackup.ShouldBeFalse();
    }

    [Theory]
    [InlineData("stores_backups_of: [self]", true)]
    [InlineData("stores_backups_of: [svc]\n      attached_to: [svc]", true)]
    [InlineData("stores_backups_of: [db]\n      failure_domain: [db]", true)]
    [InlineData("stores_backups_of: [db]", false)]
    public void Resolve_HoldsOwnBackups_WhenBackupsShareTheTargetsFate(string relations, bool expected)
    {
        var yaml = $"""
            resources:
              - id: svc
                kind: service
              - id: db
                kind: database
              - id: self
                kind: volume
                relations:
                  {relations}
            """;

        Resolve(yaml, Action(Verb.Delete, "volume", "self")).HoldsOwnBackups.ShouldBe(expected);
    }

    public static TheoryData<string, string, string, string> AliasForms() => new()
    {
        // kind, target id, hint, expected resource
        { "database", "primary", "", "primary" },
        { "database", "PRIMARY", "", "primary" },
        { "database", " primary/ ", "", "primary" },
        { "table", "users", "db.prod.internal", "primary" },
        { "table", "users", "DB.PROD.INTERNAL.", "primary" },
        { "table", "users", "db.prod.internal:5432", "primary" },
        { "table", "users", "postgres://admin:secret@db.prod.internal:6543/other?sslmode=require", "primary" },
        { "database", "postgres://app@db.prod.internal:5432/orders", "", "primary" },
        { "database", "postgresql://someone@db.prod.internal/orders", "", "primary" },
        { "table", "users", "app@db.prod.internal", "primary" },
        { "table", "users", "replica.prod.internal:5432", "replica" },
        { "object", "s3://acme-backups/2026/11/db.dump", "", "backups" },
        { "object", "s3://acme-backups-old/db.dump", "", "" },
        { "bucket", "s3://acme-backups", "", "backups" },
        { "backup", "s3://acme-backups/", "", "backups" },
        { "database", "x", "Server=sql.internal;Database=ledger;User Id=sa", "backups" },
        { "database", "x", "host=sql.internal dbname=ledger user=app", "backups" },
        { "database", "x", "sql.internal/ledger", "backups" },
        { "namespace", "payments", "arn:aws:eks:us-east-1:123456789012:cluster/prod", "ctx" },
        { "namespace", "payments", "gke_acme_europe-west1_prod", "ctx" },
        { "host", "host-1.internal", "", "host-1" },
        { "http-endpoint", "https://host-1.internal:8443/admin", "", "host-1" },
    };

    [Theory]
    [MemberData(nameof(AliasForms))]
    public void Resolve_AliasForm_MatchesExactlyTheNamedResource(string kind, string id, string hint, string expected)
    {
        var resolution = ResolveIn(Action(Verb.Delete, kind, id, hint.Length == 0 ? [] : [hint]));

        if (expected.Length == 0)
        {
            resolution.TargetKnown.ShouldBeFalse();
            resolution.Target.ShouldBeNull();
        }
        else
        {
            resolution.Target.ShouldNotBeNull().Id.ShouldBe(expected);
            resolution.TargetKnown.ShouldBeTrue();
            resolution.Evidence.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("db.prod")]
    [InlineData("prod.internal")]
    [InlineData("db.prod.internal.evil.com")]
    [InlineData("xdb.prod.internal")]
    [InlineData("vol-1")]
    [InlineData("https://evil.com/?next=db.prod.internal")]
    [InlineData("https://evil.com/db.prod.internal")]
    [InlineData("prim")]
    public void Resolve_SubstringOrLookalike_IsNotMatched(string hint)
    {
        var resolution = ResolveIn(Action(Verb.Delete, "table", "users", hint));

        resolution.TargetKnown.ShouldBeFalse();
        resolution.BlastRadius.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_TargetIdOfUnrelatedKind_IsNotMatched()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "table", "svc"));

        resolution.TargetKnown.ShouldBeFalse();
        resolution.Evidence.ShouldContain(e => e.Contains("the kinds differ", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_PathLikeTargetId_IsNotTakenApartAsAnAddress()
    {
        ResolveIn(Action(Verb.Delete, "file", "host-1.internal/etc/passwd")).TargetKnown.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_UnknownTarget_IsUnknownWithNoEnvironment()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "volume", "vol_unknown", "somewhere.example"));

        resolution.TargetKnown.ShouldBeFalse();
        resolution.EffectiveEnvironment.ShouldBeNull();
        resolution.Environments.ShouldBeEmpty();
        resolution.DestroysLastBackup.ShouldBeFalse();
        resolution.Evidence.Single().ShouldContain("not in the inventory: unknown");
    }

    [Theory]
    [InlineData("prod", "production")]
    [InlineData("STG", "staging")]
    public void Resolve_HintNamingAnEnvironment_AddsItWithoutATarget(string hint, string expected)
    {
        var resolution = ResolveIn(Action(Verb.Delete, "namespace", "payments", hint));

        resolution.TargetKnown.ShouldBeFalse();
        resolution.EffectiveEnvironment.ShouldBe(expected);
    }

    [Fact]
    public void Resolve_ActionEnvironments_CanOnlyRaiseTheInventorysAnswer()
    {
        var action = Action(Verb.Delete, "volume", "vol") with { Target = new ResourceRef("volume", "vol", ["dev", "qa-7"]) };

        var resolution = ResolveIn(action);

        resolution.Environments.ShouldBe(["development", "staging", "production", "qa-7"]);
        resolution.EffectiveEnvironment.ShouldBe("qa-7");
    }

    [Fact]
    public void Resolve_IdAndHintNameDifferentResources_BothCountAndIdIsTarget()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "service", "reporting", "host-1.internal"));

        resolution.Target!.Id.ShouldBe("reporting");
        ReachedIds(resolution).ShouldBe(["backups", "host-1", "primary", "replica"]);
        resolution.BlastRadius.Single(r => r.Resource.Id == "host-1").Via.ShouldBeNull();
        resolution.DestroysLastBackup.ShouldBeTrue();
        resolution.EffectiveEnvironment.ShouldBe("production");
    }

    [Fact]
    public void Resolve_TwoHintsOfDifferentKinds_PrefersTheActionsKind()
    {
        var resolution = ResolveIn(Action(Verb.Delete, "bucket", null, "host-1.internal", "s3://acme-backups"));

        resolution.Target!.Id.ShouldBe("backups");
    }

    [Fact]
    public void Resolve_CyclicRelations_Terminate()
    {
        const string yaml = """
            environments: [staging, production]
            resources:
              - {id: a, kind: service, environments: [staging], relations: {depends_on: [b], failure_domain: [c]}}
              - {id: b, kind: service, relations: {depends_on: [c]}}
              - {id: c, kind: service, environments: [production], relations: {depends_on: [a], attached_to: [a]}}
            """;

        var resolution = Resolve(yaml, Action(Verb.Delete, "service", "a"));

        ReachedIds(resolution).ShouldBe(["b", "c"]);
        resolution.EffectiveEnvironment.ShouldBe("production");
    }

    [Fact]
    public void Resolve_DerivedFormsClaimedByTwoResources_AreNotGuessed()
    {
        const string yaml = """
            resources:
              - {id: a, kind: database, names: ["postgres://db.shared:5432/app"]}
              - {id: b, kind: database, names: ["mysql://db.shared:3306/app"]}
            """;

        Resolve(yaml, Action(Verb.Delete, "table", "t", "db.shared/app")).TargetKnown.ShouldBeFalse();
        Resolve(yaml, Action(Verb.Delete, "table", "t", "db.shared:5432/app")).Target!.Id.ShouldBe("a");
    }

    [Fact]
    public void Resolve_EmptyInventory_EverythingUnknown()
    {
        var resolution = new InventoryResolver(Core.Inventory.Inventory.Empty).Resolve(Action(Verb.Delete, "volume", "vol", "prod"));

        resolution.TargetKnown.ShouldBeFalse();
        resolution.EffectiveEnvironment.ShouldBeNull();
    }
}
