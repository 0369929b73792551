using System.Text;
using System.Text.Json;

namespace Gatehouse.Cli.Tests;

public sealed class CheckCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(string? stdin, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, new StringReader(stdin ?? string.Empty), output, error);
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Theory]
    [InlineData("ls -la", 0)]
    [InlineData("rm -rf /", 2)]
    [InlineData("git reset --hard HEAD~3", 3)]
    public void Check_SingleCommand_ExitCodeFollowsDecision(string command, int expected)
    {
        var (exitCode, _, stderr) = Run(null, "check", command);

        exitCode.ShouldBe(expected, stderr);
    }

    [Fact]
    public void Check_Json_HasTheContractFields()
    {
        var (exitCode, stdout, _) = Run(null, "check", "--json", "sudo bash -c 'psql -c \"DROP TABLE users\"'");

        exitCode.ShouldBe(2);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        root.GetProperty("decision").GetString().ShouldBe("deny");
        root.GetProperty("risk").GetString().ShouldBe("critical");
        root.GetProperty("rules").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        var drop = root.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("verb").GetString() == "delete");
        drop.GetProperty("path").GetString().ShouldBe("shell>sudo>bash -c>psql>sql");
        drop.GetProperty("target").GetProperty("kind").GetString().ShouldBe("table");
        drop.GetProperty("target").GetProperty("environments").ValueKind.ShouldBe(JsonValueKind.Array);
        drop.GetProperty("tool").GetString().ShouldNotBeNullOrEmpty();
        drop.GetProperty("reversible").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Check_Explain_NamesSegmentsAndRules()
    {
        var (_, stdout, _) = Run(null, "check", "--explain", "nohup rm -rf ~ &");

        stdout.ShouldContain("deny");
        stdout.ShouldContain("shell>nohup>rm");
        stdout.ShouldContain("rule");
    }

    [Fact]
    public void Check_InputFromStdin_IsRead()
    {
        var (exitCode, _, _) = Run("kubectl delete namespace production", "check", "-");

        exitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("sql", "DELETE FROM users", 2)]
    [InlineData("sql", "SELECT * FROM users WHERE id = 1", 0)]
    [InlineData("graphql", "mutation { volumeDelete(volumeId: \"vol_1\") }", 2)]
    [InlineData("graphql", "{\"query\":\"query { me { id } }\"}", 0)]
    [InlineData("http", "DELETE https://api.example.com/v1/namespaces/prod HTTP/1.1\nHost: api.example.com", 3)]
    public void Check_Kind_UsesThatLanguage(string kind, string input, int expected)
    {
        var (exitCode, stdout, stderr) = Run(null, "check", "--kind", kind, "--", input);

        exitCode.ShouldBe(expected, stdout + stderr);
    }

    [Fact]
    public void Check_DeclaredProductionEnvironment_EscalatesMutations()
    {
        var (exitCode, _, _) = Run(null, "check", "--env", "production", "kubectl rollout restart deployment/api");

        exitCode.ShouldBe(3);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--kind", "cobol", "x")]
    [InlineData("check", "--bogus", "x")]
    [InlineData("check", "--policy", "p.cedar", "ls")]
    [InlineData("frobnicate")]
    public void Check_BadArguments_AreAnErrorNeverAnAllow(params string[] args)
    {
        var (exitCode, _, stderr) = Run(null, args);

        exitCode.ShouldBe(1);
        stderr.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Batch_LinesInOrder_OneResultEach()
    {
        var input = """
            {"id":"a","kind":"shell","input":"ls"}
            {"id":"b","input":"rm -rf /"}

            {"id":3,"kind":"sql","input":"TRUNCATE orders"}
            not json at all
            {"id":"e","kind":"cobol","input":"x"}
            {"id":"f"}
            {"id":"g","input":"terraform apply","env":"production"}
            """;

        var (exitCode, stdout, _) = Run(input, "check", "--batch", "-");

        exitCode.ShouldBe(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(7);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        results.Select(r => r.TryGetProperty("id", out var id) ? id.GetString() : null).ShouldBe(["a", "b", "3", null, "e", "f", "g"]);
        results.Select(r => r.GetProperty("decision").GetString()).ShouldBe(["allow", "deny", "deny", "deny", "deny", "deny", "approve"]);
        results[3].GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Batch_MissingFile_IsAnError()
    {
        var (exitCode, _, stderr) = Run(null, "check", "--batch", "/nonexistent/batch.jsonl");

        exitCode.ShouldBe(1);
        stderr.ShouldContain("cannot read");
    }
}
