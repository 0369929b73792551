namespace Gatehouse.Cli.Tests;

/// <summary>The real `gatehouse cedar` process: files in, ALLOW/DENY and the exit-code contract out.</summary>
public sealed class CedarCommandTests : IDisposable
{
    private const string Policies = """
        permit(principal in Group::"staff", action == Action::"view", resource);
        forbid(principal, action, resource) when { principal.age < 18 };
        """;

    private const string EntitiesJson = """
        [
          {"uid":{"type":"User","id":"alice"},"attrs":{"age":30},"parents":[{"type":"Group","id":"staff"}]},
          {"uid":{"type":"User","id":"kid"},"attrs":{"age":12},"parents":[{"type":"Group","id":"staff"}]},
          {"uid":{"type":"Group","id":"staff"},"attrs":{},"parents":[]}
        ]
        """;

    private const string Schema = """
        entity Group;
        entity User in [Group] { age: Long };
        entity Doc;
        action view appliesTo { principal: User, resource: Doc };
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-cedar-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("alice", "view", 0, "ALLOW", "policy0")]
    [InlineData("kid", "view", 2, "DENY", "policy1")]
    [InlineData("alice", "edit", 2, "DENY", "")]
    [InlineData("nobody", "view", 2, "DENY", "errored")]
    public void CedarAuthorize_Request_PrintsDecisionAndExitCode(string user, string action, int exitCode, string decision, string mentions)
    {
        var (code, stdout, _) = Run("cedar", "authorize", "--policies", Write("p.cedar", Policies), "--entities", Write("e.json", EntitiesJson),
            "--principal", $"User::\"{user}\"", "--action", $"Action::\"{action}\"", "--resource", "Doc::\"d\"");

        code.ShouldBe(exitCode);
        stdout.Split('\n')[0].ShouldBe(decision);
        stdout.ShouldContain(mentions);
    }

    [Fact]
    public void CedarAuthorize_RequestJsonWithContext_Allows()
    {
        var policies = Write("p.cedar", "permit(principal, action, resource) when { context.mfa && context.ip.isInRange(ip(\"10.0.0.0/8\")) };");
        var request = Write("r.json", """{"principal":{"type":"User","id":"alice"},"action":{"type":"Action","id":"view"},"resource":{"type":"Doc","id":"d"},"context":{"mfa":true,"ip":{"__extn":{"fn":"ip","arg":"10.2.3.4"}}}}""");

        var (code, stdout, _) = Run("cedar", "authorize", "--policies", policies, "--entities", Write("e.json", "[]"), "--request-json", request);

        code.ShouldBe(0);
        stdout.ShouldStartWith("ALLOW");
    }

    [Fact]
    public void CedarAuthorize_ContextFile_IsTheRequestContext()
    {
        var policies = Write("p.cedar", "forbid(principal, action, resource) unless { context.mfa };\npermit(principal, action, resource);");

        var (code, _, _) = Run("cedar", "authorize", "--policies", policies, "--entities", Write("e.json", "[]"),
            "--principal", "User::\"a\"", "--action", "Action::\"view\"", "--resource", "Doc::\"d\"", "--context", Write("c.json", "{\"mfa\":false}"));

        code.ShouldBe(2);
    }

    [Theory]
    [InlineData("permit(principal, action, resource) when { 1 + };", "[]", "p.cedar:1:")]
    [InlineData("permit(principal, action, resource);", "[{\"uid\":", "")]
    [InlineData("permit(principal, action, resource);", "[]", "UID")]
    public void CedarAuthorize_BadInput_ExitsOneWithAMessage(string policies, string entities, string message)
    {
        var arguments = new List<string> { "cedar", "authorize", "--policies", Write("p.cedar", policies), "--entities", Write("e.json", entities) };
        if (message != "UID")
        {
            arguments.AddRange(["--principal", "User::\"a\"", "--action", "Action::\"v\"", "--resource", "Doc::\"d\""]);
        }

        var (code, stdout, stderr) = Run([.. arguments]);

        code.ShouldBe(1);
        stdout.ShouldNotContain("ALLOW");
        stderr.ShouldContain(message);
    }

    [Fact]
    public void CedarAuthorize_InvalidUtf8Policies_ExitsOne()
    {
        var path = Path.Combine(_directory, "p.cedar");
        File.WriteAllBytes(path, [.. "permit(principal, action, resource) when { \""u8, 0xFF, 0xFE, .. "\" == \"\" };"u8]);

        var (code, _, stderr) = Run("cedar", "authorize", "--policies", path, "--entities", Write("e.json", "[]"),
            "--principal", "User::\"a\"", "--action", "Action::\"v\"", "--resource", "Doc::\"d\"");

        code.ShouldBe(1);
        stderr.ShouldContain("UTF-8");
    }

    [Fact]
    public void CedarValidate_ValidPolicies_ExitsZero()
    {
        var (code, stdout, _) = Run("cedar", "validate", "--policies", Write("p.cedar", Policies), "--schema", Write("s.cedarschema", Schema));

        code.ShouldBe(0);
        stdout.ShouldContain("validation passed");
    }

    [Fact]
    public void CedarValidate_UnknownAttribute_ExitsOneWithLineAndColumn()
    {
        var policies = Write("p.cedar", "permit(principal, action, resource);\npermit(principal, action, resource) when { principal.height > 1 };");

        var (code, stdout, _) = Run("cedar", "validate", "--policies", policies, "--schema", Write("s.cedarschema", Schema));

        code.ShouldBe(1);
        stdout.ShouldContain(policies + ":2:");
        stdout.ShouldContain("policy1");
        stdout.ShouldContain("height");
    }

    [Fact]
    public void CedarValidate_MissingSchema_ExitsOne()
    {
        var (code, _, stderr) = Run("cedar", "validate", "--policies", Write("p.cedar", Policies));

        code.ShouldBe(1);
        stderr.ShouldContain("--schema");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static GatehouseResult Run(params string[] args) => GatehouseRunner.Run(args);
}
