namespace Gatehouse.Cedar.Tests.Syntax;

public sealed class HostileInputTests
{
    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("!(", ")")]
    [InlineData("{a: ", "}")]
    [InlineData("if true then ", " else 1")]
    public void Parse_DeepNesting_IsAnErrorNotACrash(string open, string close)
    {
        var body = string.Concat(Enumerable.Repeat(open, 10_000)) + "true" + string.Concat(Enumerable.Repeat(close, 10_000));
        var error = Should.Throw<CedarParseException>(() => PolicySet.Parse($"permit(principal, action, resource) when {{ {body} }};"));
        error.Message.ShouldContain("nested too deeply");
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" || true")]
    [InlineData(".a")]
    public void Parse_LongOperatorChain_IsAnErrorNotACrash(string link)
    {
        var body = "1" + string.Concat(Enumerable.Repeat(link, 50_000));
        Should.Throw<CedarParseException>(() => PolicySet.Parse($"permit(principal, action, resource) when {{ {body} }};"))
            .Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Parse_ModerateNesting_Works()
    {
        var body = string.Concat(Enumerable.Repeat("(", 100)) + "true" + string.Concat(Enumerable.Repeat(")", 100));
        PolicySet.Parse($"permit(principal, action, resource) when {{ {body} }};").Policies.Count.ShouldBe(1);
    }

    [Fact]
    public void Evaluate_HugeSet_Works()
    {
        var items = string.Join(", ", Enumerable.Range(0, 20_000));
        var policies = PolicySet.Parse($"permit(principal, action, resource) when {{ [{items}].contains(19999) && [{items}] == [{items}] }};");
        var request = new AuthorizationRequest(new("U", "a"), new("A", "a"), new("R", "r"), CedarRecord.Empty);
        Authorizer.IsAuthorized(request, policies, Entities.Empty).Decision.ShouldBe(CedarDecision.Allow);
    }

    [Fact]
    public void Parse_MegabyteOfGarbage_IsAnError()
    {
        var garbage = new string('\u0001', 1_000_000);
        Should.Throw<CedarParseException>(() => PolicySet.Parse(garbage)).Message.ShouldContain("unexpected character");
    }
}
