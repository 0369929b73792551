using Gatehouse.Core.Http;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Http;

public sealed class HttpClientCommandParserTests
{
    private static HttpRequestDescription Parse(string tool, string arguments, string? stdin = null) =>
        HttpClientCommandParser.TryParse(tool, CommandWords.Split(arguments), stdin).ShouldNotBeNull();

    private static string? Header(HttpRequestDescription request, string name)
    {
        foreach (var header in request.Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    [Fact]
    public void TryParse_PocketOsCurl_FullRequest()
    {
        var request = Parse("curl",
            "-X POST https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer $RAILWAY_TOKEN\" -H \"Content-Type: application/json\" " +
            "-d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol_abc\\\") }\"}'");
        request.Method.ShouldBe("POST");
        request.Url.ShouldBe("https://backboard.railway.app/graphql/v2");
        request.Body.ShouldBe("{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol_abc\\\") }\"}");
        request.BodyIsOpaque.ShouldBeFalse();
        Header(request, "Authorization").ShouldBe("Bearer $RAILWAY_TOKEN");
        Header(request, "Content-Type").ShouldBe("application/json");

        var action = HttpRequestClassifier.Classify(request).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Kind.ShouldBe("volume");
        action.Target.Id.ShouldBe("vol_abc");
        action.Path.ShouldBe("http>graphql");
    }

    [Fact]
    public void TryParse_PocketOsCurlWithReadOnlyQuery_ClassifiesRead()
    {
        var request = Parse("curl",
            "-X POST https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer $RAILWAY_TOKEN\" -H \"Content-Type: application/json\" " +
            "-d '{\"query\":\"query{ me { id } }\"}'");
        var action = HttpRequestClassifier.Classify(request).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Read);
        action.Risk.ShouldBe(Risk.None);
    }

    [Theory]
    [InlineData("https://example.com", "GET", "https://example.com")]
    [InlineData("-s https://example.com", "GET", "https://example.com")]
    [InlineData("-sSL https://example.com", "GET", "https://example.com")]
    [InlineData("-fsSL https://example.com/install.sh", "GET", "https://example.com/install.sh")]
    [InlineData("-X DELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1")]
    [InlineData("-XDELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1")]
    [InlineData("-sXDELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1")]
    [InlineData("-sX DELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1")]
    [InlineData("--request DELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1")]
    [InlineData("-X delete https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1")]
    [InlineData("--url https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-o out.json https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-o https://decoy.example https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-u user:pass https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-A agent https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-e https://ref.example https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("--connect-timeout 5 --max-time 10 https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-w '%{http_code}' -o /dev/null https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("--retry 3 --retry-delay 1 https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-I https://example.com", "HEAD", "https://example.com")]
    [InlineData("--head https://example.com", "HEAD", "https://example.com")]
    [InlineData("-d a=1 https://api.example.com/x", "POST", "https://api.example.com/x")]
    [InlineData("-G -d a=1 -d b=2 https://api.example.com/x", "GET", "https://api.example.com/x?a=1&b=2")]
    [InlineData("--get --data-urlencode 'q=red shoes' https://api.example.com/x?page=2", "GET", "https://api.example.com/x?page=2&q=red shoes")]
    [InlineData("-T file.txt https://api.example.com/upload", "PUT", "https://api.example.com/upload")]
    [InlineData("-F file=@a.png https://api.example.com/upload", "POST", "https://api.example.com/upload")]
    [InlineData("--url-query a=b https://api.example.com/x", "GET", "https://api.example.com/x?a=b")]
    [InlineData("-- https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("api.example.com/x", "GET", "api.example.com/x")]
    [InlineData("-H 'Accept: application/json' $API_URL/items", "GET", "$API_URL/items")]
    [InlineData("-x http://proxy:3128 https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("--cacert ca.pem --cert c.pem --key k.pem https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-b cookies.txt -c jar.txt https://api.example.com/x", "GET", "https://api.example.com/x")]
    [InlineData("-K /dev/null https://api.example.com/x", "GET", "https://api.example.com/x")]
    public void TryParse_Curl_MethodAndUrl(string arguments, string method, string url)
    {
        var request = Parse("curl", arguments);
        request.Method.ShouldBe(method);
        request.Url.ShouldBe(url);
    }

    [Theory]
    [InlineData("-d 'a=1' -d 'b=2' https://x.example", "a=1&b=2", false)]
    [InlineData("--data-raw '@notafile' https://x.example", "@notafile", false)]
    [InlineData("--data-binary @payload.json https://x.example", null, true)]
    [InlineData("-d @payload.json https://x.example", null, true)]
    [InlineData("--data-urlencode 'q=a b' https://x.example", "q=a b", false)]
    [InlineData("--data-urlencode '=hello' https://x.example", "hello", false)]
    [InlineData("--data-urlencode q@file.txt https://x.example", null, true)]
    [InlineData("-d \"$BODY\" https://x.example", "$BODY", true)]
    [InlineData("-d $(cat body.json) https://x.example", "$(…)", true)]
    [InlineData("-d \"{\\\"id\\\": \\\"$ID\\\"}\" https://x.example", "{\"id\": \"$ID\"}", false)]
    [InlineData("--json '{\"a\":1}' https://x.example", "{\"a\":1}", false)]
    [InlineData("-F 'name=value' https://x.example", "name=value", false)]
    [InlineData("-F 'file=<data.txt' https://x.example", "file=<data.txt", true)]
    [InlineData("-T big.bin https://x.example", null, true)]
    [InlineData("--expand-data '{{body}}' https://x.example", "{{body}}", true)]
    public void TryParse_CurlData_BodyAndOpacity(string arguments, string? body, bool opaque)
    {
        var request = Parse("curl", arguments);
        request.Body.ShouldBe(body);
        request.BodyIsOpaque.ShouldBe(opaque);
        request.Method.ShouldBe(arguments.StartsWith("-T", StringComparison.Ordinal) ? "PUT" : "POST");
    }

    [Fact]
    public void TryParse_CurlDataFromStdin_UsesStandardInput()
    {
        var request = Parse("curl", "-X POST -d @- https://backboard.railway.app/graphql/v2", "{\"query\":\"mutation { projectDelete(id: \\\"p\\\") }\"}");
        request.BodyIsOpaque.ShouldBeFalse();
        request.Body.ShouldBe("{\"query\":\"mutation { projectDelete(id: \\\"p\\\") }\"}");
        HttpRequestClassifier.Classify(request).ShouldHaveSingleItem().Risk.ShouldBe(Risk.Critical);
    }

    [Fact]
    public void TryParse_CurlDataFromUnknownStdin_Opaque()
    {
        var request = Parse("curl", "-d @- https://backboard.railway.app/graphql/v2");
        request.BodyIsOpaque.ShouldBeTrue();
        var action = HttpRequestClassifier.Classify(request).ShouldHaveSingleItem();
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void TryParse_CurlJson_SetsJsonHeaders()
    {
        var request = Parse("curl", "--json '{\"query\":\"{ a }\"}' https://x.example/graphql");
        Header(request, "Content-Type").ShouldBe("application/json");
        Header(request, "Accept").ShouldBe("application/json");
        request.Method.ShouldBe("POST");
    }

    [Fact]
    public void TryParse_CurlJsonWithOwnContentType_KeepsUserHeader()
    {
        var request = Parse("curl", "--json '{}' -H 'Content-Type: application/vnd.api+json' https://x.example");
        Header(request, "Content-Type").ShouldBe("application/vnd.api+json");
    }

    [Theory]
    [InlineData("-H 'X-A: 1' -H 'X-B:2' https://x.example", "X-B", "2")]
    [InlineData("--header 'Authorization: Bearer $T' https://x.example", "Authorization", "Bearer $T")]
    [InlineData("-H \"Authorization: Bearer $T\" https://x.example", "Authorization", "Bearer $T")]
    [InlineData("-H 'X-Empty;' https://x.example", "X-Empty", "")]
    [InlineData("-H 'X-HTTP-Method-Override: DELETE' https://x.example", "X-HTTP-Method-Override", "DELETE")]
    public void TryParse_CurlHeaders_Collected(string arguments, string name, string value)
    {
        Header(Parse("curl", arguments), name).ShouldBe(value);
    }

    [Fact]
    public void TryParse_CurlHeaderRemoval_NotAdded()
    {
        Header(Parse("curl", "-H 'Accept:' https://x.example"), "Accept").ShouldBeNull();
    }

    [Fact]
    public void TryParse_CurlSeveralUrls_AllReturned()
    {
        var all = HttpClientCommandParser.ParseAll("curl", CommandWords.Split("-X DELETE https://a.example/1 https://b.example/2"), null);
        all.Count.ShouldBe(2);
        all.ShouldAllBe(r => r.Method == "DELETE");
        all[1].Url.ShouldBe("https://b.example/2");
    }

    [Fact]
    public void TryParse_CurlNext_SeparatesOptions()
    {
        var all = HttpClientCommandParser.ParseAll("curl", CommandWords.Split("https://a.example --next -X DELETE https://b.example/x"), null);
        all.Count.ShouldBe(2);
        all[0].Method.ShouldBe("GET");
        all[1].Method.ShouldBe("DELETE");
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("-V")]
    [InlineData("-h")]
    [InlineData("--manual")]
    [InlineData("")]
    [InlineData("-s")]
    public void TryParse_CurlNotARequest_Null(string arguments)
    {
        HttpClientCommandParser.TryParse("curl", CommandWords.Split(arguments), null).ShouldBeNull();
    }

    [Fact]
    public void TryParse_CurlConfigFile_UnknownMethodOpaque()
    {
        var request = Parse("curl", "-K request.cfg");
        request.Method.ShouldBe("UNKNOWN");
        request.BodyIsOpaque.ShouldBeTrue();
        HttpRequestClassifier.Classify(request).ShouldHaveSingleItem().Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("/usr/bin/curl")]
    [InlineData("curl.exe")]
    [InlineData("CURL")]
    public void TryParse_ToolPathOrCase_Recognised(string tool)
    {
        HttpClientCommandParser.TryParse(tool, CommandWords.Split("-X DELETE https://x.example"), null).ShouldNotBeNull().Method.ShouldBe("DELETE");
    }

    [Fact]
    public void TryParse_UnknownTool_Null()
    {
        HttpClientCommandParser.TryParse("ls", CommandWords.Split("-la"), null).ShouldBeNull();
    }

    [Theory]
    [InlineData("https://example.com/file.tgz", "GET", "https://example.com/file.tgz", null)]
    [InlineData("-q -O - https://example.com/install.sh", "GET", "https://example.com/install.sh", null)]
    [InlineData("-qO- https://example.com/install.sh", "GET", "https://example.com/install.sh", null)]
    [InlineData("-nv https://example.com/a", "GET", "https://example.com/a", null)]
    [InlineData("--method=DELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1", null)]
    [InlineData("--method DELETE https://api.example.com/x/1", "DELETE", "https://api.example.com/x/1", null)]
    [InlineData("--post-data='a=1' https://api.example.com/x", "POST", "https://api.example.com/x", "a=1")]
    [InlineData("--post-data 'a=1' https://api.example.com/x", "POST", "https://api.example.com/x", "a=1")]
    [InlineData("--method=PUT --body-data='{\"a\":1}' https://api.example.com/x", "PUT", "https://api.example.com/x", "{\"a\":1}")]
    [InlineData("-O out.html --user-agent=x https://example.com", "GET", "https://example.com", null)]
    [InlineData("-e method=DELETE https://api.example.com/x", "DELETE", "https://api.example.com/x", null)]
    public void TryParse_Wget_Request(string arguments, string method, string url, string? body)
    {
        var request = Parse("wget", arguments);
        request.Method.ShouldBe(method);
        request.Url.ShouldBe(url);
        request.Body.ShouldBe(body);
    }

    [Fact]
    public void TryParse_WgetPostFile_Opaque()
    {
        var request = Parse("wget", "--post-file=body.json https://api.example.com/x");
        request.Method.ShouldBe("POST");
        request.BodyIsOpaque.ShouldBeTrue();
    }

    [Fact]
    public void TryParse_WgetHeader_Collected()
    {
        Header(Parse("wget", "--header='Content-Type: application/json' https://x.example"), "Content-Type").ShouldBe("application/json");
    }

    [Fact]
    public void TryParse_WgetGraphQLMutation_Critical()
    {
        var request = Parse("wget",
            "--header='Content-Type: application/json' --post-data='{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}' https://backboard.railway.com/graphql/v2");
        HttpRequestClassifier.Classify(request).ShouldHaveSingleItem().Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("-q")]
    public void TryParse_WgetNotARequest_Null(string arguments)
    {
        HttpClientCommandParser.TryParse("wget", CommandWords.Split(arguments), null).ShouldBeNull();
    }

    [Theory]
    [InlineData("http", "example.com", "GET", "http://example.com", null)]
    [InlineData("https", "example.com/api", "GET", "https://example.com/api", null)]
    [InlineData("http", ":3000/users", "GET", "http://localhost:3000/users", null)]
    [InlineData("http", "DELETE api.example.com/items/1", "DELETE", "http://api.example.com/items/1", null)]
    [InlineData("http", "delete api.example.com/items/1", "DELETE", "http://api.example.com/items/1", null)]
    [InlineData("http", "api.example.com/items name=x", "POST", "http://api.example.com/items", "{\"name\": \"x\"}")]
    [InlineData("http", "PUT api.example.com/items/1 name=x count:=3 tags:='[\"a\"]'", "PUT", "http://api.example.com/items/1", "{\"name\": \"x\", \"count\": 3, \"tags\": [\"a\"]}")]
    [InlineData("http", "-f POST api.example.com/form a=1 b=2", "POST", "http://api.example.com/form", "a=1&b=2")]
    [InlineData("http", "api.example.com/search q==shoes page==2", "GET", "http://api.example.com/search?q=shoes&page=2", null)]
    [InlineData("http", "--follow --timeout 5 GET https://api.example.com/x", "GET", "https://api.example.com/x", null)]
    [InlineData("http", "-a user:pass https://api.example.com/x", "GET", "https://api.example.com/x", null)]
    [InlineData("http", "--raw 'hello' POST https://api.example.com/x", "POST", "https://api.example.com/x", "hello")]
    [InlineData("http", "--raw=hello https://api.example.com/x", "POST", "https://api.example.com/x", "hello")]
    [InlineData("xh", "delete api.example.com/items/1", "DELETE", "http://api.example.com/items/1", null)]
    [InlineData("xhs", "api.example.com/items", "GET", "https://api.example.com/items", null)]
    [InlineData("http", "api.example.com 'na\\=me=x'", "POST", "http://api.example.com", "{\"na=me\": \"x\"}")]
    public void TryParse_Httpie_Request(string tool, string arguments, string method, string url, string? body)
    {
        var request = Parse(tool, arguments);
        request.Method.ShouldBe(method);
        request.Url.ShouldBe(url);
        request.Body.ShouldBe(body);
    }

    [Fact]
    public void TryParse_HttpieHeaders_Collected()
    {
        var request = Parse("http", "POST api.example.com/x Authorization:'Bearer tok' X-Trace:1 a=1");
        Header(request, "Authorization").ShouldBe("Bearer tok");
        Header(request, "X-Trace").ShouldBe("1");
        Header(request, "Content-Type").ShouldBe("application/json");
    }

    [Theory]
    [InlineData("POST api.example.com/upload file@photo.png")]
    [InlineData("POST api.example.com/x data=@body.txt")]
    [InlineData("POST api.example.com/x data:=@body.json")]
    public void TryParse_HttpieFileItems_Opaque(string arguments)
    {
        Parse("http", arguments).BodyIsOpaque.ShouldBeTrue();
    }

    [Fact]
    public void TryParse_HttpieGraphQLMutation_CriticalThroughClassifier()
    {
        var request = Parse("http", "POST https://backboard.railway.app/graphql/v2 'query=mutation { volumeDelete(volumeId: \"vol_9\") }' \"Authorization:Bearer $RAILWAY_TOKEN\"");
        var action = HttpRequestClassifier.Classify(request).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Id.ShouldBe("vol_9");
    }

    [Fact]
    public void TryParse_HttpieStdinBody_Used()
    {
        var request = Parse("http", "POST https://backboard.railway.app/graphql/v2", "{\"query\":\"mutation { projectDelete(id: \\\"p\\\") }\"}");
        request.Body.ShouldNotBeNull();
        HttpRequestClassifier.Classify(request).ShouldHaveSingleItem().Risk.ShouldBe(Risk.Critical);
    }

    [Fact]
    public void TryParse_HttpieIgnoreStdin_NoBody()
    {
        Parse("http", "--ignore-stdin https://api.example.com/x", "ignored").Body.ShouldBeNull();
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("--offline POST api.example.com a=1")]
    [InlineData("")]
    public void TryParse_HttpieNotARequest_Null(string arguments)
    {
        HttpClientCommandParser.TryParse("http", CommandWords.Split(arguments), null).ShouldBeNull();
    }

    [Fact]
    public void TryParse_HttpieDynamicItem_Opaque()
    {
        Parse("http", "POST api.example.com/x \"query=$Q\"").BodyIsOpaque.ShouldBeTrue();
    }

    [Fact]
    public void TryParse_HarmlessFirstUrlThenDestructive_ReturnsRiskiest()
    {
        var request = Parse("curl", "-X DELETE https://api.example.com/v1/items/1 https://api.example.com/v1/volumes/vol-9");
        request.Url.ShouldBe("https://api.example.com/v1/volumes/vol-9");
    }

    [Fact]
    public void TryParse_NextWithDestructiveSecondRequest_ReturnsRiskiest()
    {
        var request = Parse("curl", "https://example.com --next -X DELETE https://k8s.example/api/v1/namespaces/prod");
        request.Method.ShouldBe("DELETE");
    }

    [Fact]
    public void TryParse_CurlGetWithUrlEncodedMutation_MutationViaGet()
    {
        var request = Parse("curl", "-G --data-urlencode 'query=mutation { volumeDelete(volumeId: \"v\") }' https://backboard.railway.app/graphql/v2");
        request.Method.ShouldBe("GET");
        var action = HttpRequestClassifier.Classify(request).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.HasTag("mutation-via-get").ShouldBeTrue();
    }

    [Fact]
    public void TryParse_ThousandsOfArguments_Linear()
    {
        var line = string.Concat(Enumerable.Repeat("-H 'X-A: 1' ", 5000)) + "https://x.example";
        Parse("curl", line).Headers.Count.ShouldBe(5000);
    }
}
