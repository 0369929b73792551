using Gatehouse.Core.Http;
using Gatehouse.Core.Interpreters.Findings;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>HTTP client calls become request descriptions for the HTTP classifier.</summary>
internal sealed partial class ScriptAnalyzer
{
    private void ApplyHttp(ApiSpec spec, CallArguments args)
    {
        string? method;
        CallArgument? url;
        CallArgument? headers = args.Named("headers");
        CallArgument? body = args.Named("data") ?? args.Named("body") ?? args.Named("content") ?? args.Named("payload");
        var json = args.Named("json");
        switch (spec.Kind)
        {
            case ApiKind.HttpFixed:
                method = spec.Method;
                url = args.NamedOrPositional("url", 0);
                if (spec.DataIndex >= 0 && args.PositionalCount > spec.DataIndex && body is null && json is null)
                {
                    body = args.Positional(spec.DataIndex);
                }

                var options = args.Positional(spec.DataIndex >= 0 ? spec.DataIndex + 1 : 1);
                if (options is { } o && IsHashLiteral(o))
                {
                    headers ??= _eval.Entry(options, "headers");
                    body ??= spec.DataIndex < 0 ? _eval.Entry(options, "body") ?? _eval.Entry(options, "data") : null;
                    json ??= _eval.Entry(options, "json");
                }

                break;
            case ApiKind.HttpMethodArgument:
                method = Method(args.NamedOrPositional("method", spec.ArgIndex));
                url = args.NamedOrPositional("url", spec.ArgIndex + 1);
                if (body is null && spec.DataIndex >= 0)
                {
                    body = args.Positional(spec.DataIndex);
                }

                break;
            case ApiKind.HttpUrllibRequest:
                url = args.NamedOrPositional("url", 0);
                body ??= args.Positional(1);
                headers ??= args.Positional(2);
                method = args.Named("method") is { } m ? Method(m) : body is null ? "GET" : "POST";
                break;
            default:
                var first = args.Positional(0);
                var config = first is { } f && IsHashLiteral(f) ? first : args.Positional(1);
                url = first is { } g && IsHashLiteral(g) ? _eval.Entry(config, "url") : first;
                method = _eval.Entry(config, "method") is { } em ? Method(em) : "GET";
                headers = _eval.Entry(config, "headers");
                body = _eval.Entry(config, "body") ?? _eval.Entry(config, "data");
                json = _eval.Entry(config, "json");
                break;
        }

        var urlText = _eval.String(url);
        if (spec.FromReceiver && urlText is not null && _receiverConstant is not null)
        {
            // conn = HTTPSConnection('api.x'); conn.request('DELETE', '/v1/x')
            urlText = _receiverConstant.TrimEnd('/') + "/" + urlText.TrimStart('/');
        }

        if (urlText is null && url is null && spec.Kind == ApiKind.HttpFetch && args.Positional(0) is { } requestOptions && IsHashLiteral(requestOptions))
        {
            // https.request({ hostname, path, method })
            var host = _eval.String(_eval.Entry(requestOptions, "hostname") ?? _eval.Entry(requestOptions, "host"));
            if (host is not null)
            {
                urlText = "https://" + host + (_eval.String(_eval.Entry(requestOptions, "path")) ?? "/");
                method = _eval.Entry(requestOptions, "method") is { } om ? Method(om) : "GET";
                headers = _eval.Entry(requestOptions, "headers");
            }
        }

        if (urlText is null)
        {
            if (url is null)
            {
                return;
            }

            urlText = DynamicText.MarkerString;
        }

        var (bodyText, opaque) = Body(body, json);
        _findings.AddHttp(new HttpRequestDescription(
            method ?? "GET",
            DynamicText.Render(urlText, ScanFindings.UrlPlaceholder),
            Headers(headers),
            bodyText,
            opaque));
    }

    private string Method(CallArgument? arg)
    {
        if (arg is not { } a)
        {
            return "GET";
        }

        var t = _ctx[a.Start];
        if (a.End - a.Start == 1 && t.Kind == TokenKind.Identifier && !t.Text.StartsWith('$') && t.Text.All(char.IsAsciiLetter))
        {
            // Perl's fat comma quotes barewords: HTTP::Request->new(DELETE => $url).
            return t.Text.ToUpperInvariant();
        }

        var text = _eval.String(a);
        return text is null || DynamicText.IsDynamic(text) ? "UNKNOWN" : text.Trim().ToUpperInvariant();
    }

    private (string? Body, bool Opaque) Body(CallArgument? body, CallArgument? json)
    {
        if (json is not null)
        {
            var serialized = _eval.Json(json);
            return serialized is null ? (null, true) : (serialized, false);
        }

        if (body is not { } b)
        {
            return (null, false);
        }

        var encoded = EncodedJsonArgument(b);
        if (encoded is not null || IsHashLiteral(b))
        {
            var serialized = _eval.Json(encoded ?? b);
            return serialized is null ? (null, true) : (serialized, false);
        }

        var text = _eval.String(b);
        if (text is null || !DynamicText.HasLiteralContent(text))
        {
            return (null, true);
        }

        return DynamicText.IsDynamic(text) ? (DynamicText.Render(text, ScanFindings.UrlPlaceholder), true) : (text, false);
    }

    /// <summary>The argument of <c>JSON.stringify(x)</c>, <c>json.dumps(x)</c> and their kin, when the body is one.</summary>
    private CallArgument? EncodedJsonArgument(CallArgument arg)
    {
        if (_ctx[arg.Start].Kind != TokenKind.Identifier)
        {
            return null;
        }

        var chain = ChainReader.Read(_ctx, arg.Start);
        if (chain.End != arg.End || !chain.Segments[^1].IsCall)
        {
            return null;
        }

        var name = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
        if (name is not ("JSON.stringify" or "json.dumps" or "JSON.generate" or "JSON.dump" or "encode_json" or "json_encode" or "JSON.encode_json" or "to_json"))
        {
            return null;
        }

        var last = chain.Segments[^1];
        return ArgumentReader.Read(_ctx, last.CallOpen, last.CallClose).Positional(0);
    }

    private List<KeyValuePair<string, string>> Headers(CallArgument? headers)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (headers is not { } h)
        {
            return result;
        }

        var list = _eval.List(h);
        if (list is not null)
        {
            foreach (var line in list)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    result.Add(new(line[..colon].Trim(), DynamicText.Render(line[(colon + 1)..].Trim(), ScanFindings.UrlPlaceholder)));
                }
            }

            return result;
        }

        if (!IsHashLiteral(h))
        {
            return result;
        }

        foreach (var entry in ArgumentReader.Split(_ctx, h.Start + 1, h.End - 1).All)
        {
            var keyAt = entry.Name is null ? entry.Start : -1;
            string? key = entry.Name;
            var valueStart = entry.Start;
            if (keyAt >= 0 && entry.End - entry.Start >= 3 && _ctx[keyAt + 1].Kind == TokenKind.Punct && _ctx[keyAt + 1].Text is ":" or "=>")
            {
                key = _ctx[keyAt].Text;
                valueStart = keyAt + 2;
            }

            if (key is null)
            {
                continue;
            }

            var value = _eval.String(valueStart, entry.End) ?? string.Empty;
            result.Add(new(key, DynamicText.Render(value, ScanFindings.UrlPlaceholder)));
        }

        return result;
    }

    /// <summary>PHP's curl is configured piecemeal; the request is assembled once the whole script was read.</summary>
    private sealed class CurlState
    {
        public List<string?> Urls { get; } = [];

        private string? _method;
        private bool _post;
        private string? _body;
        private bool _bodyOpaque;
        private readonly List<KeyValuePair<string, string>> _headers = [];

        public void Apply(ScriptContext ctx, ValueEvaluator eval, CallArguments args)
        {
            var option = args.Positional(1);
            var value = args.Positional(2);
            if (option is not { } o || o.End - o.Start != 1)
            {
                return;
            }

            switch (ctx[o.Start].Text)
            {
                case "CURLOPT_CUSTOMREQUEST":
                    var m = eval.String(value);
                    _method = m is null || DynamicText.IsDynamic(m) ? "UNKNOWN" : m.ToUpperInvariant();
                    break;
                case "CURLOPT_URL":
                    Urls.Add(eval.String(value));
                    break;
                case "CURLOPT_POST":
                    _post = true;
                    break;
                case "CURLOPT_POSTFIELDS":
                    _post = true;
                    var body = value is { } v && ctx[v.Start].Kind == TokenKind.String ? eval.String(value) : eval.Json(value) ?? eval.String(value);
                    _bodyOpaque = body is null || DynamicText.IsDynamic(body);
                    _body = body is null ? null : DynamicText.Render(body, ScanFindings.UrlPlaceholder);
                    break;
                case "CURLOPT_HTTPHEADER":
                    foreach (var line in eval.List(value) ?? [])
                    {
                        var colon = line.IndexOf(':', StringComparison.Ordinal);
                        if (colon > 0)
                        {
                            _headers.Add(new(line[..colon].Trim(), DynamicText.Render(line[(colon + 1)..].Trim(), ScanFindings.UrlPlaceholder)));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        public void Emit(ScanFindings findings)
        {
            foreach (var url in Urls)
            {
                if (url is null)
                {
                    continue;
                }

                findings.AddHttp(new HttpRequestDescription(
                    _method ?? (_post ? "POST" : "GET"),
                    DynamicText.Render(url, ScanFindings.UrlPlaceholder),
                    _headers,
                    _body,
                    _bodyOpaque));
            }
        }
    }
}
