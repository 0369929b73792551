using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.PolicyTools;

/// <summary>Policy snapshots from Cedar text, for the policy tool tests.</summary>
internal static class PolicyToolsFixture
{
    public static PolicySnapshot Snapshot(string cedar) =>
        PolicyLoader.Build([("test.cedar", cedar)], "test.cedar", InputTargetFacts.Instance, PolicyContext.Empty, null, TimeProvider.System);

    public static string DefaultPolicyDirectory => Path.Combine(Tests.Policy.PolicyTestKit.RepositoryRoot, "policies");
}
