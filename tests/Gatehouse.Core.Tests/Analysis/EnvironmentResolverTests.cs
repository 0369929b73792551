using Gatehouse.Core.Analysis;

namespace Gatehouse.Core.Tests.Analysis;

public sealed class EnvironmentResolverTests
{
    [Theory]
    [InlineData("prod", "production")]
    [InlineData("gke_acme_prod-eu", "production")]
    [InlineData("db.prod2.internal", "production")]
    [InlineData("staging", "staging")]
    [InlineData("acme-stg", "staging")]
    [InlineData("localhost", "development")]
    [InlineData("dev", "development")]
    public void Resolve_NamedEnvironment_IsRecognised(string hint, string expected) =>
        EnvironmentResolver.Resolve([hint]).ShouldContain(expected);

    [Theory]
    [InlineData("products")]
    [InlineData("stagecoach")]
    [InlineData("devices")]
    [InlineData("api")]
    public void Resolve_WordsThatOnlyContainAName_AreNotEnvironments(string hint) =>
        EnvironmentResolver.Resolve([hint]).ShouldBeEmpty();
}
