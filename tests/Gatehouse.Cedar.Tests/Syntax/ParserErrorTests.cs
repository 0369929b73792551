namespace Gatehouse.Cedar.Tests.Syntax;

public sealed class ParserErrorTests
{
    [Theory]
    [InlineData("permit(principal, action, resource) when { true }", "p.cedar:1:50: error: expected ';' after policy, found end of input")]
    [InlineData("permit(principal, action, resource)\nwhen { true } when", "p.cedar:2:19: error: expected '{' after 'when', found end of input")]
    [InlineData("allow(principal, action, resource);", "p.cedar:1:1: error: expected 'permit' or 'forbid', found 'allow'")]
    [InlineData("permit(action, principal, resource);", "p.cedar:1:8: error: expected 'principal' as the first scope element, found 'action'")]
    [InlineData("permit(principal, action, resource) when { };", "p.cedar:1:42: error: a condition's body must not be empty")]
    [InlineData("permit(principal, action, resource) when { 1 == 2 == 3 };", "p.cedar:1:51: error: expected '}' to close the condition, found '=='")]
    [InlineData("permit(principal, action, resource) when { x };", "p.cedar:1:44: error: unknown variable 'x'; expected principal, action, resource or context")]
    [InlineData("permit(principal, action, resource) when { foo(1) };", "p.cedar:1:44: error: 'foo' is not a known extension function")]
    [InlineData("permit(principal, action, resource) when { [].bar() };", "p.cedar:1:47: error: 'bar' is not a known method")]
    [InlineData("permit(principal, action, resource) when { [].contains() };", "p.cedar:1:47: error: call to 'contains' takes 1 argument, but 0 given")]
    [InlineData("permit(principal, action, resource) when { \"a\\q\" };", "p.cedar:1:44: error: invalid escape sequence '\\q'")]
    [InlineData("permit(principal, action, resource) when { \"abc };", "p.cedar:1:44: error: unterminated string literal")]
    [InlineData("permit(principal, action, resource) when { 9223372036854775808 };", "p.cedar:1:44: error: integer literal 9223372036854775808 is out of range")]
    [InlineData("permit(principal, action, resource) when { -9223372036854775809 };", "p.cedar:1:45: error: integer literal -9223372036854775809 is out of range")]
    [InlineData("permit(principal, action, resource) when { !!!!!true };", "p.cedar:1:44: error: too many occurrences of '!' (at most 4)")]
    [InlineData("permit(principal, action, resource) when { {a: 1, a: 2} };", "p.cedar:1:51: error: duplicate key 'a' in record literal")]
    [InlineData("permit(principal == ?resource, action, resource);", "p.cedar:1:22: error: the principal constraint may only use the slot ?principal, found ?resource")]
    [InlineData("permit(principal, action, resource) when { principal == ?principal };", "p.cedar:1:57: error: template slots are only allowed in the policy scope")]
    [InlineData("permit(principal, action == ?action, resource);", "p.cedar:1:29: error: expected an entity reference in the action constraint, found '?'")]
    [InlineData("permit(principal is if, action, resource);", "p.cedar:1:21: error: 'if' is a reserved identifier and cannot be used as the entity type after 'principal is'")]
    [InlineData("@id(\"a\") @id(\"b\") permit(principal, action, resource);", "p.cedar:1:11: error: duplicate annotation '@id'")]
    [InlineData("permit(principal, action, resource) when { 1 = 1 };", "p.cedar:1:46: error: '=' is not an operator; use '==' to compare")]
    [InlineData("permit(principal, action, resource) when { 1 # 1 };", "p.cedar:1:46: error: unexpected character '#'")]
    [InlineData("permit(principal, action, resource) when { if true then 1 };", "p.cedar:1:59: error: expected 'else' after the then branch, found '}'")]
    public void Parse_InvalidPolicy_ReportsCompilerStyleError(string text, string message)
    {
        var error = Should.Throw<CedarParseException>(() => PolicySet.Parse(text, "p.cedar"));
        error.Message.ShouldBe(message);
        error.Diagnostics.Count.ShouldBe(1);
    }

    [Fact]
    public void Parse_NoSource_UsesInputPlaceholder() =>
        Should.Throw<CedarParseException>(() => PolicySet.Parse("permit")).Message.ShouldStartWith("<input>:1:7: error:");
}
