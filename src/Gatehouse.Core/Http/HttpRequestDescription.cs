namespace Gatehouse.Core.Http;

/// <summary>
/// An HTTP request as far as it can be known before it is sent: from a <c>curl</c> command line,
/// an interpreter one-liner, or (later) the HTTP proxy.
/// </summary>
/// <param name="Method">Upper-case method; <c>GET</c> when the client would default to it.</param>
/// <param name="Url">The URL as given; may contain shell placeholders such as <c>$API</c> when dynamic.</param>
/// <param name="Headers">Header name/value pairs in order.</param>
/// <param name="Body">The request body when it is known literally (inline data, or a heredoc fed on stdin).</param>
/// <param name="BodyIsOpaque">True when a body is sent but its content cannot be seen (a file, a variable, stdin from elsewhere).</param>
public sealed record HttpRequestDescription(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    bool BodyIsOpaque);
