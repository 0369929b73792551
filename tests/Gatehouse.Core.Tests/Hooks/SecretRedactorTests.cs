using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Tests.Hooks;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("curl -H 'Authorization: Bearer abc123def456ghi' https://api", "abc123def456ghi")]
    [InlineData("curl -H \"Authorization: Basic dXNlcjpwYXNz\" x", "dXNlcjpwYXNz")]
    [InlineData("curl --header 'X-Api-Key: k_live_1234567890' x", "k_live_1234567890")]
    [InlineData("psql postgres://admin:hunter2@db.prod:5432/app", "hunter2")]
    [InlineData("mysql://root:s3cr3t!@localhost/shop", "s3cr3t!")]
    [InlineData("DATABASE_PASSWORD=hunter2 ./run.sh", "hunter2")]
    [InlineData("export API_KEY=abcdef123456", "abcdef123456")]
    [InlineData("{\"password\":\"hunter2\",\"user\":\"a\"}", "hunter2")]
    [InlineData("Server=db;User Id=sa;Password=Pa55word;", "Pa55word")]
    [InlineData("railway login --token 9f8e7d6c5b4a", "9f8e7d6c5b4a")]
    [InlineData("mycli --password=hunter2 db", "hunter2")]
    [InlineData("echo ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("OPENAI=sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAA")]
    public void Redact_SecretInText_IsRemoved(string text, string secret)
    {
        SecretRedactor.MayHoldSecret(text).ShouldBeTrue();
        var redacted = SecretRedactor.Redact(text);

        redacted.ShouldNotContain(secret);
        redacted.ShouldContain(SecretRedactor.Mask);
    }

    [Theory]
    [InlineData("git status")]
    [InlineData("rm -rf ./build")]
    [InlineData("psql postgres://db.prod:5432/app -c 'SELECT 1'")]
    [InlineData("kubectl delete ns prod")]
    public void Redact_NoSecret_LeavesTextAsIs(string text) => SecretRedactor.Redact(text).ShouldBe(text);

    [Theory]
    [InlineData("git status", false)]
    [InlineData("npm run build && npm test", false)]
    [InlineData("rm -rf ~", false)]
    [InlineData("update branch main via git (shell>git, high, history-rewrite)", false)]
    [InlineData("echo gho_abcdefghijklmnopqrstuvwxyz0123456789", true)]
    [InlineData("echo ghs_abcdefghijklmnopqrstuvwxyz0123456789", true)]
    [InlineData("curl -H 'Cookie: session=abc' x", true)]
    [InlineData("echo xoxb-1234567890-abcdef", true)]
    [InlineData("echo rk_live_abcdefghijklmnop", true)]
    [InlineData("echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghij", true)]
    [InlineData("echo github_pat_abcdefghijklmnopqrstuvwxyz", true)]
    [InlineData("echo ASIAIOSFODNN7EXAMPLE", true)]
    [InlineData("mycli --PASSWD hunter2", true)]
    [InlineData("export API\u212AEY=hunter2", true)]
    [InlineData("export PA\u017F\u017FWORD=hunter2", true)]
    [InlineData("Denied: rm deletes files (rm \u2192 directory ~)", false)]
    [InlineData("rm -rf \u00e9t\u00e9 \u2014 \u00fcber", false)]
    public void MayHoldSecret_Text_OnlyFalseWhenNoPatternCanMatch(string text, bool expected) =>
        SecretRedactor.MayHoldSecret(text).ShouldBe(expected);

    [Fact]
    public void Redact_KelvinSignKey_StillRedacted()
    {
        // The patterns ignore case the .NET way, where U+212A KELVIN SIGN matches "k": the quick check must not skip it.
        var redacted = SecretRedactor.Redact("export API_\u212AEY=hunter2");

        redacted.ShouldNotContain("hunter2");
        redacted.ShouldContain(SecretRedactor.Mask);
    }

    [Fact]
    public void Redact_ConnectionString_KeepsUserAndHost()
    {
        var redacted = SecretRedactor.Redact("psql postgres://admin:hunter2@db.prod/app");

        redacted.ShouldBe("psql postgres://admin:[REDACTED]@db.prod/app");
    }

    [Fact]
    public void FoldToAscii_EveryCodeUnit_AgreesWithTheRegexEnginesCaseMatching()
    {
        // Exhaustive: a non-ASCII character the patterns' matching treats as an ASCII letter must fold to that letter, or
        // the quick check could skip a secret spelled with it; any other non-ASCII character may fold to nothing.
        var letters = new System.Text.RegularExpressions.Regex[26];
        for (var i = 0; i < 26; i++)
        {
            letters[i] = new System.Text.RegularExpressions.Regex(
                "^" + (char)('a' + i) + "$",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        }

        for (var c = (char)0x80; c < char.MaxValue; c++)
        {
            var folded = SecretRedactor.FoldToAscii(c);
            for (var i = 0; i < 26; i++)
            {
                if (letters[i].IsMatch(c.ToString()))
                {
                    char.ToLowerInvariant(folded).ShouldBe((char)('a' + i), $"U+{(int)c:X4}");
                }
            }
        }
    }
}
