using Gatehouse.Core.Http;

namespace Gatehouse.Core.Analysis;

/// <summary>Reads an HTTP/1.1 request as text: a request line, header lines, a blank line, the body.</summary>
internal static class RawHttpRequest
{
    public static HttpRequestDescription? Parse(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var headerEnd = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? normalized : normalized[..headerEnd];
        var body = headerEnd < 0 ? null : normalized[(headerEnd + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length < 2 || !requestLine[0].All(char.IsAsciiLetter))
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        string? host = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            var name = lines[i][..colon].Trim();
            var value = lines[i][(colon + 1)..].Trim();
            headers.Add(new(name, value));
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                host = value;
            }
        }

        var target = requestLine[1];
        var url = target.StartsWith('/') && host is not null ? $"https://{host}{target}" : target;
        return new HttpRequestDescription(requestLine[0].ToUpperInvariant(), url, headers, string.IsNullOrEmpty(body) ? null : body, BodyIsOpaque: false);
    }
}
