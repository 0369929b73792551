using System.Text;
using System.Text.Json;

namespace Gatehouse.Cedar.Tests.Json;

public sealed class JsonFormatTests
{
    [Fact]
    public void Entities_FromJson_ReadsAttributesParentsAndTags()
    {
        var entities = Entities.FromJson("""
            [{"uid": {"__entity": {"type": "User", "id": "a"}},
              "attrs": {"n": 1, "s": "x", "b": true, "set": [1, 1, 2], "rec": {"k": "v"},
                        "ref": {"__entity": {"type": "User", "id": "b"}}, "ip": {"__extn": {"fn": "ip", "arg": "10.0.0.1"}},
                        "implicit": {"type": "User", "id": "b"}},
              "parents": [{"type": "G", "id": "g"}], "tags": {"t": "v"}},
             {"uid": {"type": "G", "id": "g"}, "attrs": {}, "parents": [{"type": "G", "id": "root"}]}]
            """);
        var alice = entities.Find(new EntityUid("User", "a")).ShouldNotBeNull();
        alice.Attributes["n"].ShouldBe(CedarValue.Of(1));
        alice.Attributes["set"].ShouldBe(CedarSet.Of([CedarValue.Of(2), CedarValue.Of(1)]));
        alice.Attributes["ref"].ShouldBe(CedarValue.Of(new EntityUid("User", "b")));
        alice.Attributes["ip"].ShouldBeOfType<CedarExtensionValue>().ExtensionType.ShouldBe("ipaddr");
        alice.Attributes["implicit"].ShouldBeOfType<CedarRecord>();
        alice.Tags["t"].ShouldBe(CedarValue.Of("v"));
        entities.IsDescendant(new("User", "a"), new("G", "root")).ShouldBeTrue();
        entities.IsDescendant(new("User", "a"), new("User", "a")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{", "invalid entities JSON")]
    [InlineData("{}", "expected an array")]
    [InlineData("[{\"attrs\": {}}]", "expected an object with a \"uid\"")]
    [InlineData("[{\"uid\": {\"type\": \"U\"}}]", "expected an entity uid")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": null}, \"parents\": []}]", "is not a Cedar value")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": 1.5}, \"parents\": []}]", "is not a 64-bit integer")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": 9223372036854775808}, \"parents\": []}]", "is not a 64-bit integer")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"bad\"}}}, \"parents\": []}]", "invalid extension value")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": {\"__extn\": {\"fn\": \"nope\", \"arg\": \"1\"}}}, \"parents\": []}]", "invalid extension value")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": 1, \"x\": 2}, \"parents\": []}]", "duplicate key 'x'")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": {}}]", "\"parents\" must be an array")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"parents\": []}]", "\"attrs\" and \"parents\" are required")]
    [InlineData("[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [], \"tags\": null}]", "\"tags\" must be an object")]
    [InlineData("[{\"uid\": {\"type\": \"not valid\", \"id\": \"a\"}}]", "is not a valid entity type name")]
    public void Entities_InvalidJson_ThrowsClearCedarException(string json, string fragment) =>
        Should.Throw<CedarException>(() => Entities.FromJson(json)).Message.ShouldContain(fragment);

    [Fact]
    public void Entities_DeepJson_IsAnError()
    {
        var json = "[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}}]";
        Should.Throw<CedarException>(() => Entities.FromJson(json)).Message.ShouldContain("invalid entities JSON");
    }

    [Fact]
    public void Entities_InvalidUtf8_IsAnError()
    {
        byte[] bytes = [.. "[{\"uid\": {\"type\": \"U\", \"id\": \""u8, 0xff, 0xfe, .. "\"}, \"attrs\": {}, \"parents\": []}]"u8];
        var text = Encoding.UTF8.GetString(bytes);
        var entities = Entities.FromJson(text);
        entities.Find(new EntityUid("U", "\uFFFD\uFFFD")).ShouldNotBeNull();
        Should.Throw<CedarException>(() => Cedar.Json.JsonInput.Parse(bytes, "entities")).Message.ShouldContain("invalid entities JSON");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10_000)]
    public void Entities_CyclicParents_AreRefusedWithoutHanging(int length)
    {
        var entities = Enumerable.Range(0, length).Select(i =>
            new Entity(new EntityUid("G", $"g{i}"), CedarRecord.Empty.Fields, [new EntityUid("G", $"g{(i + 1) % length}")]));
        Should.Throw<CedarException>(() => Entities.Create(entities)).Message.ShouldContain("cycle");
    }

    [Fact]
    public void Entities_LongChain_AnswersWithoutBlowingUp()
    {
        var entities = Entities.Create(Enumerable.Range(0, 10_000).Select(i =>
            new Entity(new EntityUid("G", $"g{i}"), CedarRecord.Empty.Fields, i == 9_999 ? [] : [new EntityUid("G", $"g{i + 1}")])));
        entities.IsDescendant(new("G", "g0"), new("G", "g9999")).ShouldBeTrue();
        entities.IsDescendant(new("G", "g9999"), new("G", "g0")).ShouldBeFalse();
    }

    [Fact]
    public void Entities_ExactRepeat_IsAcceptedButConflictIsNot()
    {
        const string Entity = """{"uid": {"type": "U", "id": "a"}, "attrs": {"x": 1}, "parents": []}""";
        Entities.FromJson($"[{Entity}, {Entity}]").Count.ShouldBe(1);
        Should.Throw<CedarException>(() => Entities.FromJson(
            $$"""[{{Entity}}, {"uid": {"type": "U", "id": "a"}, "attrs": {"x": 2}, "parents": []}]"""))
            .Message.ShouldContain("duplicate entity U::\"a\"");
    }

    [Fact]
    public void Entities_ExtensionEscapeWithArgs_CallsTheMethod()
    {
        var entities = Entities.FromJson("""
            [{"uid": {"type": "U", "id": "a"}, "parents": [], "attrs": {
              "when": {"__extn": {"fn": "offset", "args": [{"__extn": {"fn": "datetime", "arg": "2024-01-01"}}, {"__extn": {"fn": "duration", "arg": "1d"}}]}},
              "ip": {"__extn": {"fn": "ip", "args": ["1.2.3.4"]}}}}]
            """);
        var attributes = entities.Find(new("U", "a")).ShouldNotBeNull().Attributes;
        attributes["when"].ToString().ShouldBe("datetime(\"2024-01-02T00:00:00.000Z\")");
        attributes["ip"].ShouldBeOfType<CedarExtensionValue>().ExtensionType.ShouldBe("ipaddr");
    }

    [Theory]
    [InlineData("""{"principal": {"type": "U", "id": "a"}, "action": {"type": "A", "id": "v"}, "resource": {"__entity": {"type": "R", "id": "r"}}, "context": {"k": 1}}""")]
    [InlineData("""{"principal": "U::\"a\"", "action": "A::\"v\"", "resource": "R::\"r\"", "context": {"k": 1}}""")]
    public void Request_FromJson_AcceptsObjectAndTextUids(string json)
    {
        var request = AuthorizationRequest.FromJson(json);
        request.Principal.ShouldBe(new EntityUid("U", "a"));
        request.Resource.ShouldBe(new EntityUid("R", "r"));
        request.Context.Fields["k"].ShouldBe(CedarValue.Of(1));
    }

    [Theory]
    [InlineData("""{"action": {"type": "A", "id": "v"}, "resource": {"type": "R", "id": "r"}}""", "missing \"principal\"")]
    [InlineData("""{"principal": "U::a", "action": "A::\"v\"", "resource": "R::\"r\""}""", "invalid entity uid")]
    [InlineData("""{"principal": "U::\"a\"", "action": "A::\"v\"", "resource": "R::\"r\"", "context": [1]}""", "\"context\" must be an object")]
    [InlineData("[]", "expected an object")]
    public void Request_InvalidJson_Throws(string json, string fragment) =>
        Should.Throw<CedarException>(() => AuthorizationRequest.FromJson(json)).Message.ShouldContain(fragment);

    [Fact]
    public void Value_WriteJson_RoundTripsThroughFromJson()
    {
        var value = CedarRecord.Of([
            new("e", CedarValue.Of(new EntityUid("U", "a"))),
            new("s", CedarSet.Of([CedarValue.Of(1), CedarValue.Of("x")])),
            new("r", CedarRecord.Of([new("b", CedarValue.Of(true))])),
        ]);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteJson(writer);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        CedarValue.FromJson(document.RootElement).ShouldBe(value);
    }
}
