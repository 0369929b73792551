using System.Text;

namespace Gatehouse.Core.Http;

/// <summary>
/// The parts of a URL that classification needs, parsed leniently: curl accepts URLs without a scheme, and
/// shell placeholders (<c>$API/graphql</c>) must survive so the path can still be recognised.
/// Path segments and query parameters are percent-decoded so <c>/namespaces/%70rod</c> reads as <c>prod</c>.
/// </summary>
internal sealed class HttpUrl
{
    private HttpUrl(string host, int? port, string path, IReadOnlyList<string> segments, IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        Host = host;
        Port = port;
        Path = path;
        Segments = segments;
        Query = query;
    }

    /// <summary>Lower-cased host without user info or port; may be a shell placeholder; empty when none.</summary>
    public string Host { get; }

    /// <summary>The explicit port, when the URL names one (<c>localhost:9200</c>).</summary>
    public int? Port { get; }

    /// <summary>The decoded path, always starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>Non-empty decoded path segments.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Decoded query parameters in order; a key without <c>=</c> has a null value (S3's <c>?delete</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Query { get; }

    /// <summary>Host and path, the identity of an endpoint.</summary>
    public string Endpoint => Host + Path;

    public static HttpUrl Parse(string url)
    {
        var text = url.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd >= 0 ? text[(schemeEnd + 3)..] : text;
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var authorityEnd = rest.IndexOfAny(['/', '?']);
        var authority = authorityEnd >= 0 ? rest[..authorityEnd] : rest;
        var pathAndQuery = authorityEnd >= 0 ? rest[authorityEnd..] : string.Empty;
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart >= 0 ? pathAndQuery[..queryStart] : pathAndQuery;
        var rawQuery = queryStart >= 0 ? pathAndQuery[(queryStart + 1)..] : string.Empty;

        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            segments.Add(Decode(segment, plusIsSpace: false));
        }

        var path = "/" + string.Join('/', segments);
        if (rawPath.Length > 1 && rawPath.EndsWith('/') && segments.Count > 0)
        {
            path += "/";
        }

        return new HttpUrl(HostOf(authority), PortOf(authority), path, segments, ParseQuery(rawQuery));
    }

    /// <summary>Parses <c>a=1&amp;b&amp;c=x+y</c> (also used for form bodies).</summary>
    public static List<KeyValuePair<string, string?>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                pairs.Add(new KeyValuePair<string, string?>(Decode(part, plusIsSpace: true), null));
            }
            else
            {
                pairs.Add(new KeyValuePair<string, string?>(Decode(part[..equals], plusIsSpace: true), Decode(part[(equals + 1)..], plusIsSpace: true)));
            }
        }

        return pairs;
    }

    public string? QueryValue(string key)
    {
        foreach (var pair in Query)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return pair.Value ?? string.Empty;
            }
        }

        return null;
    }

    public bool HasQueryKey(string key) => QueryValue(key) is not null;

    private static string HostOf(string authority)
    {
        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            return (close > 0 ? host[..(close + 1)] : host).ToLowerInvariant();
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0 && IsPort(host.AsSpan(colon + 1)))
        {
            host = host[..colon];
        }

        host = host.TrimEnd('.');

        // Placeholders such as $API_HOST keep their case: they are evidence for the reader, not DNS names.
        return host.Contains('$', StringComparison.Ordinal) ? host : host.ToLowerInvariant();
    }

    private static int? PortOf(string authority)
    {
        var at = authority.LastIndexOf('@');
        var hostAndPort = at >= 0 ? authority[(at + 1)..] : authority;
        var colon = hostAndPort.LastIndexOf(':');
        if (colon < 0 || colon < hostAndPort.LastIndexOf(']'))
        {
            return null;
        }

        var digits = hostAndPort.AsSpan(colon + 1);
        return digits.Length is > 0 and <= 5 && IsPort(digits) ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static bool IsPort(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Decode(string text, bool plusIsSpace)
    {
        if (text.IndexOf('%', StringComparison.Ordinal) < 0 && (!plusIsSpace || text.IndexOf('+', StringComparison.Ordinal) < 0))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (c == '+' && plusIsSpace)
            {
                bytes.Add((byte)' ');
            }
            else
            {
                var rune = char.IsSurrogatePair(text, i) ? new Rune(text[i], text[++i]) : new Rune(char.IsSurrogate(c) ? '\uFFFD' : c);
                var length = rune.EncodeToUtf8(buffer);
                for (var b = 0; b < length; b++)
                {
                    bytes.Add(buffer[b]);
                }
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>This machine: <c>localhost</c>, <c>*.localhost</c>, the loopback ranges, and the any-address used to reach local servers.</summary>
    public static bool IsLoopbackHost(string host) =>
        host is "localhost" or "::1" or "[::1]" or "0.0.0.0"
        || host.StartsWith("127.", StringComparison.Ordinal)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
