using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>A request with its URL parsed and its effective method worked out, shared by the HTTP sub-classifiers.</summary>
internal sealed class HttpRequestContext
{
    internal const string Tool = "http";
    internal const string LocalPath = "http";

    // Frameworks honour these headers to tunnel DELETE/PUT through POST; the server acts on them, so do we.
    private static readonly string[] MethodOverrideHeaders = ["X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"];

    public HttpRequestContext(HttpRequestDescription request)
    {
        Request = request;
        Url = HttpUrl.Parse(request.Url ?? string.Empty);
        var method = string.IsNullOrWhiteSpace(request.Method) ? "GET" : request.Method.Trim().ToUpperInvariant();
        foreach (var header in MethodOverrideHeaders)
        {
            var overridden = Header(header);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                method = overridden.Trim().ToUpperInvariant();
                break;
            }
        }

        Method = method;
        Hints = Url.Host.Length > 0 ? [Url.Host] : [];
    }

    public HttpRequestDescription Request { get; }

    public HttpUrl Url { get; }

    /// <summary>Upper-case method after any method-override header.</summary>
    public string Method { get; }

    public string? Body => Request.Body;

    public bool BodyIsOpaque => Request.BodyIsOpaque;

    /// <summary>The host, as environment evidence.</summary>
    public IReadOnlyList<string> Hints { get; }

    public bool IsSafeMethod => Method is "GET" or "HEAD" or "OPTIONS" or "TRACE";

    public string? ContentType
    {
        get
        {
            var value = Header("Content-Type");
            if (value is null)
            {
                return null;
            }

            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            return (semicolon >= 0 ? value[..semicolon] : value).Trim().ToLowerInvariant();
        }
    }

    public string? Header(string name)
    {
        if (Request.Headers is null)
        {
            return null;
        }

        string? found = null;
        foreach (var header in Request.Headers)
        {
            if (string.Equals(header.Key?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                found = header.Value;
            }
        }

        return found;
    }

    public AgentAction Action(Verb verb, Risk risk, string kind, string? id, string ruleId, string reason, IReadOnlyList<string>? tags = null, bool? reversible = null) => new()
    {
        Verb = verb,
        Target = ResourceRef.Of(kind, id),
        Tool = Tool,
        Reversible = reversible ?? (risk < Risk.High && verb != Verb.Delete),
        Risk = risk,
        Path = LocalPath,
        RuleId = ruleId,
        Reason = reason,
        Tags = tags ?? [],
        EnvironmentHints = Hints,
    };

    /// <summary>An action on the endpoint itself, when nothing more specific is known about the target.</summary>
    public AgentAction EndpointAction(Verb verb, Risk risk, string ruleId, string reason, IReadOnlyList<string>? tags = null) =>
        Action(verb, risk, "http-endpoint", Url.Endpoint, ruleId, reason, tags);
}
