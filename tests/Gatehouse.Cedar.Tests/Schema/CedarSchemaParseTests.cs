using Gatehouse.Cedar.Schema;

namespace Gatehouse.Cedar.Tests.Schema;

public sealed class CedarSchemaParseTests
{
    private const string PhotoApp = """
        // Annotated namespace with every declaration form.
        @doc("photos")
        namespace PhotoApp {
            type Address = { street: String, zip?: Long };
            @doc("a user")
            entity User in [UserGroup] {
                name: String,
                "home address"?: Address,
                roles: Set<String>,
                ip: ipaddr,
                limit: decimal,
                born: datetime,
                session: duration,
                manager?: User,
            } tags String;
            entity UserGroup;
            entity Photo in Album = { owner: User, private: Bool };
            entity Album;
            entity Color enum ["red", "green"];
            action viewPhoto, editPhoto in [readOnly] appliesTo {
                principal: [User, UserGroup],
                resource: Photo,
                context: { ip: ipaddr, mfa?: Bool },
            };
            action "readOnly";
            action deletePhoto in PhotoApp::Action::"editPhoto" appliesTo { principal: User, resource: [Photo] };
        }
        entity Global;
        action globalAction appliesTo { principal: [PhotoApp::User], resource: Global, context: PhotoApp::Address };
        """;

    [Fact]
    public void Parse_HumanReadable_ResolvesEntityTypesAttributesAndTags()
    {
        var schema = CedarSchema.Parse(PhotoApp);
        var user = schema.EntityTypes["PhotoApp::User"];
        user.MemberOfTypes.ShouldBe(["PhotoApp::UserGroup"]);
        user.Tags.ShouldBe(SchemaType.String);
        var attributes = user.Shape.Attributes!;
        attributes["name"].ShouldBe(new SchemaAttribute(SchemaType.String, true));
        attributes["roles"].Type.ShouldBe(SchemaType.Set(SchemaType.String));
        attributes["ip"].Type.ShouldBe(SchemaType.Extension("ipaddr"));
        attributes["limit"].Type.ShouldBe(SchemaType.Extension("decimal"));
        attributes["born"].Type.ShouldBe(SchemaType.Extension("datetime"));
        attributes["session"].Type.ShouldBe(SchemaType.Extension("duration"));
        attributes["manager"].ShouldBe(new SchemaAttribute(SchemaType.Entity("PhotoApp::User"), false));
        var address = attributes["home address"];
        address.Required.ShouldBeFalse();
        address.Type.Attributes!["zip"].Required.ShouldBeFalse();
        schema.EntityTypes["PhotoApp::Photo"].Shape.Attributes!["private"].Type.ShouldBe(SchemaType.Bool);
        schema.EntityTypes["PhotoApp::Color"].EnumIds.ShouldBe(["red", "green"]);
        schema.EntityTypes.ContainsKey("Global").ShouldBeTrue();
    }

    [Fact]
    public void Parse_HumanReadable_ResolvesActionsAndTheirGroups()
    {
        var schema = CedarSchema.Parse(PhotoApp);
        var view = schema.Actions[new EntityUid("PhotoApp::Action", "viewPhoto")];
        view.PrincipalTypes.ShouldBe(["PhotoApp::User", "PhotoApp::UserGroup"]);
        view.ResourceTypes.ShouldBe(["PhotoApp::Photo"]);
        view.Context.Attributes!["mfa"].Required.ShouldBeFalse();
        view.MemberOf.ShouldBe([new EntityUid("PhotoApp::Action", "readOnly")]);
        schema.Actions[new EntityUid("PhotoApp::Action", "readOnly")].PrincipalTypes.ShouldBeEmpty();
        var delete = new EntityUid("PhotoApp::Action", "deletePhoto");
        schema.ActionIsIn(delete, new EntityUid("PhotoApp::Action", "readOnly")).ShouldBeTrue();
        schema.Actions[new EntityUid("Action", "globalAction")].Context.Attributes!.ContainsKey("street").ShouldBeTrue();
        schema.CanBeIn("PhotoApp::User", "PhotoApp::UserGroup").ShouldBeTrue();
        schema.CanBeIn("PhotoApp::UserGroup", "PhotoApp::User").ShouldBeFalse();
    }

    [Fact]
    public void FromJson_SameSchema_MatchesHumanReadable()
    {
        const string json = """
            {
              "PhotoApp": {
                "commonTypes": { "Address": { "type": "Record", "attributes": { "street": { "type": "String" }, "zip": { "type": "Long", "required": false } } } },
                "entityTypes": {
                  "User": {
                    "memberOfTypes": ["UserGroup"],
                    "shape": { "type": "Record", "attributes": {
                      "name": { "type": "String" },
                      "home address": { "type": "Address", "required": false },
                      "roles": { "type": "Set", "element": { "type": "String" } },
                      "ip": { "type": "Extension", "name": "ipaddr" },
                      "manager": { "type": "Entity", "name": "User", "required": false },
                      "boss": { "type": "EntityOrCommon", "name": "User" }
                    } },
                    "tags": { "type": "String" }
                  },
                  "UserGroup": {},
                  "Photo": { "shape": { "type": "Record", "attributes": { "private": { "type": "Boolean" } } } },
                  "Color": { "enum": ["red", "green"] }
                },
                "actions": {
                  "readOnly": {},
                  "viewPhoto": {
                    "memberOf": [{ "id": "readOnly" }],
                    "appliesTo": { "principalTypes": ["User"], "resourceTypes": ["Photo"],
                                   "context": { "type": "Record", "attributes": { "mfa": { "type": "Boolean", "required": false } } } }
                  }
                }
              }
            }
            """;
        var schema = CedarSchema.FromJson(json);
        var user = schema.EntityTypes["PhotoApp::User"];
        user.Shape.Attributes!["home address"].Required.ShouldBeFalse();
        user.Shape.Attributes["home address"].Type.Attributes!["zip"].Type.ShouldBe(SchemaType.Long);
        user.Shape.Attributes["boss"].Type.ShouldBe(SchemaType.Entity("PhotoApp::User"));
        user.Shape.Attributes["manager"].Required.ShouldBeFalse();
        user.Tags.ShouldBe(SchemaType.String);
        schema.EntityTypes["PhotoApp::Photo"].Shape.Attributes!["private"].Type.ShouldBe(SchemaType.Bool);
        schema.EntityTypes["PhotoApp::Color"].EnumIds.ShouldBe(["red", "green"]);
        var view = schema.Actions[new EntityUid("PhotoApp::Action", "viewPhoto")];
        view.MemberOf.ShouldBe([new EntityUid("PhotoApp::Action", "readOnly")]);
        view.PrincipalTypes.ShouldBe(["PhotoApp::User"]);
        view.Context.Attributes!["mfa"].Type.ShouldBe(SchemaType.Bool);
    }

    [Theory]
    [InlineData("entity User in [Missing];", 1, 1, "undeclared entity type `Missing`")]
    [InlineData("entity User { a: Missing };", 1, 18, "undeclared type `Missing`")]
    [InlineData("entity User;\nentity User;", 2, 1, "declared twice")]
    [InlineData("action a in [b];", 1, 1, "undeclared action")]
    [InlineData("action a in [b];\naction b in [a];", 0, 0, "cycle")]
    [InlineData("entity User {\n  name: String\n  age: Long };", 3, 3, "expected '}'")]
    [InlineData("entity User", 1, 12, "expected ';'")]
    [InlineData("namespace A { entity X; ", 1, 25, "expected '}'")]
    [InlineData("type T = T;\nentity E { t: T };", 1, 10, "refers to itself")]
    [InlineData("action a appliesTo { context: Long };", 1, 1, "must be a record")]
    [InlineData("entity E = Long;", 1, 12, "expected ';'")]
    [InlineData("action a appliesTo { principal: [X] };", 1, 1, "undeclared entity type `X`")]
    [InlineData("entity E { a: Set<Long };", 1, 24, "expected '>'")]
    [InlineData("entity E { a: Long, a: String };", 1, 24, "declared twice")]
    [InlineData("entity E enum [];", 1, 16, "expected a string")]
    [InlineData("action a appliesTo { principal: E, principal: E };", 1, 36, "appears twice")]
    public void Parse_InvalidSchema_ReportsLocatedError(string text, int line, int column, string fragment)
    {
        var error = Should.Throw<CedarException>(() => CedarSchema.Parse(text, "s.cedarschema"));
        error.Message.ShouldContain(fragment);
        if (line > 0)
        {
            var parse = error.ShouldBeOfType<CedarParseException>();
            parse.Diagnostics[0].Line.ShouldBe(line);
            parse.Diagnostics[0].Column.ShouldBe(column);
            error.Message.ShouldStartWith($"s.cedarschema:{line}:{column}: error: ");
        }
    }

    [Theory]
    [InlineData("[]", "a schema is a JSON object")]
    [InlineData("{\"\": {\"entityTypes\": {\"E\": {\"memberOfTypes\": [\"X\"]}}}}", "undeclared entity type `X`")]
    [InlineData("{\"\": {\"entityTypes\": {\"E\": {\"bogus\": 1}}}}", "unknown entity type key `bogus`")]
    [InlineData("{\"\": {\"entityTypes\": {\"E\": {\"shape\": {\"type\": \"Record\", \"attributes\": {\"a\": {\"type\": \"Nope\"}}}}}}}", "undeclared type `Nope`")]
    [InlineData("{\"\": {\"actions\": {\"a\": {\"attributes\": {}}}}}", "action attributes are not supported")]
    [InlineData("{\"\": {\"actions\": {\"a\": {\"memberOf\": [{\"id\": \"b\"}]}}}}", "undeclared action")]
    [InlineData("{\"\": {\"entityTypes\": {\"E\": {\"shape\": {\"type\": \"Set\"}}}}}", "needs an `element`")]
    [InlineData("{\"\": {", "invalid schema JSON")]
    public void FromJson_InvalidSchema_Throws(string json, string fragment) =>
        Should.Throw<CedarException>(() => CedarSchema.FromJson(json)).Message.ShouldContain(fragment);

    [Fact]
    public void Parse_DeeplyNestedSet_FailsClosedWithoutCrashing()
    {
        var text = "entity E { a: " + string.Concat(Enumerable.Repeat("Set<", 10_000)) + "Long" + new string('>', 10_000) + " };";
        Should.Throw<CedarException>(() => CedarSchema.Parse(text)).Message.ShouldContain("nests too deeply");
    }

    [Fact]
    public void FromJson_DeeplyNestedJson_FailsClosedWithoutCrashing()
    {
        var json = "{\"\": {\"entityTypes\": {\"E\": {\"shape\": " + string.Concat(Enumerable.Repeat("{\"type\": \"Set\", \"element\": ", 10_000)) + "{\"type\": \"Long\"}" + new string('}', 10_000) + "}}}}";
        Should.Throw<CedarException>(() => CedarSchema.FromJson(json));
    }
}
