using System.Text;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>A disagreement printed as files ready to paste into `cedar authorize` or `gatehouse cedar authorize`.</summary>
internal static class Reproduction
{
    public static string Describe(DifferentialCase @case, AuthorizationOutcome official, AuthorizationOutcome ours)
    {
        var text = new StringBuilder();
        text.Append("=== disagreement: ").Append(@case.Name).Append('\n')
            .Append("--- policies.cedar\n").Append(@case.Policies.TrimEnd()).Append('\n')
            .Append("--- entities.json\n").Append(@case.EntitiesJson).Append('\n')
            .Append("--- request.json\n").Append(@case.RequestJson).Append('\n')
            .Append("cedar-wasm:      ").Append(official).Append('\n')
            .Append("Gatehouse.Cedar: ").Append(ours).Append('\n');
        return text.ToString();
    }
}
