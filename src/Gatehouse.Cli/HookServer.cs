using System.Net;
using System.Text;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Cli;

/// <summary>
/// The resident hook endpoint: <c>POST /v1/hooks/{agent}</c> on loopback, deciding through the same
/// <see cref="HookHandler"/> as <c>gatehouse hook</c>. Built on <see cref="HttpListener"/> (part of the base runtime)
/// rather than ASP.NET Core: the command hook's start-up stays free of the ASP.NET shared framework, and one
/// loopback route needs no more. The listener's host-bound prefix also rejects requests naming another Host
/// (DNS rebinding), and requiring a JSON content type keeps browsers from posting to it without a preflight.
/// </summary>
internal sealed class HookServer : IDisposable
{
    public const string HealthPath = "/v1/health";
    private const string HooksPrefix = "/v1/hooks/";
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly HookHandler _handler;
    private readonly HttpListener _listener = new();
    private readonly TimeProvider _time;

    /// <summary>
    /// One decision at a time. Taken with a timeout, never waited on forever: an agent kills a hook that answers late and
    /// then runs the call, so a call queued behind a slow one must end in an over-budget block, not a late answer.
    /// </summary>
    private readonly SemaphoreSlim _decide = new(1, 1);

    public HookServer(HookHandler handler, string host, int port, TimeProvider? time = null)
    {
        _handler = handler;
        _time = time ?? TimeProvider.System;
        BaseAddress = new Uri($"http://{(host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host)}:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.IgnoreWriteExceptions = true;
    }

    public Uri BaseAddress { get; }

    public void Start() => _listener.Start();

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var registration = cancellation.Register(_listener.Stop);
        while (!cancellation.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (cancellation.IsCancellationRequested || !_listener.IsListening)
                {
                    return;
                }

                continue;
            }

            _ = Task.Run(() => Serve(context), CancellationToken.None);
        }
    }

    /// <summary>Decides one payload once, so the first real call does not pay for first-use costs.</summary>
    public void WarmUp(string payload)
    {
        _decide.Wait();
        try
        {
            _handler.Handle(HookAgent.Claude, payload);
        }
        finally
        {
            _decide.Release();
        }
    }

    public void Dispose()
    {
        ((IDisposable)_listener).Dispose();
        _decide.Dispose();
    }

    private void Serve(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url?.AbsolutePath ?? string.Empty;
            if (request.HttpMethod == "GET" && path == HealthPath)
            {
                Write(response, 200, "{\"status\":\"ok\"}");
                return;
            }

            if (!path.StartsWith(HooksPrefix, StringComparison.Ordinal) || !HookHandler.TryParseAgent(path[HooksPrefix.Length..], out var agent))
            {
                Write(response, 404, "{\"error\":\"POST /v1/hooks/{claude|cursor|codex|gemini|copilot}\"}");
                return;
            }

            if (request.HttpMethod != "POST")
            {
                Write(response, 405, "{\"error\":\"POST only\"}");
                return;
            }

            if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                Write(response, 415, "{\"error\":\"Content-Type must be application/json\"}");
                return;
            }

            Write(response, 200, Decide(agent, request));
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The agent hung up; there is nobody left to answer.
        }
    }

    private string Decide(HookAgent agent, HttpListenerRequest request)
    {
        if (request.ContentLength64 > MaxBodyBytes)
        {
            return HookHttpReply.Deny(agent, "Gatehouse blocked this call: the hook payload is larger than 4 MB and was not read.");
        }

        string payload;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            var buffer = new char[MaxBodyBytes + 1];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            if (read > MaxBodyBytes)
            {
                return HookHttpReply.Deny(agent, "Gatehouse blocked this call: the hook payload is larger than 4 MB.");
            }

            payload = new string(buffer, 0, read);
        }

        try
        {
            return HookHttpReply.Body(agent, DecideInTurn(agent, payload));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Fail closed: an answer the agent reads as a block, never an error status it would ignore.
            return HookHttpReply.Deny(agent, "Gatehouse could not decide on this call, so it is blocked: " + exception.GetType().Name);
        }
    }

    /// <summary>Waits its turn out of the call's budget, and decides within what is left of it.</summary>
    private HookReply DecideInTurn(HookAgent agent, string payload)
    {
        var started = _time.GetTimestamp();
        if (!_decide.Wait(_handler.Budget))
        {
            // No time left: the handler answers with its over-budget block and does not decide.
            return _handler.Handle(agent, payload, TimeSpan.Zero);
        }

        try
        {
            return _handler.Handle(agent, payload, _handler.Budget - _time.GetElapsedTime(started));
        }
        finally
        {
            _decide.Release();
        }
    }

    private static void Write(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.OutputStream.Close();
    }
}
