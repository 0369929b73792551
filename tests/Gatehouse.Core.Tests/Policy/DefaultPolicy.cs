using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.Policy;

/// <summary>Decisions by the default policy set (policies/*.cedar) without an inventory, at a fixed time.</summary>
internal static class DefaultPolicy
{
    public static Verdict Decide(IReadOnlyList<AgentAction> actions) =>
        PolicyDecider.Default.Decide(new Classification(actions, []), PolicyTestKit.Context());

    public static Verdict Decide(Classification classification) =>
        PolicyDecider.Default.Decide(classification, PolicyTestKit.Context());
}
