using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Model;

namespace Gatehouse.Cli.Tests;

/// <summary>The resident hook's one-decision-at-a-time turn is taken out of each call's budget, never waited on forever.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class ServeBudgetTests : IDisposable
{
    private const string ClaudeRead = """{"session_id":"s","cwd":"/tmp","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls -la"}}""";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private readonly BlockingDecider _decider = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HookServer _server;
    private readonly Task _running;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ServeBudgetTests()
    {
        // Each blocked decision holds a thread-pool thread; with the pool's default minimum (one per core) the server's
        // and this test's continuations would then wait for the pool to inject threads, seconds on a loaded machine, and the
        // bound below would measure the pool instead of the server's budget.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
        _server = new HookServer(new HookHandler(_decider, null, TimeProvider.System) { Budget = Budget }, "127.0.0.1", ServeTests.FreePort());
        _server.Start();
        _running = _server.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task Serve_CallQueuedBehindABlockedDecision_IsDeniedAsOverBudgetWithinItsBudget()
    {
        // Warm the path first, so the first call holds the turn from almost the start of its budget.
        (await PostTimed(Stopwatch.StartNew())).Body.ShouldNotContain("deny");
        _decider.Armed = true;

        var first = PostTimed(Stopwatch.StartNew());
        _decider.Entered.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue("the first call never reached the decider");
        var second = await PostTimed(Stopwatch.StartNew());

        // The second call waits for the turn until the first's budget runs out, almost a whole budget; deciding for a
        // whole budget of its own after that would answer it only after about twice the budget.
        second.Took.ShouldBeLessThan(Budget * 1.5);
        AssertOverBudgetDeny(second.Body);
        AssertOverBudgetDeny((await first).Body);
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

    private async Task<(string Body, TimeSpan Took)> PostTimed(Stopwatch watch)
    {
        using var content = new StringContent(ClaudeRead, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_server.BaseAddress, "v1/hooks/claude"), content);
        var body = await response.Content.ReadAsStringAsync();
        return (body, watch.Elapsed);
    }

    /// <summary>Once armed, holds every decision until released: the call that holds the server's turn never finishes deciding.</summary>
    private sealed class BlockingDecider : IDecider, IDisposable
    {
        private volatile bool _armed;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public bool Armed
        {
            get => _armed;
            set => _armed = value;
        }

        public Verdict Decide(Classification classification, DecisionContext context)
        {
            if (!Armed)
            {
                return new Verdict(Decision.Allow, Risk.None, [], "not armed");
            }

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
