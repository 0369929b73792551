using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Model;

namespace Gatehouse.Cli.Tests;

/// <summary>The resident hook's one-decision-at-a-time turn is taken out of each call's budget, never waited on forever.</summary>
public sealed class ServeBudgetTests : IDisposable
{
    private const string ClaudeRead = """{"session_id":"s","cwd":"/tmp","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls -la"}}""";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly BlockingDecider _decider = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HookServer _server;
    private readonly Task _running;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ServeBudgetTests()
    {
        _server = new HookServer(new HookHandler(_decider, null, TimeProvider.System) { Budget = Budget }, "127.0.0.1", ServeTests.FreePort());
        _server.Start();
        _running = _server.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task Serve_CallQueuedBehindABlockedDecision_IsDeniedAsOverBudgetWithinItsBudget()
    {
        var watch = Stopwatch.StartNew();
        var first = Post(ClaudeRead);
        _decider.Entered.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue("the first call never reached the decider");

        var second = await Post(ClaudeRead);
        var answeredAfter = watch.Elapsed;

        // Both calls began within one budget of each other's start; waiting for the turn and then deciding for a whole
        // budget more would answer the second only after about twice the budget.
        answeredAfter.ShouldBeLessThan(Budget * 1.5);
        AssertOverBudgetDeny(second);
        AssertOverBudgetDeny(await first);
    }

    public void Dispose()
    {
        _decider.Release.Set();
        _stop.Cancel();
        _running.Wait(TimeSpan.FromSeconds(10));
        _server.Dispose();
        _client.Dispose();
        _stop.Dispose();
        _decider.Dispose();
    }

    private static void AssertOverBudgetDeny(string body)
    {
        using var document = JsonDocument.Parse(body);
        var output = document.RootElement.GetProperty("hookSpecificOutput");
        output.GetProperty("permissionDecision").GetString().ShouldBe("deny", body);
        output.GetProperty("permissionDecisionReason").GetString().ShouldNotBeNull().ShouldContain("Gatehouse was over its time budget");
    }

    private async Task<string> Post(string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_server.BaseAddress, "v1/hooks/claude"), content);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Holds every decision until released: the call that holds the server's turn never finishes deciding.</summary>
    private sealed class BlockingDecider : IDecider, IDisposable
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public Verdict Decide(Classification classification, DecisionContext context)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            return new Verdict(Decision.Allow, Risk.None, [], "released");
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
