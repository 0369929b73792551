using System.Collections.Frozen;
using System.Text;

namespace Gatehouse.Core.Http;

/// <summary>
/// curl's command line: methods, the data family (with <c>@file</c> and <c>@-</c>), <c>--json</c>, forms,
/// uploads, headers, <c>-G</c>, <c>-I</c>, several URLs and <c>--next</c>, and every option that takes a
/// value, so the URL positional is never confused with an option's argument.
/// </summary>
internal static class CurlCommandParser
{
    // Short options that take a value (attached, "-XDELETE", or as the next word).
    private const string ShortWithValue = "AbcCdDeEFHKmoPQrtTuUwxXyYz";

    private static readonly FrozenSet<string> LongWithValue = FrozenSet.Create(
        StringComparer.Ordinal,
        "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert", "cert-type", "ciphers", "config", "connect-timeout",
        "connect-to", "continue-at", "cookie", "cookie-jar", "create-file-mode", "crlfile", "curves", "data", "data-ascii", "data-binary",
        "data-raw", "data-urlencode", "delegation", "dns-interface", "dns-ipv4-addr", "dns-ipv6-addr", "dns-servers", "doh-url",
        "dump-header", "ech", "egd-file", "engine", "etag-compare", "etag-save", "expect100-timeout", "form", "form-string",
        "ftp-account", "ftp-alternative-to-user", "ftp-method", "ftp-port", "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms",
        "haproxy-clientip", "header", "hostpubmd5", "hostpubsha256", "hsts", "interface", "ip-tos", "ipfs-gateway", "json",
        "keepalive-time", "keepalive-cnt", "key", "key-type", "krb", "libcurl", "limit-rate", "local-port", "login-options",
        "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs", "max-time", "netrc-file", "noproxy", "oauth2-bearer",
        "output", "output-dir", "pass", "pinnedpubkey", "preproxy", "proto", "proto-default", "proto-redir", "proxy", "proxy-cacert",
        "proxy-capath", "proxy-cert", "proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-header", "proxy-key",
        "proxy-key-type", "proxy-pass", "proxy-pinnedpubkey", "proxy-service-name", "proxy-tls13-ciphers", "proxy-tlsauthtype",
        "proxy-tlspassword", "proxy-tlsuser", "proxy-user", "proxy1.0", "pubkey", "quote", "random-file", "range", "rate", "referer",
        "request", "request-target", "resolve", "retry", "retry-delay", "retry-max-time", "sasl-authzid", "service-name", "socks4",
        "socks4a", "socks5", "socks5-gssapi-service", "socks5-hostname", "speed-limit", "speed-time", "stderr", "telnet-option",
        "tftp-blksize", "time-cond", "tls-max", "tls13-ciphers", "tlsauthtype", "tlspassword", "tlsuser", "trace", "trace-ascii",
        "trace-config", "unix-socket", "upload-file", "url", "url-query", "user", "user-agent", "variable", "write-out",
        "expand-data", "expand-url", "expand-header", "expand-json", "expand-output", "expand-form", "expand-user", "expand-request");

    private static readonly FrozenSet<string> InformationOnly = FrozenSet.Create(StringComparer.Ordinal, "help", "version", "manual");

    public static List<HttpRequestDescription> Parse(List<ClientWord> words, string? standardInput)
    {
        var requests = new List<HttpRequestDescription>();
        var state = new CurlState(standardInput);
        var onlyPositionals = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var text = word.Text;
            if (onlyPositionals || text.Length < 2 || text[0] != '-')
            {
                state.Urls.Add(text);
                continue;
            }

            if (text == "--")
            {
                onlyPositionals = true;
                continue;
            }

            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var name = text[2..];
                if (InformationOnly.Contains(name))
                {
                    return [];
                }

                if (name == "next")
                {
                    state.Finish(requests);
                    state = new CurlState(standardInput);
                    continue;
                }

                if (LongWithValue.Contains(name))
                {
                    var value = i + 1 < words.Count ? words[++i] : default;
                    state.ApplyLong(name, value);
                }
                else
                {
                    state.ApplyFlag(name);
                }

                continue;
            }

            // A cluster of short options: flags until one that takes a value, which eats the rest of the word or the next word.
            for (var j = 1; j < text.Length; j++)
            {
                var option = text[j];
                if (option is 'h' or 'V' or 'M')
                {
                    return [];
                }

                if (option == ':')
                {
                    state.Finish(requests);
                    state = new CurlState(standardInput);
                    continue;
                }

                if (ShortWithValue.Contains(option, StringComparison.Ordinal))
                {
                    ClientWord value;
                    if (j + 1 < text.Length)
                    {
                        value = new ClientWord(text[(j + 1)..], word);
                    }
                    else
                    {
                        value = i + 1 < words.Count ? words[++i] : default;
                    }

                    state.ApplyShort(option, value);
                    break;
                }

                state.ApplyShortFlag(option);
            }
        }

        state.Finish(requests);
        return requests;
    }

    /// <summary>Options collected for one request group (curl's <c>--next</c> starts a new one).</summary>
    private sealed class CurlState(string? standardInput)
    {
        private readonly List<string> _data = [];
        private readonly List<string> _form = [];
        private readonly List<KeyValuePair<string, string>> _headers = [];
        private readonly List<string> _urlQueries = [];
        private readonly List<string> _files = [];
        private string? _method;
        private bool _get;
        private bool _head;
        private bool _json;
        private bool _upload;
        private bool _opaque;
        private bool _configFile;

        public List<string> Urls { get; } = [];

        public void ApplyShort(char option, ClientWord value)
        {
            switch (option)
            {
                case 'X':
                    ApplyLong("request", value);
                    break;
                case 'd':
                    ApplyLong("data", value);
                    break;
                case 'F':
                    ApplyLong("form", value);
                    break;
                case 'H':
                    ApplyLong("header", value);
                    break;
                case 'T':
                    ApplyLong("upload-file", value);
                    break;
                case 'K':
                    ApplyLong("config", value);
                    break;
                default:
                    break;
            }
        }

        public void ApplyShortFlag(char option)
        {
            switch (option)
            {
                case 'G':
                    _get = true;
                    break;
                case 'I':
                    _head = true;
                    break;
                default:
                    break;
            }
        }

        public void ApplyFlag(string name)
        {
            switch (name)
            {
                case "get":
                    _get = true;
                    break;
                case "head":
                    _head = true;
                    break;
                default:
                    break;
            }
        }

        public void ApplyLong(string name, ClientWord value)
        {
            var text = value.Text;
            switch (name)
            {
                case "request":
                    _method = text.Trim().ToUpperInvariant();
                    break;
                case "data" or "data-ascii" or "data-binary":
                    AddData(value, allowFile: true);
                    break;
                case "data-raw":
                    AddData(value, allowFile: false);
                    break;
                case "data-urlencode":
                    AddUrlEncoded(value);
                    break;
                case "json":
                    _json = true;
                    AddData(value, allowFile: true);
                    break;
                case "expand-data" or "expand-json":
                    // Expanded from --variable values that are not visible here.
                    _data.Add(text);
                    _opaque = true;
                    _json |= name == "expand-json";
                    break;
                case "form" or "form-string":
                    _form.Add(text);
                    _opaque |= value.HidesContent || (name == "form" && (text.Contains("=@", StringComparison.Ordinal) || text.Contains("=<", StringComparison.Ordinal)));
                    if (name == "form" && HttpRequestFiles.FormFile(text) is { } formFile)
                    {
                        _files.Add(formFile);
                    }

                    break;
                case "upload-file":
                    _upload = true;
                    if (text == "-" && standardInput is not null)
                    {
                        _data.Add(standardInput);
                    }
                    else
                    {
                        _opaque = true;
                        _files.Add(text);
                    }

                    break;
                case "header":
                    AddHeader(text);
                    break;
                case "url":
                    Urls.Add(text);
                    break;
                case "url-query":
                    _urlQueries.Add(text.StartsWith('+') ? text[1..] : text);
                    break;
                case "config":
                    _configFile = text != "/dev/null";
                    break;
                default:
                    break;
            }
        }

        private void AddData(ClientWord value, bool allowFile)
        {
            var text = value.Text;
            if (allowFile && text.StartsWith('@'))
            {
                if (text == "@-" && standardInput is not null)
                {
                    _data.Add(standardInput);
                }
                else
                {
                    _opaque = true;
                    _files.Add(text[1..]);
                }

                return;
            }

            _data.Add(text);
            _opaque |= value.HidesContent;
        }

        private void AddUrlEncoded(ClientWord value)
        {
            var text = value.Text;
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var at = text.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0 && (equals < 0 || at < equals))
            {
                var file = text[(at + 1)..];
                if (file == "-" && standardInput is not null)
                {
                    _data.Add(at == 0 ? standardInput : text[..at] + "=" + standardInput);
                }
                else
                {
                    _opaque = true;
                    _files.Add(file);
                }

                return;
            }

            // "=content" sends only the content; "name=content" and "content" are kept as they read.
            _data.Add(equals == 0 ? text[1..] : text);
            _opaque |= value.HidesContent;
        }

        private void AddHeader(string text)
        {
            if (text.StartsWith('@'))
            {
                return;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var value = text[(colon + 1)..].Trim();
                if (value.Length > 0)
                {
                    _headers.Add(new KeyValuePair<string, string>(text[..colon].Trim(), value));
                }

                return;
            }

            if (text.EndsWith(';'))
            {
                _headers.Add(new KeyValuePair<string, string>(text[..^1].Trim(), string.Empty));
            }
        }

        public void Finish(List<HttpRequestDescription> requests)
        {
            if (Urls.Count == 0 && !_configFile && _method is null && _data.Count == 0 && _form.Count == 0 && _headers.Count == 0)
            {
                return;
            }

            if (Urls.Count == 0)
            {
                // curl reads its URL from the config file (or fails): still a request, to an unknown place.
                Urls.Add(string.Empty);
            }

            var hasBody = _data.Count > 0 || _form.Count > 0 || _upload || (_opaque && !_get);
            var method = _method
                ?? (_configFile ? "UNKNOWN" : _head ? "HEAD" : _get ? "GET" : _upload ? "PUT" : hasBody ? "POST" : "GET");
            var headers = new List<KeyValuePair<string, string>>(_headers);
            if (_json)
            {
                AddDefaultHeader(headers, "Content-Type", "application/json");
                AddDefaultHeader(headers, "Accept", "application/json");
            }
            else if (_form.Count > 0)
            {
                AddDefaultHeader(headers, "Content-Type", "multipart/form-data");
            }
            else if (_data.Count > 0 && !_get)
            {
                AddDefaultHeader(headers, "Content-Type", "application/x-www-form-urlencoded");
            }

            var body = _form.Count > 0 ? string.Join('&', _form) : _data.Count > 0 ? string.Join('&', _data) : null;
            foreach (var url in Urls)
            {
                var fullUrl = url;
                if (_get && body is not null)
                {
                    fullUrl = AppendQuery(fullUrl, body);
                }

                foreach (var query in _urlQueries)
                {
                    fullUrl = AppendQuery(fullUrl, query);
                }

                var request = _get
                    ? new HttpRequestDescription(method, fullUrl, headers, null, BodyIsOpaque: _configFile)
                    : new HttpRequestDescription(method, fullUrl, headers, body, BodyIsOpaque: _opaque || _configFile);
                requests.Add(HttpRequestFiles.Attach(request, _files));
            }
        }

        private static string AppendQuery(string url, string query)
        {
            var builder = new StringBuilder(url);
            builder.Append(url.Contains('?', StringComparison.Ordinal) ? '&' : '?').Append(query);
            return builder.ToString();
        }

        private static void AddDefaultHeader(List<KeyValuePair<string, string>> headers, string name, string value)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            headers.Add(new KeyValuePair<string, string>(name, value));
        }
    }
}
