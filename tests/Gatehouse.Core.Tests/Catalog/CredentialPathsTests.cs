using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class CredentialPathsTests
{
    [Theory]
    [InlineData(".env")]
    [InlineData("./.env")]
    [InlineData("app/.env.local")]
    [InlineData(".env.production")]
    [InlineData(".env*")]
    [InlineData("prod.env")]
    [InlineData("~/.aws/credentials")]
    [InlineData("~/.aws/config")]
    [InlineData("$HOME/.aws/credentials")]
    [InlineData("/home/alice/.aws/credentials")]
    [InlineData("/root/.ssh/id_rsa")]
    [InlineData("~/.ssh/id_ed25519")]
    [InlineData("~/.ssh/id_ecdsa")]
    [InlineData("~/.ssh")]
    [InlineData("id_rsa")]
    [InlineData("deploy/server.pem")]
    [InlineData("tls.key")]
    [InlineData("~/.kube/config")]
    [InlineData("~/.docker/config.json")]
    [InlineData("~/.netrc")]
    [InlineData("~/.pgpass")]
    [InlineData("~/.npmrc")]
    [InlineData("~/.pypirc")]
    [InlineData("~/.git-credentials")]
    [InlineData("~/.config/gcloud/application_default_credentials.json")]
    [InlineData("~/.azure/accessTokens.json")]
    [InlineData("~/.railway/config.json")]
    [InlineData("~/.fly/config.yml")]
    [InlineData("~/.config/heroku")]
    [InlineData("~/.netlify/config.json")]
    [InlineData("~/.vercel/auth.json")]
    [InlineData("~/.supabase/access-token")]
    [InlineData("terraform.tfstate")]
    [InlineData("infra/prod.tfstate")]
    [InlineData("config/secrets.yml")]
    [InlineData("secrets.json")]
    [InlineData("/etc/shadow")]
    [InlineData("~/.config/railway/config.json")]
    [InlineData("~/.config/railway")]
    [InlineData("/proc/self/environ")]
    [InlineData("/proc/1/environ")]
    [InlineData("/proc/*/environ")]
    [InlineData("~/.config/gh/hosts.yml")]
    [InlineData("~/.config/op/config")]
    [InlineData("~/.terraform.d/credentials.tfrc.json")]
    public void IsCredential_SecretLocation_ReturnsTrue(string path)
    {
        CredentialPaths.IsCredential(path).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData(".env.example")]
    [InlineData(".env.sample")]
    [InlineData(".env.template")]
    [InlineData(".environment")]
    [InlineData("src/env.ts")]
    [InlineData("README.md")]
    [InlineData("~/.ssh/id_rsa.pub")]
    [InlineData("~/.bashrc")]
    [InlineData("~/projects/app/main.go")]
    [InlineData("/etc/passwd")]
    [InlineData("package.json")]
    [InlineData("keyboard.ts")]
    [InlineData("/proc/self/status")]
    [InlineData("src/environ")]
    [InlineData("~/.config/railway-notes.txt")]
    public void IsCredential_OrdinaryFile_ReturnsFalse(string path)
    {
        CredentialPaths.IsCredential(path).ShouldBeFalse();
    }
}
