using Gatehouse.Cedar;

namespace Gatehouse.Cedar.Tests;

public sealed class CedarDecisionTests
{
    [Fact]
    public void Default_Decision_IsDeny() => default(CedarDecision).ShouldBe(CedarDecision.Deny);
}
