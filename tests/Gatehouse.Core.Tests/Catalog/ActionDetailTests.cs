using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Catalog;

/// <summary>Tags, target identifiers and environment evidence the catalog extracts.</summary>
public sealed class ActionDetailTests
{
    [Theory]
    [InlineData("aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot", "no-final-snapshot")]
    [InlineData("aws rds delete-db-instance --db-instance-identifier prod --delete-automated-backups", "destroys-backups")]
    [InlineData("aws ec2 delete-snapshot --snapshot-id s", "destroys-backups")]
    [InlineData("kubectl delete pods --all", "all-resources")]
    [InlineData("kubectl delete pods -A --all", "all-resources")]
    [InlineData("kubectl delete pod x --force --grace-period=0", "force")]
    [InlineData("rm -rf build", "recursive")]
    [InlineData("rm -rf build", "force")]
    [InlineData("rm -r -f build", "force")]
    [InlineData("rm -fr build", "recursive")]
    [InlineData("rm -rf build", "workspace-local")]
    [InlineData("rm -rf /tmp/cache", "temporary")]
    [InlineData("rm -rf /usr", "system-path")]
    [InlineData("rm -rf $TARGET", "dynamic-target")]
    [InlineData("git push --force origin main", "force")]
    [InlineData("git clean -n", "dry-run")]
    [InlineData("kubectl apply -f x.yaml --dry-run=client", "dry-run")]
    [InlineData("cat ~/.aws/credentials", "credential-access")]
    [InlineData("grep -r api_key ~/", "credential-access")]
    [InlineData("rg -i secret ~", "credential-access")]
    [InlineData("kubectl get secret db -o yaml", "credential-access")]
    [InlineData("railway volume delete -v vol", "destroys-backups")]
    [InlineData("docker system prune -a --volumes -f", "all-resources")]
    [InlineData("psql -c $SQL", "opaque")]
    [InlineData("gcloud frobnicate", "opaque")]
    [InlineData("terraform destroy -auto-approve", "auto-approve")]
    public void Match_Command_CarriesTag(string line, string tag)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.ShouldContain(a => a.HasTag(tag), $"{line} should carry {tag}");
    }

    [Theory]
    [InlineData("rm -rf build", "force-with-lease")]
    [InlineData("git push --force-with-lease origin main", "force")]
    [InlineData("kubectl get pods -A", "all-resources")]
    [InlineData("cat .env.example", "credential-access")]
    [InlineData("cat ~/.ssh/id_ed25519.pub", "credential-access")]
    [InlineData("grep -rn TODO src", "credential-access")]
    [InlineData("psql -c SELECT·1", "opaque")]
    public void Match_Command_LacksTag(string line, string tag)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.ShouldAllBe(a => !a.HasTag(tag));
    }

    [Theory]
    [InlineData("aws rds delete-db-instance --db-instance-identifier prod-db --profile production", "prod-db", "production")]
    [InlineData("aws cloudformation delete-stack --stack-name api --region eu-west-1", "api", "eu-west-1")]
    [InlineData("kubectl --context prod-eu -n payments delete deploy api", "api", "prod-eu")]
    [InlineData("kubectl delete ns staging", "staging", "staging")]
    [InlineData("kubectl delete ns staging --namespace=x", "staging", "x")]
    [InlineData("helm uninstall api --kube-context prod", "api", "prod")]
    [InlineData("railway environment delete production", "production", "production")]
    [InlineData("railway volume delete --volume vol_9 -e production", "vol_9", "production")]
    [InlineData("heroku apps:destroy --app shop-prod --confirm shop-prod", "shop-prod", "shop-prod")]
    [InlineData("fly apps destroy shop -a shop", "shop", "shop")]
    [InlineData("psql -h db.prod.internal -d orders -c SELECT·1", "orders", "db.prod.internal")]
    [InlineData("psql postgres://u@db.prod/app -c SELECT·1", "postgres://u@db.prod/app", "postgres://u@db.prod/app")]
    [InlineData("mysql -h mysql.staging -D shop -e SELECT·1", "shop", "mysql.staging")]
    [InlineData("pulumi stack rm prod --force", "prod", "prod")]
    [InlineData("pulumi destroy -s org/prod --yes", "org/prod", "org/prod")]
    [InlineData("gcloud sql instances delete main --project acme-prod", "main", "acme-prod")]
    [InlineData("az group delete -n prod-rg --subscription prod-sub", "prod-rg", "prod-sub")]
    [InlineData("vercel env rm API_KEY production", "API_KEY", "production")]
    [InlineData("terraform workspace delete staging", "staging", "staging")]
    [InlineData("rails db:drop RAILS_ENV=production", null, "production")]
    [InlineData("redis-cli -h cache.prod FLUSHALL", null, "cache.prod")]
    [InlineData("dotenv -e .env.production -- rails db:drop", null, ".env.production")]
    public void Match_Command_ExtractsTargetAndEnvironmentHint(string line, string? id, string hint)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        var action = match.Actions.MaxBy(a => a.Risk)!;
        action.Target.Id.ShouldBe(id);
        action.EnvironmentHints.ShouldContain(hint);
    }

    [Fact]
    public void Match_SeveralPaths_OneActionPerPathWithItsOwnRisk()
    {
        var match = CommandLine.Match("rm -rf ./dist ~ /tmp/x");

        match.ShouldNotBeNull();
        match.Actions.Count.ShouldBe(3);
        match.Actions[0].Risk.ShouldBe(Model.Risk.Low);
        match.Actions[1].Risk.ShouldBe(Model.Risk.Critical);
        match.Actions[2].Risk.ShouldBe(Model.Risk.Low);
        match.Actions.Select(a => a.Target.Id).ShouldBe(["./dist", "~", "/tmp/x"]);
    }

    [Fact]
    public void Match_Action_NamesToolPathAndRule()
    {
        var match = CommandLine.Match("oc delete ns prod");

        match.ShouldNotBeNull();
        var action = match.Actions.Single();
        action.Tool.ShouldBe("kubectl");
        action.Path.ShouldBe("kubectl");
        action.RuleId.ShouldBe("kubectl.delete.namespace");
        action.Reversible.ShouldBeFalse();
        action.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Match_ForwardedLauncher_PrefixesPathWithLauncher()
    {
        var match = CommandLine.Match("npx prisma migrate reset");

        match.ShouldNotBeNull();
        match.Actions.Single().Path.ShouldBe("npx>prisma");
    }

    [Fact]
    public void Match_ReadOnlyCommand_IsReversible()
    {
        var match = CommandLine.Match("kubectl get pods");

        match.ShouldNotBeNull();
        match.Actions.Single().Reversible.ShouldBeTrue();
    }
}
