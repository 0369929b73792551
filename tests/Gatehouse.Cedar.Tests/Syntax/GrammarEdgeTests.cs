namespace Gatehouse.Cedar.Tests.Syntax;

/// <summary>Corners of the grammar, each checked against the official engine (cedar-wasm 4.13.0).</summary>
public sealed class GrammarEdgeTests
{
    [Theory]
    [InlineData("permit(principal, action, resource,);")]
    [InlineData("permit(principal, action in [Action::\"view\",], resource);")]
    [InlineData("permit(principal, action, resource) when { [1,].contains(1) };")]
    [InlineData("permit(principal, action, resource) when { {a: 1,}.a == 1 };")]
    [InlineData("permit(principal, action, resource) when { ip(\"1.2.3.4\",).isIpv4() };")]
    [InlineData("permit(principal, action, resource) when { [1].contains(1,) };")]
    [InlineData("permit(principal,action,resource)when{true};")]
    [InlineData("permit(principal, action, resource) when { \"a\" like \"\\x2a\" };")]
    [InlineData("permit(principal, action, resource) when { \"a\" like \"\\u{2a}\" };")]
    [InlineData("permit(principal, action, resource) when { principal is principal || true };")]
    public void Parse_OfficiallyAccepted_ParsesAndAllows(string text)
    {
        var request = new AuthorizationRequest(new("User", "a"), new("Action", "view"), new("Doc", "d"), CedarRecord.Empty);
        Authorizer.IsAuthorized(request, PolicySet.Parse(text), Entities.Empty).Decision.ShouldBe(CedarDecision.Allow);
    }

    [Theory]
    [InlineData("principal.if == 1")]
    [InlineData("principal has true")]
    [InlineData("{like: 1} == {}")]
    [InlineData("principal has address.in")]
    [InlineData("principal.__cedar == 1")]
    [InlineData("[,].isEmpty()")]
    [InlineData("{,} == {}")]
    [InlineData("-!true")]
    [InlineData("!-1")]
    [InlineData("1 + if true then 1 else 2 == 2")]
    [InlineData("1 == 1 == true")]
    [InlineData("principal[age] == 30")]
    [InlineData("__cedar::ip(\"1.2.3.4\").isIpv4()")]
    [InlineData("ip(\"1.2.3.4\").ip()")]
    [InlineData("[1].isEmpty(1)")]
    [InlineData("0x10 == 16")]
    [InlineData("\"\\*\" == \"*\"")]
    [InlineData("-----1 == -1")]
    [InlineData("\"\\u{0000041}\" == \"A\"")]
    public void Parse_OfficiallyRejected_IsAParseError(string condition) =>
        Should.Throw<CedarParseException>(() => PolicySet.Parse($"permit(principal, action, resource) when {{ {condition} }};"));

    [Theory]
    [InlineData("- 9223372036854775808 == 0", "false")]
    [InlineData("\"\\x41\" == \"A\"", "true")]
    [InlineData("principal.age.foo", "error")]
    [InlineData("[ip(\"1.2.3.4\"), decimal(\"1.0\")].contains(decimal(\"1.00\"))", "true")]
    public void Condition_Corner_MatchesOfficialEngine(string condition, string expected) =>
        Evaluation.ExpressionHarness.Evaluate(condition).ShouldBe(expected);
}
