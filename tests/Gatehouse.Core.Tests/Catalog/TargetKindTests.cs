using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Catalog;

/// <summary>What a command targets: kinds from cloud command nouns, from the paths themselves, and from backup names.</summary>
public sealed class TargetKindTests
{
    [Theory]
    [InlineData("aws eks delete-cluster --name prod-eks", "aws.delete-data-store", "cluster")]
    [InlineData("aws ec2 delete-volume --volume-id vol-1", "aws.delete-data-store", "volume")]
    [InlineData("aws dynamodb delete-table --table-name Orders", "aws.delete-data-store", "table")]
    [InlineData("aws ec2 delete-snapshot --snapshot-id snap-1", "aws.delete-backup", "snapshot")]
    [InlineData("aws rds delete-db-snapshot --db-snapshot-identifier s", "aws.delete-backup", "snapshot")]
    [InlineData("aws backup delete-recovery-point --backup-vault-name v --recovery-point-arn a", "aws.delete-backup", "backup")]
    [InlineData("aws secretsmanager delete-secret --secret-id prod/db", "aws.delete", "secret")]
    [InlineData("aws iam create-access-key --user-name bot", "aws.grant", "credential")]
    [InlineData("aws iam attach-user-policy --user-name bot --policy-arn p", "aws.grant", "permission")]
    [InlineData("aws sns delete-topic --topic-arn t", "aws.delete", "cloud-resource")]
    [InlineData("aws rds delete-db-instance --db-instance-identifier prod", "aws.rds.delete-database", "database")]
    [InlineData("az sql db delete -g rg -s srv -n billing", "az.delete-data", "database")]
    [InlineData("az aks delete -g rg -n prod-aks", "az.delete-data", "cluster")]
    [InlineData("az vm delete -g rg -n web-01", "az.delete", "instance")]
    [InlineData("az snapshot delete -g rg -n snap", "az.delete-data", "snapshot")]
    [InlineData("az webapp delete -g rg -n api", "az.delete", "app")]
    [InlineData("az keyvault secret delete --vault-name kv -n pw", "az.delete-data", "secret")]
    [InlineData("az keyvault delete -n kv", "az.delete-data", "vault")]
    [InlineData("az storage container delete --account-name st -n media", "az.delete-data", "bucket")]
    [InlineData("gcloud sql instances delete prod-db", "gcloud.delete-data", "database")]
    [InlineData("gcloud sql backups delete 17 --instance=main", "gcloud.delete-data", "backup")]
    [InlineData("gcloud container clusters delete prod-gke", "gcloud.delete-data", "cluster")]
    [InlineData("gcloud compute instances delete web-1", "gcloud.delete", "instance")]
    [InlineData("gcloud compute snapshots delete snap-1", "gcloud.compute.delete-data", "snapshot")]
    [InlineData("gcloud storage buckets delete gs://b", "gcloud.delete-data", "bucket")]
    [InlineData("gcloud secrets delete api-key", "gcloud.delete-data", "secret")]
    [InlineData("doctl databases delete 9cc1 --force", "doctl.delete-data", "database")]
    [InlineData("doctl compute droplet delete web-01 --force", "doctl.delete", "instance")]
    [InlineData("doctl compute snapshot delete 6372321 --force", "doctl.delete-data", "snapshot")]
    [InlineData("wrangler r2 bucket delete media", "wrangler.store.delete", "bucket")]
    [InlineData("wrangler d1 delete app-db", "wrangler.store.delete", "database")]
    public void Match_CloudDeletion_KindComesFromTheCommandNouns(string line, string ruleId, string kind)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.RuleId.ShouldBe(ruleId);
        match.Actions.Single().Target.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Match_CloudRead_KeepsTheGenericKind()
    {
        var match = CommandLine.Match("aws rds describe-db-snapshots");

        match.ShouldNotBeNull();
        match.Actions.Single().Target.Kind.ShouldBe("cloud-resource");
    }

    [Theory]
    [InlineData("rm -rf build", "directory")]
    [InlineData("rm --recursive old", "directory")]
    [InlineData("rm notes.txt", "file")]
    [InlineData("rm -f notes.txt", "file")]
    [InlineData("rm -rf /dev/sdb", "volume")]
    [InlineData("dd if=/dev/zero of=/dev/sda bs=1M", "volume")]
    [InlineData("dd if=in.img of=disk.img", "file")]
    [InlineData("shred -n 3 /dev/nvme0n1", "volume")]
    [InlineData("shred secret.txt", "file")]
    [InlineData("mkfs.ext4 /dev/sdb1", "volume")]
    [InlineData("wipefs -a /dev/sda", "volume")]
    [InlineData("cat ~/.aws/credentials", "credential")]
    [InlineData("cat .env", "credential")]
    [InlineData("cat README.md", "file")]
    [InlineData("Remove-Item -Recurse -Force C:\\build", "directory")]
    public void Match_PathCommand_KindFollowsFlagsAndPath(string line, string kind)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.Single().Target.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("rm -rf /mnt/backups/*")]
    [InlineData("rclone purge remote:acme-backups")]
    [InlineData("az storage container delete --account-name st -n backups")]
    [InlineData("aws s3 rb s3://acme-db-backup --force")]
    public void Match_DeletingSomethingNamedBackup_TargetsABackup(string line)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.ShouldAllBe(a => a.Target.Kind == "backup");
    }

    [Theory]
    [InlineData("rsync -av src/ backup-src/")]
    [InlineData("kubectl delete volumesnapshot backup-snap-1")]
    public void Match_BackupNameWithoutGenericDeletion_KeepsItsKind(string line)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.ShouldNotContain(a => a.Target.Kind == "backup");
    }

    [Theory]
    [InlineData("git reset --hard", "git-repo")]
    [InlineData("git clean -fdx", "git-repo")]
    [InlineData("git checkout -- .", "git-repo")]
    [InlineData("git branch -D feature", "git-branch")]
    [InlineData("kubectl delete volumesnapshot pg-snap -n db", "snapshot")]
    [InlineData("kubectl delete pvc data -n db", "volume")]
    public void Match_ToolSpecificDeletion_HasThePreciseKind(string line, string kind)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.Single().Target.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Load_KindTable_RefinesOnlyRulesThatInferTheirKind()
    {
        var json = """
            { "family": "demo", "tools": [ { "tool": "demo", "names": ["demo"],
              "kinds": [ { "args": ["db"], "kind": "database" }, { "args": ["*", "drop-*"], "kind": "thing" } ],
              "rules": [
                { "id": "demo.read", "args": ["*", "show"], "verb": "Read", "kind": "resource", "risk": "None" },
                { "id": "demo.drop", "args": ["*", "drop|drop-*"], "inferKind": true, "verb": "Delete", "kind": "resource", "risk": "High" },
                { "id": "demo.wipe", "args": ["*", "wipe"], "raise": [ { "flag": ["-r"], "kind": "tree" } ], "verb": "Delete", "kind": "resource", "risk": "High" }
              ],
              "fallback": { "verb": "Unknown", "kind": "resource", "risk": "High" } } ] }
            """;
        var catalog = ToolCatalog.Load([json]);

        Kind(catalog, "db", "drop").ShouldBe("database");
        Kind(catalog, "cache", "drop-all").ShouldBe("thing");
        Kind(catalog, "cache", "drop").ShouldBe("resource");
        Kind(catalog, "db", "show").ShouldBe("resource");
        Kind(catalog, "db", "wipe", "-r").ShouldBe("tree");
        Kind(catalog, "db", "wipe").ShouldBe("resource");
    }

    [Theory]
    [InlineData("""{ "kind": "x" }""", "'args' or 'when'")]
    [InlineData("""{ "args": ["a"], "kind": "x", "risk": "High" }""", "risk")]
    [InlineData("""{ "args": ["a"] }""", "kind")]
    public void Load_MalformedKindTable_Throws(string line, string detail)
    {
        var json = """{ "family": "demo", "tools": [ { "tool": "demo", "names": ["demo"], "kinds": [ LINE ], "rules": [], "fallback": { "verb": "Unknown", "kind": "x", "risk": "High" } } ] }"""
            .Replace("LINE", line, StringComparison.Ordinal);

        Should.Throw<CatalogLoadException>(() => ToolCatalog.Load([json])).Message.ShouldContain(detail);
    }

    private static string Kind(ToolCatalog catalog, params string[] words)
    {
        var match = catalog.Match("demo", [.. words.Select(CommandLine.Literal)]);
        match.ShouldNotBeNull();
        return match.Actions.Single().Target.Kind;
    }
}
