using Gatehouse.Core.Http;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Http;

/// <summary>Command line → request → actions, for everyday and destructive client invocations.</summary>
public sealed class HttpClientEndToEndTests
{
    private static Risk HighestRisk(string tool, string arguments, string? stdin = null)
    {
        var request = HttpClientCommandParser.TryParse(tool, CommandWords.Split(arguments), stdin).ShouldNotBeNull();
        var highest = Risk.None;
        foreach (var action in HttpRequestClassifier.Classify(request))
        {
            highest = action.Risk > highest ? action.Risk : highest;
        }

        return highest;
    }

    [Theory]
    [InlineData("curl", "-fsSL https://get.docker.com")]
    [InlineData("curl", "-s https://api.github.com/repos/acme/api/pulls?state=open")]
    [InlineData("curl", "localhost:3000/api/health")]
    [InlineData("curl", "-I https://example.com")]
    [InlineData("curl", "-X POST https://hooks.slack.com/services/T/B/X -d '{\"text\":\"deploy done\"}'")]
    [InlineData("curl", "-X PATCH https://api.github.com/repos/acme/api/issues/1 -d '{\"state\":\"closed\"}'")]
    [InlineData("curl", "-H \"Authorization: bearer $GITHUB_TOKEN\" -X POST -d '{\"query\":\"query { viewer { login } }\"}' https://api.github.com/graphql")]
    [InlineData("curl", "-X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' -d '{\"query\":\"query { projects { edges { node { id name } } } }\"}'")]
    [InlineData("curl", "-X POST https://backboard.railway.app/graphql/v2 -d '{\"query\":\"mutation { serviceInstanceRedeploy(serviceId: \\\"s\\\", environmentId: \\\"e\\\") }\"}'")]
    [InlineData("curl", "-G https://api.example.com/search --data-urlencode 'query=red shoes'")]
    [InlineData("curl", "-o /tmp/node.tgz https://nodejs.org/dist/v22.0.0/node-v22.0.0-linux-x64.tar.xz")]
    [InlineData("curl", "https://k8s.example/api/v1/namespaces/prod/pods")]
    [InlineData("wget", "-q https://example.com/archive.zip")]
    [InlineData("wget", "-qO- https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.0/install.sh")]
    [InlineData("http", ":8080/api/users")]
    [InlineData("http", "POST :8080/api/users name=alice")]
    [InlineData("https", "api.github.com/user")]
    [InlineData("xh", "get httpbin.org/json")]
    public void EndToEnd_EverydayCommand_NotStopped(string tool, string arguments)
    {
        ((int)HighestRisk(tool, arguments)).ShouldBeLessThanOrEqualTo((int)Risk.Medium);
    }

    [Theory]
    [InlineData("curl", "-X POST https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer $RAILWAY_TOKEN\" -H \"Content-Type: application/json\" -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol_abc\\\") }\"}'", Risk.Critical)]
    [InlineData("curl", "https://backboard.railway.com/graphql/v2 --json '{\"query\":\"mutation($id: String!) { volumeDelete(volumeId: $id) }\",\"variables\":{\"id\":\"v\"}}'", Risk.Critical)]
    [InlineData("curl", "-sX POST $RAILWAY_API -d '{\"query\":\"mutation { x: projectDelete(id: \\\"p\\\") }\"}'", Risk.Critical)]
    [InlineData("curl", "-X DELETE https://api.heroku.com/apps/prod-app", Risk.Critical)]
    [InlineData("curl", "-XDELETE https://k8s.example:6443/api/v1/namespaces/production", Risk.Critical)]
    [InlineData("curl", "-X DELETE https://api.digitalocean.com/v2/volumes/abc", Risk.Critical)]
    [InlineData("curl", "-X DELETE \"https://api.supabase.com/v1/projects/$REF\"", Risk.Critical)]
    [InlineData("curl", "-X DELETE https://api.example.com/v1/users/42", Risk.High)]
    [InlineData("curl", "-X POST https://api.example.com/v1/servers/s1/destroy", Risk.High)]
    [InlineData("curl", "-d @payload.json https://backboard.railway.app/graphql/v2", Risk.High)]
    [InlineData("curl", "-d \"$(cat q.json)\" https://api.example.com/graphql", Risk.High)]
    [InlineData("curl", "-X POST https://rds.amazonaws.com/ -d Action=DeleteDBInstance -d DBInstanceIdentifier=prod -d SkipFinalSnapshot=true", Risk.Critical)]
    [InlineData("wget", "--method=DELETE https://api.vercel.com/v9/projects/prj_1", Risk.Critical)]
    [InlineData("http", "DELETE https://api.machines.dev/v1/apps/my-app/volumes/vol_1", Risk.Critical)]
    [InlineData("xh", "POST backboard.railway.app/graphql/v2 'query=mutation { environmentDelete(id: \"e\") }'", Risk.Critical)]
    public void EndToEnd_DestructiveCommand_Stopped(string tool, string arguments, Risk atLeast)
    {
        ((int)HighestRisk(tool, arguments)).ShouldBeGreaterThanOrEqualTo((int)atLeast);
    }

    [Fact]
    public void EndToEnd_HeredocGraphQLOnStdin_Critical()
    {
        HighestRisk("curl", "-X POST https://backboard.railway.app/graphql/v2 -H 'Content-Type: application/json' --data-binary @-",
            "{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}").ShouldBe(Risk.Critical);
    }
}
