using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Policy;

namespace Gatehouse.Cli.Tests;

/// <summary>The resident hook over a real loopback socket on an ephemeral port.</summary>
public sealed class ServeTests : IDisposable
{
    private const string ClaudeDestructive = """{"session_id":"s","cwd":"/tmp","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf ~"}}""";
    private const string ClaudeRead = """{"session_id":"s","cwd":"/tmp","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls -la"}}""";

    private readonly CancellationTokenSource _stop = new();
    private readonly HookServer _server;
    private readonly Task _running;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ServeTests()
    {
        _server = new HookServer(new HookHandler(PolicyDecider.Default, null, TimeProvider.System), "127.0.0.1", FreePort());
        _server.Start();
        _running = _server.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task Serve_ClaudeDestructiveCall_IsA200DenyInClaudeTerms()
    {
        var (status, body) = await Post("claude", ClaudeDestructive);

        status.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(body);
        var output = document.RootElement.GetProperty("hookSpecificOutput");
        output.GetProperty("hookEventName").GetString().ShouldBe("PreToolUse");
        output.GetProperty("permissionDecision").GetString().ShouldBe("deny");
        output.GetProperty("permissionDecisionReason").GetString()!.ShouldContain("rm");
    }

    [Fact]
    public async Task Serve_ClaudeRead_IsNotBlocked()
    {
        var (status, body) = await Post("claude", ClaudeRead);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldNotContain("deny");
        body.ShouldNotContain("ask");
    }

    [Theory]
    [InlineData("cursor", """{"hook_event_name":"beforeShellExecution","conversation_id":"c","generation_id":"g","workspace_roots":["/tmp"],"command":"rm -rf ~","cwd":"/tmp"}""", "permission")]
    [InlineData("gemini", """{"session_id":"s","cwd":"/tmp","hook_event_name":"BeforeTool","tool_name":"run_shell_command","tool_input":{"command":"rm -rf ~"}}""", "decision")]
    [InlineData("codex", """{"session_id":"s","turn_id":"t","cwd":"/tmp","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf ~"}}""", "hookSpecificOutput.permissionDecision")]
    [InlineData("copilot", """{"sessionId":"s","timestamp":1,"cwd":"/tmp","toolName":"bash","toolArgs":"{\"command\":\"rm -rf ~\"}"}""", "permissionDecision")]
    public async Task Serve_EachAgentsDestructiveCall_IsDeniedInThatAgentsTerms(string agent, string payload, string field)
    {
        var (status, body) = await Post(agent, payload);

        status.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(body);
        var element = document.RootElement;
        foreach (var part in field.Split('.'))
        {
            element = element.GetProperty(part);
        }

        element.GetString().ShouldBe("deny", body);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    public async Task Serve_UnreadablePayload_IsBlockedNotAnErrorStatus(string payload)
    {
        var (status, body) = await Post("claude", payload);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("\"deny\"");
    }

    [Fact]
    public async Task Serve_UnknownAgent_IsNotFound()
    {
        var (status, _) = await Post("notepad", ClaudeRead);

        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Serve_FormPost_IsRefusedSoBrowsersCannotDriveIt()
    {
        using var content = new StringContent(ClaudeDestructive, Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync(new Uri(_server.BaseAddress, "v1/hooks/claude"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Serve_Health_Answers()
    {
        using var response = await _client.GetAsync(new Uri(_server.BaseAddress, "v1/health"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("0.0.0.0:47321")]
    [InlineData("10.1.2.3:80")]
    [InlineData("example.com:80")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:70000")]
    public void Serve_ListenOffLoopbackOrMalformed_IsRefused(string listen)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();

        Program.Run(["serve", "--listen", listen], new StringReader(string.Empty), output, error).ShouldBe(1);

        error.ToString().ShouldContain("--listen");
    }

    [Fact]
    public async Task Serve_RealProcess_AnswersOnAnEphemeralLoopbackPort()
    {
        using var process = Process.Start(GatehouseRunner.StartInfo("serve", "--listen", "127.0.0.1:0"))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            line.ShouldNotBeNull();
            var address = new Uri(line[(line.IndexOf("http://", StringComparison.Ordinal))..].Trim());
            address.Host.ShouldBe("127.0.0.1");
            address.Port.ShouldBeGreaterThan(0);

            using var content = new StringContent(ClaudeDestructive, Encoding.UTF8, "application/json");
            using var response = await _client.PostAsync(new Uri(address, "v1/hooks/claude"), content);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldContain("\"permissionDecision\":\"deny\"");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _running.Wait(TimeSpan.FromSeconds(10));
        _server.Dispose();
        _client.Dispose();
        _stop.Dispose();
    }

    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task<(HttpStatusCode Status, string Body)> Post(string agent, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_server.BaseAddress, "v1/hooks/" + agent), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
