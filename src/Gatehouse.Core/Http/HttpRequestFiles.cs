using System.Runtime.CompilerServices;

namespace Gatehouse.Core.Http;

/// <summary>
/// The local files a parsed request sends (<c>-d @file</c>, <c>-F f=@file</c>, <c>-T file</c>, <c>--post-file</c>,
/// HTTPie's <c>field@file</c>). Kept beside the shared <see cref="HttpRequestDescription"/> rather than in it, so
/// that type stays unchanged for its other producers; the entry lives exactly as long as the request object.
/// </summary>
internal static class HttpRequestFiles
{
    private static readonly ConditionalWeakTable<HttpRequestDescription, IReadOnlyList<string>> Sent = new();

    public static HttpRequestDescription Attach(HttpRequestDescription request, IReadOnlyList<string> files)
    {
        if (files.Count > 0)
        {
            Sent.AddOrUpdate(request, files);
        }

        return request;
    }

    public static IReadOnlyList<string> Of(HttpRequestDescription request) =>
        Sent.TryGetValue(request, out var files) ? files : [];

    /// <summary>The path of a curl form value <c>name=@path;type=…</c> or <c>name=&lt;path</c>; null when the value is literal.</summary>
    public static string? FormFile(string formValue)
    {
        var equals = formValue.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || equals + 1 >= formValue.Length || formValue[equals + 1] is not ('@' or '<'))
        {
            return null;
        }

        var path = formValue[(equals + 2)..];
        if (path.StartsWith('"'))
        {
            var close = path.IndexOf('"', 1);
            return close > 0 ? path[1..close] : path[1..];
        }

        var semicolon = path.IndexOf(';', StringComparison.Ordinal);
        return semicolon >= 0 ? path[..semicolon] : path;
    }
}
