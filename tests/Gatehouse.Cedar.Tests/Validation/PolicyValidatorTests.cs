namespace Gatehouse.Cedar.Tests.Validation;

public sealed class PolicyValidatorTests
{
    private static readonly CedarSchema Schema = CedarSchema.Parse(PolicyValidatorOfficialVerdictTests.Schema);

    [Fact]
    public void Validate_TypeError_MessageNamesPolicyLocationAndProblem()
    {
        const string text = "permit(principal, action, resource);\npermit(principal, action, resource)\n  when { principal.age + \"a\" > 1 };";
        var result = PolicyValidator.Validate(PolicySet.Parse(text, "rules.cedar"), Schema);
        var error = result.Errors.ShouldHaveSingleItem();
        error.PolicyId.ShouldBe("policy1");
        error.Line.ShouldBe(3);
        error.Column.ShouldBe(26);
        error.Message.ShouldBe("policy `policy1` at rules.cedar:3:26: unexpected type: expected Long but saw String");
    }

    [Theory]
    [InlineData("permit(principal, action, resource) when { principal.foo == 1 };", "attribute `foo` not found on entity type `User`")]
    [InlineData("permit(principal, action, resource) when { principal.nick == \"x\" };", "optional attribute `nick` on entity type `User`: guard it with `has`")]
    [InlineData("permit(principal, action == Action::\"view\", resource) when { context.n > 1 };", "optional attribute `n` on the context of Action::\"view\"")]
    [InlineData("permit(principal == Nope::\"a\", action, resource);", "unrecognized entity type `Nope`")]
    [InlineData("permit(principal, action == Action::\"fly\", resource);", "unrecognized action `Action::\"fly\"`")]
    [InlineData("permit(principal, action, resource) when { Color::\"blue\" == Color::\"red\" };", "is of an enumerated entity type, but `\"blue\"` is not one of its declared ids")]
    [InlineData("permit(principal, action, resource) when { [] == [] };", "empty set literals are forbidden")]
    [InlineData("permit(principal, action, resource) when { ip(principal.name).isIpv4() };", "non-literal")]
    [InlineData("permit(principal, action, resource) when { decimal(\"1.23456\") == decimal(\"1.0\") };", "invalid argument to `decimal`")]
    [InlineData("permit(principal, action, resource) when { principal.getTag(\"x\") == \"a\" };", "guard it with `hasTag`")]
    [InlineData("permit(principal, action, resource) when { if principal.age > 1 then 1 else \"a\" };", "both branches of an `if` must have the same type")]
    [InlineData("permit(principal, action, resource) when { [1, \"a\"].contains(1) };", "set elements must have the same type")]
    [InlineData("permit(principal, action, resource) when { 1 like \"a\" };", "expected String but saw Long")]
    [InlineData("permit(principal, action, resource) when { 1 in [principal] };", "`in` needs an entity on its left")]
    [InlineData("permit(principal, action, resource) when { principal.age };", "a `when` condition must be Bool but saw Long")]
    public void Validate_InvalidPolicy_ExplainsWhatIsWrong(string policy, string fragment)
    {
        var result = PolicyValidator.Validate(PolicySet.Parse(policy), Schema);
        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Message.Contains(fragment, StringComparison.Ordinal), string.Join("\n", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Validate_SeveralPolicies_ReportsOnlyTheInvalidOnesById()
    {
        const string text = """
            permit(principal, action, resource) when { principal.age > 1 };
            forbid(principal, action, resource) when { principal.nope };
            permit(principal, action, resource) when { resource.size > 0 };
            permit(principal, action, resource) when { resource.size > "0" };
            """;
        var result = PolicyValidator.Validate(PolicySet.Parse(text), Schema);
        result.Errors.Select(e => e.PolicyId).Distinct().ShouldBe(["policy1", "policy3"]);
    }

    [Theory]
    [InlineData("permit(principal == ?principal, action == Action::\"view\", resource) when { principal.age > 1 };", true)]
    [InlineData("permit(principal in ?principal, action, resource == ?resource) when { principal.nope };", false)]
    [InlineData("permit(principal, action, resource in ?resource) when { resource.size + \"a\" > 1 };", false)]
    public void Validate_Template_ChecksItsConditions(string template, bool valid)
    {
        var policies = PolicySet.Parse(template);
        policies.Templates.ShouldHaveSingleItem();
        PolicyValidator.Validate(policies, Schema).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Validate_LinkedPolicy_ChecksTheLinkedEntities()
    {
        var policies = PolicySet.Parse("permit(principal == ?principal, action, resource) when { principal.age > 1 };")
            .Link("policy0", "linked", new Dictionary<string, EntityUid> { ["?principal"] = new("Nope", "x") });
        var result = PolicyValidator.Validate(policies, Schema);
        result.Errors.ShouldContain(e => e.PolicyId == "linked" && e.Message.Contains("unrecognized entity type `Nope`", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DeeplyNestedCondition_CompletesWithoutCrashing()
    {
        var depth = 150;
        var condition = string.Concat(Enumerable.Repeat("(principal.age > 1 && ", depth)) + "true" + new string(')', depth);
        var result = PolicyValidator.Validate(PolicySet.Parse($"permit(principal, action, resource) when {{ {condition} }};"), Schema);
        result.IsValid.ShouldBeTrue();
        var broken = string.Concat(Enumerable.Repeat("(principal.age > 1 && ", depth)) + "1" + new string(')', depth);
        PolicyValidator.Validate(PolicySet.Parse($"permit(principal, action, resource) when {{ {broken} }};"), Schema).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Validate_EmptyPolicySet_IsValid() =>
        PolicyValidator.Validate(PolicySet.Empty, Schema).IsValid.ShouldBeTrue();
}
