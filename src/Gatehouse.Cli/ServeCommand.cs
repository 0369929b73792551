using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Setup;

namespace Gatehouse.Cli;

/// <summary>
/// <c>gatehouse serve</c>: the resident hook on loopback. With <c>--ensure</c> (run by Claude Code at session start) it
/// starts a detached server unless one already answers, then returns.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultListen = "127.0.0.1:47321";

    /// <summary>A read-only call decided once at start, so the first real request is already fast.</summary>
    private const string WarmUpPayload = """{"session_id":"warm-up","cwd":"/","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"git status && rm -rf ./build"}}""";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var listen = DefaultListen;
        var ensure = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--listen" when i + 1 < args.Length:
                    listen = args[++i];
                    break;
                case "--ensure":
                    ensure = true;
                    break;
                default:
                    stderr.WriteLine($"gatehouse serve: unexpected argument '{args[i]}'");
                    stderr.WriteLine(Usage.Serve);
                    return ExitCodes.Error;
            }
        }

        if (!TryParseLoopback(listen, out var host, out var port, out var problem))
        {
            stderr.WriteLine("gatehouse serve: " + problem);
            return ExitCodes.Error;
        }

        return ensure ? Ensure(host, port, stdout, stderr) : Serve(host, port, stdout, stderr);
    }

    /// <summary>Only loopback addresses: the hook endpoint decides for whoever can reach it, so nobody else may.</summary>
    internal static bool TryParseLoopback(string listen, out string host, out int port, out string problem)
    {
        host = string.Empty;
        port = 0;
        problem = string.Empty;
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), out port) || port is < 0 or > 65_535)
        {
            problem = $"--listen '{listen}': expected HOST:PORT, e.g. {DefaultListen}";
            return false;
        }

        host = listen[..colon].Trim('[', ']');
        if (host == "localhost")
        {
            host = "127.0.0.1";
        }

        if (!IPAddress.TryParse(host, out var address) || !IPAddress.IsLoopback(address))
        {
            problem = $"--listen '{listen}': gatehouse serve binds loopback only (127.0.0.1 or ::1)";
            return false;
        }

        if (port == 0)
        {
            port = FreePort(address);
        }

        return true;
    }

    private static int Serve(string host, int port, TextWriter stdout, TextWriter stderr)
    {
        var decider = HookDeciderFactory.CreateWatching(Directory.GetCurrentDirectory(), out var policyStore);
        using var ownedStore = policyStore;
        var log = new DecisionLog(DecisionLog.DefaultPath(), DecisionLog.DefaultMaxBytes, TimeProvider.System);
        using var server = new HookServer(new HookHandler(decider, log, TimeProvider.System), host, port);
        try
        {
            server.Start();
        }
        catch (HttpListenerException exception)
        {
            stderr.WriteLine($"gatehouse serve: cannot listen on {server.BaseAddress}: {exception.Message}");
            return ExitCodes.Error;
        }

        // Warm up on a handler without the log, so no invented call appears among the agent's decisions.
        new HookHandler(decider, null, TimeProvider.System).Handle(HookAgent.Claude, WarmUpPayload);
        stdout.WriteLine($"gatehouse serve: listening on {server.BaseAddress}");
        stdout.Flush();

        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        server.RunAsync(stop.Token).GetAwaiter().GetResult();
        return ExitCodes.Allow;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static int Ensure(string host, int port, TextWriter stdout, TextWriter stderr)
    {
        var health = new Uri($"http://{(host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host)}:{port}{HookServer.HealthPath}");
        if (Answers(health))
        {
            stdout.WriteLine($"gatehouse serve: already running at {health.GetLeftPart(UriPartial.Authority)}");
            return ExitCodes.Allow;
        }

        // Detached, with no inherited pipes: the agent waiting on this hook's output must not wait on the server too.
        var command = $"nohup {GatehouseLauncher.Current()} serve --listen {ShellWords.Quote(host)}:{port} >/dev/null 2>&1 </dev/null &";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using (var shell = Process.Start(start))
        {
            shell?.WaitForExit(5_000);
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (Answers(health))
            {
                stdout.WriteLine($"gatehouse serve: started at {health.GetLeftPart(UriPartial.Authority)}");
                return ExitCodes.Allow;
            }

            Thread.Sleep(100);
        }

        stderr.WriteLine($"gatehouse serve: the server did not start at {health.GetLeftPart(UriPartial.Authority)}; hook calls are blocked until it does.");
        return ExitCodes.Error;
    }

    private static bool Answers(Uri health)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        try
        {
            using var response = client.GetAsync(health).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
