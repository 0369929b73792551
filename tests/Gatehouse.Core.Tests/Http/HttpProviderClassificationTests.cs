using Gatehouse.Core.Http;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Http;

public sealed class HttpProviderClassificationTests
{
    private static AgentAction Classify(string method, string url, string? body = null, params string[] headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            list.Add(new KeyValuePair<string, string>(header[..colon], header[(colon + 1)..].Trim()));
        }

        return HttpRequestClassifier.Classify(new HttpRequestDescription(method, url, list, body, false)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("https://rds.us-east-1.amazonaws.com/?Action=DeleteDBInstance&DBInstanceIdentifier=prod-db&Version=2014-10-31", "prod-db")]
    [InlineData("https://rds.amazonaws.com/?Action=DeleteDBCluster&DBClusterIdentifier=c1", "c1")]
    public void Classify_AwsQueryDeleteOfDatabase_Critical(string url, string id)
    {
        var action = Classify("GET", url);
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Id.ShouldBe(id);
        action.RuleId.ShouldStartWith("http.aws.");
    }

    [Fact]
    public void Classify_AwsFormBodySkipFinalSnapshot_CriticalTagged()
    {
        var action = Classify("POST", "https://rds.us-east-1.amazonaws.com/",
            "Action=DeleteDBInstance&DBInstanceIdentifier=db1&SkipFinalSnapshot=true&Version=2014-10-31",
            "Content-Type: application/x-www-form-urlencoded");
        action.Risk.ShouldBe(Risk.Critical);
        action.HasTag(Tags.NoFinalSnapshot).ShouldBeTrue();
        action.Target.Kind.ShouldBe("database");
        action.Target.Id.ShouldBe("db1");
    }

    [Fact]
    public void Classify_AwsDeleteAutomatedBackups_TagsDestroysBackups()
    {
        var action = Classify("POST", "https://rds.amazonaws.com/", "Action=DeleteDBInstance&DBInstanceIdentifier=db1&DeleteAutomatedBackups=true");
        action.HasTag(Tags.DestroysBackups).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Action=DescribeDBInstances&Version=2014-10-31", Verb.Read, Risk.None)]
    [InlineData("Action=ListTagsForResource&Version=1", Verb.List, Risk.None)]
    [InlineData("Action=CreateDBInstance&DBInstanceIdentifier=x", Verb.Create, Risk.Medium)]
    [InlineData("Action=ModifyDBInstance&DBInstanceIdentifier=x", Verb.Update, Risk.Medium)]
    [InlineData("Action=TerminateInstances&InstanceId.1=i-123", Verb.Delete, Risk.High)]
    [InlineData("Action=StopInstances&InstanceId.1=i-123", Verb.Update, Risk.High)]
    [InlineData("Action=DeleteSnapshot&SnapshotId=snap-1", Verb.Delete, Risk.Critical)]
    [InlineData("Action=DeleteDBSnapshot&DBSnapshotIdentifier=s", Verb.Delete, Risk.Critical)]
    [InlineData("Action=DeleteVolume&VolumeId=vol-1", Verb.Delete, Risk.Critical)]
    [InlineData("Action=DeleteStack&StackName=prod", Verb.Delete, Risk.Critical)]
    [InlineData("Action=AuthorizeSecurityGroupIngress&GroupId=sg", Verb.Grant, Risk.High)]
    [InlineData("Action=FrobnicateWidget", Verb.Unknown, Risk.High)]
    public void Classify_AwsQueryAction_VerbFromName(string body, Verb verb, Risk risk)
    {
        var action = Classify("POST", "https://ec2.us-west-2.amazonaws.com/", body);
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
    }

    [Theory]
    [InlineData("DynamoDB_20120810.DeleteTable", "{\"TableName\":\"orders\"}", Verb.Delete, Risk.Critical, "orders")]
    [InlineData("DynamoDB_20120810.GetItem", "{\"TableName\":\"orders\",\"Key\":{}}", Verb.Read, Risk.None, "orders")]
    [InlineData("DynamoDB_20120810.DeleteBackup", "{\"BackupArn\":\"arn:x\"}", Verb.Delete, Risk.Critical, null)]
    [InlineData("DynamoDB_20120810.Scan", "{\"TableName\":\"t\"}", Verb.Read, Risk.None, "t")]
    [InlineData("TrentService.ScheduleKeyDeletion", "{\"KeyId\":\"k1\"}", Verb.Delete, Risk.Critical, "k1")]
    [InlineData("secretsmanager.DeleteSecret", "{\"SecretId\":\"s\",\"ForceDeleteWithoutRecovery\":true}", Verb.Delete, Risk.Critical, "s")]
    [InlineData("secretsmanager.DeleteSecret", "{\"SecretId\":\"s\"}", Verb.Delete, Risk.High, "s")]
    public void Classify_AwsJsonTarget_Classified(string target, string body, Verb verb, Risk risk, string? id)
    {
        var action = Classify("POST", "https://dynamodb.us-east-1.amazonaws.com/", body, "X-Amz-Target: " + target, "Content-Type: application/x-amz-json-1.0");
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
        action.Target.Id.ShouldBe(id);
    }

    [Fact]
    public void Classify_ActionParameterOnNonAwsHost_NotAws()
    {
        var action = Classify("GET", "https://shop.example.com/cart?Action=DeleteItem");
        action.Verb.ShouldBe(Verb.Read);
    }

    [Theory]
    [InlineData("DELETE", "https://my-bucket.s3.amazonaws.com/", Verb.Delete, Risk.Critical, "bucket", "my-bucket")]
    [InlineData("DELETE", "https://s3.us-east-1.amazonaws.com/my-bucket", Verb.Delete, Risk.Critical, "bucket", "my-bucket")]
    [InlineData("DELETE", "https://my-bucket.s3.eu-west-1.amazonaws.com/path/to/key.txt", Verb.Delete, Risk.High, "object", "my-bucket/path/to/key.txt")]
    [InlineData("POST", "https://my-bucket.s3.amazonaws.com/?delete", Verb.Delete, Risk.High, "bucket-objects", "my-bucket")]
    [InlineData("POST", "https://s3.amazonaws.com/my-bucket?delete", Verb.Delete, Risk.High, "bucket-objects", "my-bucket")]
    [InlineData("GET", "https://my-bucket.s3.amazonaws.com/key", Verb.Read, Risk.None, "object", "my-bucket/key")]
    [InlineData("PUT", "https://my-bucket.s3.amazonaws.com/key", Verb.Update, Risk.Medium, "object", "my-bucket/key")]
    [InlineData("DELETE", "https://my-bucket.nyc3.digitaloceanspaces.com/", Verb.Delete, Risk.Critical, "bucket", "my-bucket")]
    [InlineData("DELETE", "https://nyc3.digitaloceanspaces.com/my-bucket", Verb.Delete, Risk.Critical, "bucket", "my-bucket")]
    [InlineData("DELETE", "https://storage.googleapis.com/my-bucket", Verb.Delete, Risk.Critical, "bucket", "my-bucket")]
    [InlineData("DELETE", "https://acct.r2.cloudflarestorage.com/my-bucket", Verb.Delete, Risk.Critical, "bucket", "my-bucket")]
    [InlineData("DELETE", "https://my-bucket.s3.amazonaws.com/?policy", Verb.Delete, Risk.High, "bucket-configuration", "my-bucket")]
    public void Classify_S3Request_Classified(string method, string url, Verb verb, Risk risk, string kind, string id)
    {
        var action = Classify(method, url);
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
        action.Target.Kind.ShouldBe(kind);
        action.Target.Id.ShouldBe(id);
    }

    [Fact]
    public void Classify_GenericPostDeleteQuery_MultiObjectDelete()
    {
        var action = Classify("POST", "https://minio.internal:9000/bucket?delete");
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("DELETE", "https://k8s.example:6443/api/v1/namespaces/production", Verb.Delete, Risk.Critical, "namespace", "production")]
    [InlineData("DELETE", "https://k8s.example:6443/api/v1/namespaces/%70roduction", Verb.Delete, Risk.Critical, "namespace", "production")]
    [InlineData("DELETE", "https://k8s.example/apis/apps/v1/namespaces/prod/deployments", Verb.Delete, Risk.Critical, "deployment", "prod")]
    [InlineData("DELETE", "https://k8s.example/api/v1/namespaces/prod/pods?labelSelector=app%3Dweb", Verb.Delete, Risk.Critical, "pod", "prod")]
    [InlineData("DELETE", "https://k8s.example/api/v1/namespaces/prod/pods/web-1", Verb.Delete, Risk.High, "pod", "prod/web-1")]
    [InlineData("DELETE", "https://k8s.example/api/v1/namespaces/prod/persistentvolumeclaims/data", Verb.Delete, Risk.Critical, "persistentvolumeclaim", "prod/data")]
    [InlineData("DELETE", "https://k8s.example/api/v1/persistentvolumes/pv1", Verb.Delete, Risk.Critical, "persistentvolume", "pv1")]
    [InlineData("DELETE", "https://k8s.example/api/v1/nodes", Verb.Delete, Risk.Critical, "node", null)]
    [InlineData("DELETE", "https://k8s.example/apis/apiextensions.k8s.io/v1/customresourcedefinitions/foos.example.com", Verb.Delete, Risk.Critical, "customresourcedefinition", "foos.example.com")]
    [InlineData("GET", "https://k8s.example/api/v1/namespaces/prod/pods", Verb.List, Risk.None, "pod", "prod")]
    [InlineData("GET", "https://k8s.example/api/v1/namespaces/prod/pods/web-1", Verb.Read, Risk.None, "pod", "prod/web-1")]
    [InlineData("GET", "https://k8s.example/api/v1/namespaces/prod/pods/web-1/log", Verb.Read, Risk.None, "pod", "prod/web-1")]
    [InlineData("POST", "https://k8s.example/api/v1/namespaces/prod/pods/web-1/exec?command=sh", Verb.Execute, Risk.High, "pod", "prod/web-1")]
    [InlineData("POST", "https://k8s.example/apis/apps/v1/namespaces/prod/deployments", Verb.Create, Risk.Medium, "deployment", "prod")]
    [InlineData("PUT", "https://k8s.example/api/v1/namespaces/prod/finalize", Verb.Update, Risk.High, "namespace", "prod")]
    [InlineData("DELETE", "http://127.0.0.1:8001/api/v1/namespaces/prod/secrets/db", Verb.Delete, Risk.High, "secret", "prod/db")]
    public void Classify_KubernetesApi_Classified(string method, string url, Verb verb, Risk risk, string kind, string? id)
    {
        var action = Classify(method, url);
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
        action.Target.Kind.ShouldBe(kind);
        action.Target.Id.ShouldBe(id);
    }

    [Theory]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/prod/deployments/web/scale", "{\"spec\":{\"replicas\":0}}", Risk.High)]
    [InlineData("PUT", "/apis/apps/v1/namespaces/prod/deployments/web/scale", "{\"kind\":\"Scale\",\"spec\":{\"replicas\":0}}", Risk.High)]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/prod/deployments/web", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":0}]", Risk.High)]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/prod/statefulsets/db", "{\"spec\":{\"replicas\":0}}", Risk.High)]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/prod/deployments/web/scale", "{\"spec\":{\"replicas\":3}}", Risk.Medium)]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/prod/deployments/web", "{\"spec\":{\"template\":{}}}", Risk.Medium)]
    public void Classify_KubernetesScale_ZeroIsHigh(string method, string path, string body, Risk risk)
    {
        var action = Classify(method, "https://k8s.example" + path, body);
        action.Verb.ShouldBe(Verb.Update);
        action.Risk.ShouldBe(risk);
    }

    [Fact]
    public void Classify_KubernetesDryRun_NoRisk()
    {
        var action = Classify("DELETE", "https://k8s.example/api/v1/namespaces/prod?dryRun=All");
        action.Risk.ShouldBe(Risk.None);
        action.HasTag(Tags.DryRun).ShouldBeTrue();
    }

    [Fact]
    public void Classify_KubernetesNamespace_IsEnvironmentHint()
    {
        Classify("DELETE", "https://k8s.example/api/v1/namespaces/prod/pods/x").EnvironmentHints.ShouldContain("prod");
    }

    [Fact]
    public void Classify_ApiV1UsersOnOrdinaryApi_NotKubernetes()
    {
        var action = Classify("DELETE", "https://api.example.com/api/v1/users/42");
        action.Target.Kind.ShouldBe("http-endpoint");
        action.Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("DELETE", "https://api.heroku.com/apps/my-app", "app", "my-app", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.heroku.com/addons/postgresql-123", "heroku-addon", "postgresql-123", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.heroku.com/apps/my-app/addons/pg", "heroku-addon", "pg", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.heroku.com/apps/my-app/dynos", "app", "my-app", Verb.Update, Risk.Medium)]
    [InlineData("DELETE", "https://api.vercel.com/v9/projects/prj_1", "project", "prj_1", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.vercel.com/v13/deployments/dpl_1", "deployment", "dpl_1", Verb.Delete, Risk.High)]
    [InlineData("DELETE", "https://api.vercel.com/v9/projects/prj/env/env_1", "variable", "env_1", Verb.Delete, Risk.High)]
    [InlineData("DELETE", "https://api.netlify.com/api/v1/sites/site-1", "app", "site-1", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.supabase.com/v1/projects/abcd", "project", "abcd", Verb.Delete, Risk.Critical)]
    [InlineData("POST", "https://api.supabase.com/v1/projects/abcd/database/query", "database", "abcd", Verb.Execute, Risk.High)]
    [InlineData("DELETE", "https://abcd.supabase.co/rest/v1/orders?id=eq.5", "table-rows", "orders", Verb.Delete, Risk.High)]
    [InlineData("DELETE", "https://abcd.supabase.co/rest/v1/orders", "table-rows", "orders", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.machines.dev/v1/apps/my-app", "app", "my-app", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.machines.dev/v1/apps/my-app/volumes/vol_1", "volume", "vol_1", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.machines.dev/v1/apps/my-app/machines/m1", "instance", "m1", Verb.Delete, Risk.High)]
    [InlineData("DELETE", "https://api.digitalocean.com/v2/droplets/123", "instance", "123", Verb.Delete, Risk.High)]
    [InlineData("DELETE", "https://api.digitalocean.com/v2/droplets?tag_name=web", "instance", "api.digitalocean.com/v2/droplets", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.digitalocean.com/v2/databases/uuid-1", "database", "uuid-1", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.digitalocean.com/v2/kubernetes/clusters/k1/destroy_with_associated_resources/dangerous", "cluster", "k1", Verb.Delete, Risk.Critical)]
    [InlineData("POST", "https://api.digitalocean.com/v2/droplets/123/actions", "instance", "123", Verb.Update, Risk.High)]
    [InlineData("DELETE", "https://api.github.com/repos/acme/api", "git-repo", "api", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://api.github.com/repos/acme/api/git/refs/heads/main", "git-branch", "api.github.com/repos/acme/api/git/refs/heads/main", Verb.Delete, Risk.High)]
    [InlineData("DELETE", "https://api.cloudflare.com/client/v4/zones/z1", "dns-zone", "z1", Verb.Delete, Risk.Critical)]
    [InlineData("DELETE", "https://console.neon.tech/api/v2/projects/p1/branches/br1", "database-branch", "br1", Verb.Delete, Risk.Critical)]
    public void Classify_ProviderRestRule_Applied(string method, string url, string kind, string id, Verb verb, Risk risk)
    {
        var action = Classify(method, url);
        action.Verb.ShouldBe(verb);
        action.Risk.ShouldBe(risk);
        action.Target.Kind.ShouldBe(kind);
        action.Target.Id.ShouldBe(id);
    }

    [Fact]
    public void Classify_SupabaseSqlEndpointWithQueryBody_JudgedAsSqlNotGraphQL()
    {
        var action = Classify("POST", "https://api.supabase.com/v1/projects/abcd/database/query", "{\"query\":\"DROP TABLE users\"}");
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Path.ShouldBe("http>sql");
    }

    [Theory]
    [InlineData("GET", "https://api.heroku.com/apps/my-app")]
    [InlineData("GET", "https://api.vercel.com/v9/projects/prj_1")]
    [InlineData("GET", "https://api.digitalocean.com/v2/droplets")]
    public void Classify_ProviderRead_Read(string method, string url)
    {
        Classify(method, url).Verb.ShouldBe(Verb.Read);
    }
}
