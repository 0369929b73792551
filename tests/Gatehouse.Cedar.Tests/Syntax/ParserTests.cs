namespace Gatehouse.Cedar.Tests.Syntax;

public sealed class ParserTests
{
    private const string Sample = """
        // staff may read
        @id("read-docs")
        @advice
        permit (principal in Group::"staff", action in [Action::"view", Action::"read"], resource is Ns::Doc in Folder::"f")
        when { resource.public || principal == resource.owner }
        unless { context.blocked };

        forbid (principal is User, action == Action::"delete", resource);
        permit (principal == ?principal, action, resource in ?resource);
        """;

    [Fact]
    public void Parse_Sample_NumbersPoliciesInTextOrder()
    {
        var set = PolicySet.Parse(Sample, "s.cedar");
        set.Policies.Select(p => p.Id).ShouldBe(["policy0", "policy1"]);
        set.Templates.Single().Id.ShouldBe("policy2");
        set.Templates.Single().IsTemplate.ShouldBeTrue();
    }

    [Fact]
    public void Parse_Annotations_KeepValuesAndEmptyForBareNames()
    {
        var policy = PolicySet.Parse(Sample).Policies[0];
        policy.Annotations["id"].ShouldBe("read-docs");
        policy.Annotations["advice"].ShouldBe(string.Empty);
        policy.Id.ShouldBe("policy0");
        (policy.Line, policy.Column).ShouldBe((2, 1));
        policy.Effect.ShouldBe(PolicyEffect.Permit);
        PolicySet.Parse(Sample).Policies[1].Effect.ShouldBe(PolicyEffect.Forbid);
    }

    [Fact]
    public void ToString_ParsesBackToTheSameText()
    {
        var set = PolicySet.Parse(Sample);
        foreach (var policy in set.Policies.Concat(set.Templates))
        {
            var printed = policy.ToString();
            PolicySet.Parse(printed).Policies.Concat(PolicySet.Parse(printed).Templates).Single().ToString().ShouldBe(printed);
        }
    }

    [Theory]
    [InlineData("1 + 2 * 3 == 7 && !false || false")]
    [InlineData("if principal has a.b then [1, -2, {x: \"y\\n\\u{1F600}\"}] else {}")]
    [InlineData("\"a*b*c\" like \"a\\*b*\" && principal is Ns::User in [Group::\"g\"]")]
    [InlineData("ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.0/8\")) && -(-9223372036854775807) > 0")]
    [InlineData("principal[\"a b\"].c.contains(User::\"x\\\"y\")")]
    public void ToString_Expression_RoundTrips(string condition)
    {
        var text = $"permit(principal, action, resource) when {{ {condition} }};";
        var printed = PolicySet.Parse(text).Policies[0].ToString();
        PolicySet.Parse(printed).Policies[0].ToString().ShouldBe(printed);
    }

    [Fact]
    public void Link_Template_SubstitutesSlotsAndRecordsTemplateId()
    {
        var set = PolicySet.Parse(Sample).Link("policy2", "linked", new Dictionary<string, EntityUid>
        {
            ["?principal"] = new("User", "alice"),
            ["?resource"] = new("Folder", "f"),
        });
        var linked = set.Policies.Single(p => p.Id == "linked");
        linked.TemplateId.ShouldBe("policy2");
        linked.IsTemplate.ShouldBeFalse();
        linked.ToString().ShouldContain("principal == User::\"alice\"");
        linked.ToString().ShouldContain("resource in Folder::\"f\"");
    }

    [Fact]
    public void Link_MissingSlot_Throws() =>
        Should.Throw<CedarException>(() => PolicySet.Parse(Sample).Link("policy2", "x", new Dictionary<string, EntityUid>
        {
            ["?principal"] = new("User", "alice"),
        })).Message.ShouldContain("?resource");

    [Fact]
    public void Link_DuplicateId_Throws() =>
        Should.Throw<CedarException>(() => PolicySet.Parse(Sample).Link("policy2", "policy0", new Dictionary<string, EntityUid>
        {
            ["?principal"] = new("User", "alice"),
            ["?resource"] = new("Folder", "f"),
        })).Message.ShouldContain("duplicate policy id 'policy0'");

    [Fact]
    public void WithIdPrefix_LetsTwoFilesCombine()
    {
        var combined = PolicySet.Parse(Sample).WithIdPrefix("a/").Add(PolicySet.Parse(Sample).WithIdPrefix("b/"));
        combined.Policies.Select(p => p.Id).ShouldBe(["a/policy0", "a/policy1", "b/policy0", "b/policy1"]);
        combined.Templates.Select(p => p.Id).ShouldBe(["a/policy2", "b/policy2"]);
    }

    [Fact]
    public void Add_RepeatedIds_Throws() =>
        Should.Throw<CedarException>(() => PolicySet.Parse(Sample).Add(PolicySet.Parse(Sample)));

    [Theory]
    [InlineData("User::\"alice\"", "User", "alice")]
    [InlineData("Ns::Sub::User::\"a\\\"b\"", "Ns::Sub::User", "a\"b")]
    [InlineData(" Action :: \"x\" ", "Action", "x")]
    public void EntityUid_Parse_ReadsCedarText(string text, string type, string id)
    {
        var uid = EntityUid.Parse(text);
        uid.ShouldBe(new EntityUid(type, id));
        EntityUid.Parse(uid.ToString()).ShouldBe(uid);
    }

    [Theory]
    [InlineData("User")]
    [InlineData("User::alice")]
    [InlineData("User::\"a\" extra")]
    [InlineData("if::\"a\"")]
    public void EntityUid_ParseInvalid_Throws(string text) => Should.Throw<CedarException>(() => EntityUid.Parse(text));

    [Fact]
    public void Parse_CommentsAndEmptyText_AreFine()
    {
        PolicySet.Parse("// nothing here\n").Policies.ShouldBeEmpty();
        PolicySet.Parse("").Policies.ShouldBeEmpty();
    }
}
