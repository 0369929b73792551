using System.Collections.Frozen;

namespace Gatehouse.Core.Http;

/// <summary>
/// wget's command line: <c>--method</c>, <c>--post-data</c>/<c>--post-file</c>, <c>--body-data</c>/<c>--body-file</c>,
/// <c>--header</c>, options in both <c>--opt=value</c> and <c>--opt value</c> forms, and short option clusters.
/// </summary>
internal static class WgetCommandParser
{
    private const string ShortWithValue = "oaeiBtTwQPUlARDXIOY";

    private static readonly FrozenSet<string> LongWithValue = FrozenSet.Create(
        StringComparer.Ordinal,
        "method", "body-data", "body-file", "post-data", "post-file", "header", "output-document", "output-file", "append-output",
        "execute", "input-file", "base", "tries", "timeout", "dns-timeout", "connect-timeout", "read-timeout", "wait", "waitretry",
        "quota", "directory-prefix", "user-agent", "level", "accept", "reject", "accept-regex", "reject-regex", "domains",
        "exclude-domains", "include-directories", "exclude-directories", "user", "password", "http-user", "http-password",
        "proxy-user", "proxy-password", "ftp-user", "ftp-password", "referer", "load-cookies", "save-cookies", "certificate",
        "certificate-type", "private-key", "private-key-type", "ca-certificate", "ca-directory", "bind-address", "limit-rate",
        "restrict-file-names", "progress", "local-encoding", "remote-encoding", "default-page", "cut-dirs", "config", "secure-protocol",
        "ciphers", "crl-file", "pinnedpubkey", "random-file", "egd-file", "hsts-file", "warc-file", "warc-header", "warc-max-size",
        "warc-tempdir", "warc-cdx", "rejected-log", "use-askpass", "report-speed", "prefer-family", "retry-on-http-error");

    public static List<HttpRequestDescription> Parse(List<ClientWord> words, string? standardInput)
    {
        var urls = new List<string>();
        var headers = new List<KeyValuePair<string, string>>();
        string? method = null;
        string? body = null;
        var opaque = false;
        var files = new List<string>();
        var inputFile = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var text = word.Text;
            if (text.Length < 2 || text[0] != '-')
            {
                urls.Add(text);
                continue;
            }

            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var name = text[2..];
                ClientWord value = default;
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
                else if (name is "help" or "version")
                {
                    return [];
                }

                Apply(name, value);
                continue;
            }

            if (text.StartsWith("-n", StringComparison.Ordinal) && text.Length > 2)
            {
                // -nv, -nc, -nd, -nH, -np: two-letter "no" switches.
                continue;
            }

            for (var j = 1; j < text.Length; j++)
            {
                var option = text[j];
                if (option is 'h' or 'V')
                {
                    return [];
                }

                if (!ShortWithValue.Contains(option, StringComparison.Ordinal))
                {
                    continue;
                }

                var value = j + 1 < text.Length ? new ClientWord(text[(j + 1)..], word) : i + 1 < words.Count ? words[++i] : default;
                Apply(option switch { 'i' => "input-file", 'e' => "execute", _ => "other" }, value);
                break;
            }
        }

        if (urls.Count == 0 && !inputFile)
        {
            return [];
        }

        if (urls.Count == 0)
        {
            urls.Add(string.Empty);
        }

        method ??= body is not null || opaque ? "POST" : "GET";
        var requests = new List<HttpRequestDescription>(urls.Count);
        foreach (var url in urls)
        {
            requests.Add(HttpRequestFiles.Attach(new HttpRequestDescription(method, url, headers, body, opaque), files));
        }

        return requests;

        void Apply(string name, ClientWord value)
        {
            switch (name)
            {
                case "method":
                    method = value.Text.Trim().ToUpperInvariant();
                    break;
                case "post-data" or "body-data":
                    body = value.Text;
                    opaque |= value.HidesContent;
                    method ??= name == "post-data" ? "POST" : null;
                    break;
                case "post-file" or "body-file":
                    if ((value.Text == "-" || value.Text == "/dev/stdin") && standardInput is not null)
                    {
                        body = standardInput;
                    }
                    else
                    {
                        opaque = true;
                        files.Add(value.Text);
                    }

                    method ??= name == "post-file" ? "POST" : null;
                    break;
                case "header":
                    var colon = value.Text.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers.Add(new KeyValuePair<string, string>(value.Text[..colon].Trim(), value.Text[(colon + 1)..].Trim()));
                    }

                    break;
                case "input-file":
                    inputFile = true;
                    break;
                case "execute" or "e":
                    // wgetrc commands can set the method or body invisibly ("-e method=DELETE" is visible, a file is not).
                    var command = value.Text.Replace(" ", string.Empty, StringComparison.Ordinal);
                    if (command.StartsWith("method=", StringComparison.OrdinalIgnoreCase))
                    {
                        method = command["method=".Length..].ToUpperInvariant();
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
