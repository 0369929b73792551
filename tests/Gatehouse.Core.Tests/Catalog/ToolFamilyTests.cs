using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Catalog;

/// <summary>The tool families added for operations, data stores, platforms, backups and Windows: highest risk per line.</summary>
public sealed class ToolFamilyTests
{
    [Theory]
    [InlineData("bq rm -r -f -d acme:analytics", "bq.rm", Risk.Critical)]
    [InlineData("bq ls", "bq.read", Risk.None)]
    [InlineData("firebase firestore:delete --all-collections --force", "firebase.data.delete", Risk.Critical)]
    [InlineData("firebase hosting:disable --project acme -f", "firebase.hosting.disable", Risk.High)]
    [InlineData("helmfile -e production destroy", "helmfile.destroy", Risk.Critical)]
    [InlineData("helmfile diff", "helmfile.read", Risk.None)]
    [InlineData("copilot app delete --yes", "copilot.app.delete", Risk.Critical)]
    [InlineData("neonctl projects delete raspy-hat", "neonctl.data.delete", Risk.Critical)]
    [InlineData("pscale branch delete acme dev --force", "pscale.delete", Risk.High)]
    [InlineData("cf delete-service acme-db -f", "cf.delete-data", Risk.Critical)]
    [InlineData("kamal remove -y", "kamal.remove", Risk.Critical)]
    [InlineData("modal volume rm models /weights -r", "modal.rm", Risk.High)]
    [InlineData("wrangler r2 bucket delete acme-media", "wrangler.store.delete", Risk.Critical)]
    [InlineData("stripe customers delete cus_1 --live", "stripe.delete", Risk.High)]
    [InlineData("sentry-cli releases delete 1.4.0", "sentry.delete", Risk.High)]
    [InlineData("velero backup delete nightly --confirm", "velero.backup.delete", Risk.Critical)]
    [InlineData("etcdctl del --prefix /registry", "etcdctl.del.range", Risk.Critical)]
    [InlineData("etcdctl get /registry --prefix --keys-only", "etcdctl.read", Risk.None)]
    [InlineData("consul kv delete -recurse config/", "consul.kv.delete.recurse", Risk.Critical)]
    [InlineData("influx bucket delete --name telemetry", "influx.bucket.delete", Risk.Critical)]
    [InlineData("cypher-shell MATCH·(n)·DETACH·DELETE·n", "cypher.delete-everything", Risk.Critical)]
    [InlineData("cypher-shell MATCH·(n)·RETURN·count(n)", "cypher.read", Risk.None)]
    [InlineData("kafka-topics.sh --bootstrap-server k:9092 --delete --topic orders", "kafka-topics.delete", Risk.Critical)]
    [InlineData("kafka-topics --bootstrap-server k:9092 --list", "kafka-topics.read", Risk.None)]
    [InlineData("rabbitmqctl purge_queue payments", "rabbitmq.purge", Risk.High)]
    [InlineData("rabbitmqctl reset", "rabbitmq.reset", Risk.Critical)]
    [InlineData("nats stream rm ORDERS -f", "nats.stream.delete", Risk.Critical)]
    [InlineData("vault kv metadata delete secret/prod/db", "vault.kv.destroy", Risk.Critical)]
    [InlineData("vault secrets disable secret/", "vault.secrets.disable", Risk.Critical)]
    [InlineData("vault lease revoke -prefix aws/creds", "vault.revoke", Risk.High)]
    [InlineData("vault kv get -field=password secret/db", "vault.kv.get", Risk.Medium)]
    [InlineData("argocd app delete api-prod --cascade -y", "argocd.app.delete", Risk.Critical)]
    [InlineData("flux uninstall --silent", "flux.uninstall", Risk.Critical)]
    [InlineData("istioctl uninstall --purge -y", "istioctl.uninstall", Risk.Critical)]
    [InlineData("ansible-playbook -i prod teardown.yml", "ansible-playbook.run", Risk.High)]
    [InlineData("ansible-playbook -i prod site.yml --check", "ansible-playbook.check", Risk.None)]
    [InlineData("rclone purge remote:acme-backups", "rclone.purge", Risk.Critical)]
    [InlineData("rclone sync ./empty remote:acme-media", "rclone.sync", Risk.Critical)]
    [InlineData("rclone copy ./dist remote:site", "rclone.copy", Risk.Low)]
    [InlineData("mc rm --recursive --force minio/backups", "mc.rm.recursive", Risk.Critical)]
    [InlineData("s3cmd del --recursive --force s3://acme", "s3cmd.del.recursive", Risk.Critical)]
    [InlineData("restic -r s3:x forget --keep-last 1 --prune", "restic.forget", Risk.Critical)]
    [InlineData("restic -r s3:x snapshots", "restic.read", Risk.None)]
    [InlineData("borg delete /mnt/borg/repo", "borg.delete", Risk.Critical)]
    [InlineData("zfs destroy -r tank/pgdata", "zfs.destroy", Risk.Critical)]
    [InlineData("lvremove -f /dev/vg0/data", "lvm.remove", Risk.Critical)]
    [InlineData("btrfs subvolume delete /mnt/snapshots/daily", "btrfs.subvolume.delete", Risk.Critical)]
    [InlineData("userdel -r deploy", "userdel.remove-home", Risk.Critical)]
    [InlineData("iptables -F", "iptables.flush", Risk.High)]
    [InlineData("iptables -L -n", "iptables.read", Risk.None)]
    [InlineData("systemctl stop postgresql", "systemctl.stop", Risk.High)]
    [InlineData("systemctl poweroff", "systemctl.power", Risk.High)]
    [InlineData("systemctl status nginx", "systemctl.read", Risk.None)]
    [InlineData("shutdown now", "shutdown", Risk.High)]
    [InlineData("kill -9 -1", "kill.every-process", Risk.High)]
    [InlineData("kill -9 1", "kill.init", Risk.High)]
    [InlineData("kill -9 48213", "kill", Risk.Low)]
    [InlineData("apt-get remove --purge -y libc6", "apt.remove.essential", Risk.Critical)]
    [InlineData("apt-get purge -y postgresql-16", "apt.remove", Risk.High)]
    [InlineData("apt-get install -y jq", "apt.install", Risk.Low)]
    [InlineData("brew uninstall --force x", "brew.uninstall", Risk.High)]
    [InlineData("twine upload dist/*", "twine.upload", Risk.High)]
    [InlineData("cargo publish", "cargo.publish", Risk.High)]
    [InlineData("npm publish", "npm.publish", Risk.High)]
    [InlineData("npm publish --dry-run", "npm.publish.dry-run", Risk.None)]
    [InlineData("mvn flyway:clean", "build.database.drop", Risk.Critical)]
    [InlineData("typeorm schema:drop -d src/data-source.ts", "typeorm.schema.drop", Risk.Critical)]
    [InlineData("goose -dir m postgres $URL reset", "goose.reset", Risk.High)]
    [InlineData("migrate -path m -database $URL drop -f", "migrate.drop", Risk.Critical)]
    [InlineData("atlas schema clean -u $URL --auto-approve", "atlas.schema.clean", Risk.Critical)]
    [InlineData("rimraf ~", "fs.rimraf", Risk.Critical)]
    [InlineData("rimraf dist", "fs.rimraf", Risk.Low)]
    [InlineData("crontab -r", "fs.crontab.remove", Risk.High)]
    [InlineData("crontab jobs.txt", "fs.crontab.install", Risk.High)]
    [InlineData("at now", "at.schedule", Risk.High)]
    [InlineData("lua -e os.execute('x')", "lua.inline", Risk.High)]
    [InlineData("Rscript -e unlink(\"~\",·recursive=TRUE)", "rscript.delete-home", Risk.Critical)]
    [InlineData("nc -q1 cache.internal 11211", "nc.datastore", Risk.High)]
    [InlineData("security find-generic-password -s github.com -w", "security.secret", Risk.Medium)]
    [InlineData("chmod 777 /var/run/docker.sock", "fs.chmod.world-writable", Risk.High)]
    [InlineData("chmod -R 777 .", "fs.chmod.world-writable", Risk.High)]
    [InlineData("chmod -R u+w .", "fs.chmod.recursive.workspace", Risk.High)]
    [InlineData("kubectl delete clusterrolebinding cluster-admin", "kubectl.delete.crd", Risk.Critical)]
    [InlineData("kubectl create clusterrolebinding a --clusterrole=cluster-admin", "kubectl.grant", Risk.High)]
    [InlineData("kubectl get secret tls -o jsonpath={.metadata.name}", "kubectl.secret.metadata", Risk.None)]
    [InlineData("kubectl get secret db -o jsonpath={.data.password}", "kubectl.secret.read", Risk.Medium)]
    [InlineData("docker stack rm prod", "docker.stack.rm", Risk.Critical)]
    [InlineData("podman system reset --force", "docker.system.reset", Risk.Critical)]
    [InlineData("docker volume rm --all", "docker.volume.delete", Risk.Critical)]
    [InlineData("docker rm -f api", "docker.rm.force", Risk.Medium)]
    [InlineData("git checkout HEAD -- src/", "git.checkout.ref-paths", Risk.High)]
    [InlineData("cdk deploy Api --require-approval never", "cdk.deploy.no-approval", Risk.Medium)]
    [InlineData("az storage blob delete-batch --account-name a --source b", "az.delete-batch", Risk.Critical)]
    [InlineData("az aks get-credentials -g rg -n dev", "az.aks.get-credentials", Risk.Low)]
    [InlineData("gcloud iam service-accounts keys create key.json --iam-account=ci@x", "gcloud.keys.create", Risk.High)]
    [InlineData("fly postgres detach db -a api", "fly.postgres.detach", Risk.High)]
    public void Match_ToolFamilyCommand_HasRuleAndRisk(string line, string ruleId, Risk risk)
    {
        var match = CommandLine.Match(line).ShouldNotBeNull();
        match.RuleId.ShouldBe(ruleId);
        match.Actions.Max(a => a.Risk).ShouldBe(risk);
    }

    [Theory]
    [InlineData("bq query --use_legacy_sql=false DELETE·FROM·t·WHERE·true", EmbeddedLanguage.Sql, "DELETE FROM t WHERE true")]
    [InlineData("clickhouse-client --query DROP·TABLE·events", EmbeddedLanguage.Sql, "DROP TABLE events")]
    [InlineData("cqlsh -e DROP·KEYSPACE·metrics;", EmbeddedLanguage.Sql, "DROP KEYSPACE metrics;")]
    [InlineData("sqlcmd -S prod -Q DROP·DATABASE·Billing", EmbeddedLanguage.Sql, "DROP DATABASE Billing")]
    [InlineData("snowsql -q DROP·SCHEMA·raw", EmbeddedLanguage.Sql, "DROP SCHEMA raw")]
    [InlineData("duckdb w.duckdb DROP·TABLE·sales", EmbeddedLanguage.Sql, "DROP TABLE sales")]
    [InlineData("wrangler d1 execute prod --remote --command DROP·TABLE·users", EmbeddedLanguage.Sql, "DROP TABLE users")]
    [InlineData("Invoke-Sqlcmd -ServerInstance prod -Query DROP·DATABASE·Billing", EmbeddedLanguage.Sql, "DROP DATABASE Billing")]
    [InlineData("ansible all -i prod -m shell -a rm·-rf·/x", EmbeddedLanguage.Shell, "rm -rf /x")]
    [InlineData("salt * cmd.run rm·-rf·/x", EmbeddedLanguage.Shell, "rm -rf /x")]
    [InlineData("tmux new -d rm·-rf·~/work", EmbeddedLanguage.Shell, "rm -rf ~/work")]
    [InlineData("script -qc redis-cli·FLUSHALL /dev/null", EmbeddedLanguage.Shell, "redis-cli FLUSHALL")]
    [InlineData("cmd /c rmdir /s /q x", EmbeddedLanguage.Shell, "rmdir /s /q x")]
    [InlineData("pwsh -Command Remove-Item·x", EmbeddedLanguage.Shell, "Remove-Item x")]
    [InlineData("powershell -EncodedCommand UgBlAG0AbwB2AGUALQBJAHQAZQBtACAALQBSAGUAYwB1AHIAcwBlACAALQBGAG8AcgBjAGUAIAB+AA==", EmbeddedLanguage.Shell, "Remove-Item -Recurse -Force ~")]
    public void Match_CommandCarryingCode_DelegatesText(string line, EmbeddedLanguage language, string text)
    {
        var match = CommandLine.Match(line).ShouldNotBeNull();
        match.Delegations.ShouldContain(d => d.Language == language && d.Text == text);
    }

    [Fact]
    public void Match_EncodedCommandThatIsNotBase64_IsOpaqueHigh()
    {
        var match = CommandLine.Match("powershell -enc not-base64!").ShouldNotBeNull();
        match.Actions.ShouldAllBe(a => a.Risk >= Risk.High && a.Tags.Contains(Tags.Opaque));
    }

    [Theory]
    [InlineData("rm --help")]
    [InlineData("terraform destroy -help")]
    [InlineData("kubectl delete --help")]
    [InlineData("kubectl help delete")]
    public void Match_HelpRequested_IsHarmlessRead(string line)
    {
        var match = CommandLine.Match(line).ShouldNotBeNull();
        match.Actions.ShouldAllBe(a => a.Verb == Verb.Read && a.Risk == Risk.None);
    }

    [Theory]
    [InlineData("rm help")]
    [InlineData("docker run alpine sh -c x --help")]
    [InlineData("rm -rf / --help=no")]
    public void Match_HelpLookalike_IsNotTreatedAsHelp(string line)
    {
        var match = CommandLine.Match(line).ShouldNotBeNull();
        match.Actions.ShouldNotContain(a => a.RuleId.EndsWith(".help", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Remove-Item -Recurse -Force C:", Risk.Critical)]
    [InlineData("remove-item -recurse -force C:Windows", Risk.Critical)]
    [InlineData("REMOVE-ITEM -Path $HOME -Recurse", Risk.Critical)]
    [InlineData("Remove-Item -Path:~/x -Recurse", Risk.Critical)]
    [InlineData("ri .\\bin, .\\obj -Recurse -Force", Risk.Low)]
    [InlineData("Remove-Item x -WhatIf", Risk.None)]
    [InlineData("del /f /s /q %USERPROFILE%\\*", Risk.Critical)]
    [InlineData("Format-Volume -DriveLetter D -Force", Risk.Critical)]
    [InlineData("Remove-AzResourceGroup -Name prod-rg -Force", Risk.Critical)]
    [InlineData("Remove-AzVM -Name web", Risk.High)]
    [InlineData("Invoke-RestMethod -Method Delete -Uri https://api.x.com/v2/volumes/7b3f", Risk.Critical)]
    [InlineData("Invoke-RestMethod -Uri https://api.x.com/v2/volumes", Risk.None)]
    public void Match_WindowsCommand_HasRisk(string line, Risk risk)
    {
        var match = CommandLine.Match(line).ShouldNotBeNull();
        match.Actions.Max(a => a.Risk).ShouldBe(risk);
    }
}
