namespace Gatehouse.Cedar.Tests.Schema;

/// <summary>
/// The JSON form of each human-readable test schema, as the official engine (cedar-wasm 4.13.0,
/// <c>schemaToJson</c>) writes it, must read into the same model as the text form.
/// </summary>
public sealed class CedarSchemaFormatsAgreeTests
{
    private const string FlatJson = """
        {"":{"entityTypes":{"Color":{"enum":["red","green"]},"Doc":{"shape":{"type":"Record","attributes":{"owner":{"type":"EntityOrCommon","name":"User"},"size":{"type":"EntityOrCommon","name":"Long"}}}},"Group":{},"User":{"memberOfTypes":["Group"],"shape":{"type":"Record","attributes":{"addr":{"type":"Record","attributes":{"city":{"type":"EntityOrCommon","name":"String"},"zip":{"type":"EntityOrCommon","name":"Long","required":false}}},"age":{"type":"EntityOrCommon","name":"Long"},"ip":{"type":"EntityOrCommon","name":"ipaddr"},"mgr":{"type":"EntityOrCommon","name":"User","required":false},"name":{"type":"EntityOrCommon","name":"String"},"nick":{"type":"EntityOrCommon","name":"String","required":false},"tags":{"type":"Set","element":{"type":"EntityOrCommon","name":"String"}}}},"tags":{"type":"EntityOrCommon","name":"String"}}},"actions":{"edit":{"appliesTo":{"resourceTypes":["Doc"],"principalTypes":["User"]},"memberOf":[{"id":"view"}]},"nothing":{"appliesTo":{"resourceTypes":[],"principalTypes":[]}},"view":{"appliesTo":{"resourceTypes":["Doc"],"principalTypes":["User"],"context":{"type":"Record","attributes":{"ip":{"type":"EntityOrCommon","name":"ipaddr"},"n":{"type":"EntityOrCommon","name":"Long","required":false}}}}}}}}
        """;

    private const string NamespacedJson = """
        {"App":{"commonTypes":{"Ctx":{"type":"Record","attributes":{"budget":{"type":"EntityOrCommon","name":"decimal","required":false},"ip":{"type":"EntityOrCommon","name":"ipaddr"},"labels":{"type":"Set","element":{"type":"EntityOrCommon","name":"String"}},"nested":{"type":"Record","attributes":{"deep":{"type":"Record","attributes":{"x":{"type":"EntityOrCommon","name":"Long"}},"required":false}}},"when":{"type":"EntityOrCommon","name":"datetime"}}}},"entityTypes":{"Bucket":{"memberOfTypes":["Org"],"shape":{"type":"Record","attributes":{"created":{"type":"EntityOrCommon","name":"datetime"},"limit":{"type":"EntityOrCommon","name":"decimal"},"owner":{"type":"EntityOrCommon","name":"User"},"size":{"type":"EntityOrCommon","name":"Long"},"ttl":{"type":"EntityOrCommon","name":"duration"}}}},"Color":{"enum":["red","blue"]},"Org":{},"Service":{"shape":{"type":"Record","attributes":{"ips":{"type":"Set","element":{"type":"EntityOrCommon","name":"ipaddr"}}}}},"Team":{},"User":{"memberOfTypes":["Team","Org"],"shape":{"type":"Record","attributes":{"level":{"type":"EntityOrCommon","name":"Long"},"meta":{"type":"Record","attributes":{"a":{"type":"EntityOrCommon","name":"Long","required":false},"b":{"type":"EntityOrCommon","name":"String"}}},"owner":{"type":"EntityOrCommon","name":"Org","required":false},"teams":{"type":"Set","element":{"type":"EntityOrCommon","name":"Team"}}}},"tags":{"type":"Set","element":{"type":"EntityOrCommon","name":"String"}}}},"actions":{"admin":{"appliesTo":{"resourceTypes":["Org","Bucket"],"principalTypes":["User"]}},"delete bucket":{"appliesTo":{"resourceTypes":["Bucket"],"principalTypes":["User"],"context":{"type":"Ctx"}},"memberOf":[{"id":"write"}]},"read":{"appliesTo":{"resourceTypes":["Bucket"],"principalTypes":["User","Service"],"context":{"type":"Ctx"}}},"write":{"appliesTo":{"resourceTypes":["Bucket"],"principalTypes":["User"],"context":{"type":"Ctx"}},"memberOf":[{"id":"read"}]}}}}
        """;

    public static TheoryData<string, string> Pairs => new()
    {
        { Validation.PolicyValidatorOfficialVerdictTests.Schema, FlatJson },
        { Validation.PolicyValidatorNamespacedVerdictTests.Schema, NamespacedJson },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void FromJson_OfficialJsonForm_EqualsHumanReadableForm(string text, string json)
    {
        var fromText = CedarSchema.Parse(text);
        var fromJson = CedarSchema.FromJson(json);
        fromJson.EntityTypes.Keys.Order(StringComparer.Ordinal).ShouldBe(fromText.EntityTypes.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, expected) in fromText.EntityTypes)
        {
            var actual = fromJson.EntityTypes[name];
            actual.MemberOfTypes.ShouldBe(expected.MemberOfTypes, ignoreOrder: true);
            actual.Shape.ShouldBe(expected.Shape, name);
            actual.Tags.ShouldBe(expected.Tags, name);
            actual.EnumIds.ShouldBe(expected.EnumIds, name);
        }

        fromJson.Actions.Count.ShouldBe(fromText.Actions.Count);
        foreach (var (uid, expected) in fromText.Actions)
        {
            var actual = fromJson.Actions[uid];
            actual.MemberOf.ShouldBe(expected.MemberOf, ignoreOrder: true);
            actual.PrincipalTypes.ShouldBe(expected.PrincipalTypes, ignoreOrder: true);
            actual.ResourceTypes.ShouldBe(expected.ResourceTypes, ignoreOrder: true);
            actual.Context.ShouldBe(expected.Context, uid.ToString());
        }
    }
}
