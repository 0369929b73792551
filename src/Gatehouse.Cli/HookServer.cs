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
    private readonly Lock _decide = new();

    public HookServer(HookHandler handler, string host, int port)
    {
        _handler = handler;
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
        lock (_decide)
        {
            _handler.Handle(HookAgent.Claude, payload);
        }
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();

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
            lock (_decide)
            {
                return HookHttpReply.Body(agent, _handler.Handle(agent, payload));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Fail closed: an answer the agent reads as a block, never an error status it would ignore.
            return HookHttpReply.Deny(agent, "Gatehouse could not decide on this call, so it is blocked: " + exception.GetType().Name);
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
