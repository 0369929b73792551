using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Core.Http;

/// <summary>
/// HTTPie (<c>http</c>/<c>https</c>) and xh (<c>xh</c>/<c>xhs</c>): <c>[METHOD] URL [items]</c>, where items are
/// <c>Header:value</c>, <c>key==query</c>, <c>key=string</c>, <c>key:=json</c>, <c>key=@file</c>,
/// <c>key:=@file</c> and <c>field@file</c>. Data items build a JSON body (a form body with <c>--form</c>);
/// the method defaults to POST when there is a body and GET otherwise.
/// </summary>
internal static class HttpieCommandParser
{
    private static readonly FrozenSet<string> LongWithValue = FrozenSet.Create(
        StringComparer.Ordinal,
        "auth", "auth-type", "output", "session", "session-read-only", "verify", "cert", "cert-key", "cert-key-pass", "proxy",
        "timeout", "max-redirects", "max-headers", "pretty", "style", "print", "history-print", "format-options", "response-charset",
        "response-mime", "raw", "boundary", "ssl", "ciphers", "default-scheme", "bearer", "resolve", "interface", "unix-socket",
        "http-version", "method", "ipv4-only", "ipv6-only");

    private const string ShortWithValue = "aAospPX";

    // Separators in the order HTTPie tries them at one position: the longest first.
    private static readonly string[] Separators = [":=@", "=@", "==", ":=", "=", "@", ":"];

    public static List<HttpRequestDescription> Parse(List<ClientWord> words, string? standardInput, string defaultScheme)
    {
        var positionals = new List<ClientWord>();
        var form = false;
        var ignoreStdin = false;
        string? raw = null;
        string? explicitMethod = null;
        var onlyPositionals = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var text = word.Text;
            if (onlyPositionals || text.Length < 2 || text[0] != '-' || (text.Length > 1 && text[1] != '-' && !char.IsAsciiLetter(text[1])))
            {
                positionals.Add(word);
                continue;
            }

            if (text == "--")
            {
                onlyPositionals = true;
                continue;
            }

            string name;
            ClientWord value = default;
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                name = text[2..];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    value = new ClientWord(name[(equals + 1)..], word);
                    name = name[..equals];
                }
                else if (LongWithValue.Contains(name))
                {
                    value = i + 1 < words.Count ? words[++i] : default;
                }
            }
            else
            {
                // Short flags cluster ("-vF"); a value-taking one ends the cluster.
                name = string.Empty;
                for (var j = 1; j < text.Length; j++)
                {
                    var option = text[j];
                    if (ShortWithValue.Contains(option, StringComparison.Ordinal))
                    {
                        value = j + 1 < text.Length ? new ClientWord(text[(j + 1)..], word) : i + 1 < words.Count ? words[++i] : default;
                        name = option == 'X' ? "method" : "other";
                        break;
                    }

                    switch (option)
                    {
                        case 'f':
                            form = true;
                            break;
                        case 'I':
                            ignoreStdin = true;
                            break;
                        default:
                            break;
                    }
                }
            }

            switch (name)
            {
                case "help" or "version" or "offline":
                    return [];
                case "form" or "multipart":
                    form = true;
                    break;
                case "ignore-stdin":
                    ignoreStdin = true;
                    break;
                case "raw":
                    raw = value.Text;
                    break;
                case "method":
                    explicitMethod = value.Text.Trim().ToUpperInvariant();
                    break;
                default:
                    break;
            }
        }

        if (positionals.Count == 0)
        {
            return [];
        }

        var index = 0;
        string? method = explicitMethod;
        if (positionals.Count > 1 && IsMethodName(positionals[0].Text))
        {
            method = positionals[0].Text.ToUpperInvariant();
            index = 1;
        }

        var url = NormalizeUrl(positionals[index].Text, defaultScheme);
        var request = new ItemCollector(form);
        for (var i = index + 1; i < positionals.Count; i++)
        {
            request.Add(positionals[i]);
        }

        foreach (var query in request.Query)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        }

        var body = request.BuildBody();
        var opaque = request.Opaque;
        if (raw is not null)
        {
            body = raw;
        }
        else if (body is null && standardInput is not null && !ignoreStdin)
        {
            body = standardInput;
        }

        var headers = new List<KeyValuePair<string, string>>(request.Headers);
        if (request.HasData && !HasHeader(headers, "Content-Type"))
        {
            headers.Add(new KeyValuePair<string, string>("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json"));
        }

        method ??= body is not null || opaque ? "POST" : "GET";
        return [HttpRequestFiles.Attach(new HttpRequestDescription(method, url, headers, body, opaque), request.Files)];
    }

    private static bool IsMethodName(string text)
    {
        if (text.Length is 0 or > 10)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>:3000/x</c> is localhost; a URL without a scheme gets the command's default.</summary>
    private static string NormalizeUrl(string url, string defaultScheme)
    {
        if (url.StartsWith(':'))
        {
            return defaultScheme + "://localhost" + (url.Length > 1 && url[1] == '/' ? url[1..] : url);
        }

        return url.Contains("://", StringComparison.Ordinal) ? url : defaultScheme + "://" + url;
    }

    private static bool HasHeader(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sorts request items into headers, query parameters and body fields.</summary>
    private sealed class ItemCollector(bool form)
    {
        private readonly List<KeyValuePair<string, string>> _fields = [];

        public List<KeyValuePair<string, string>> Headers { get; } = [];

        public List<string> Query { get; } = [];

        /// <summary>Local files whose content becomes part of the body.</summary>
        public List<string> Files { get; } = [];

        public bool Opaque { get; private set; }

        public bool HasData => _fields.Count > 0 || Opaque;

        public void Add(ClientWord item)
        {
            var text = item.Text;
            var (position, separator) = FindSeparator(text);
            if (separator is null)
            {
                return;
            }

            var key = Unescape(text[..position]);
            var value = text[(position + separator.Length)..];
            var valueHidden = item.HidesContent || (!item.IsStatic && value.StartsWith('$'));
            switch (separator)
            {
                case ":":
                    Headers.Add(new KeyValuePair<string, string>(key, value.Trim()));
                    break;
                case "==":
                    Query.Add(key + "=" + value);
                    break;
                case "=":
                    _fields.Add(new KeyValuePair<string, string>(key, form ? value : JsonString(value)));
                    Opaque |= valueHidden;
                    break;
                case ":=":
                    _fields.Add(new KeyValuePair<string, string>(key, value));
                    Opaque |= valueHidden;
                    break;
                default:
                    // "=@", ":=@" and "@" read a file that is not visible here.
                    Opaque = true;
                    Files.Add(value);
                    break;
            }
        }

        public string? BuildBody()
        {
            if (_fields.Count == 0)
            {
                return null;
            }

            var builder = new StringBuilder();
            if (form)
            {
                foreach (var field in _fields)
                {
                    builder.Append(builder.Length == 0 ? string.Empty : "&").Append(field.Key).Append('=').Append(field.Value);
                }

                return builder.ToString();
            }

            builder.Append('{');
            for (var i = 0; i < _fields.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(JsonString(_fields[i].Key)).Append(": ").Append(_fields[i].Value);
            }

            return builder.Append('}').ToString();
        }

        private static string JsonString(string value) => JsonSerializer.Serialize(value, HttpieJsonContext.Default.String);

        private static (int Position, string? Separator) FindSeparator(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                    continue;
                }

                foreach (var separator in Separators)
                {
                    if (string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
                    {
                        return (i, separator);
                    }
                }
            }

            return (-1, null);
        }

        private static string Unescape(string key) => key.Contains('\\', StringComparison.Ordinal) ? key.Replace("\\", string.Empty, StringComparison.Ordinal) : key;
    }
}
