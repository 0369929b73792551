using System.Globalization;
using System.Text;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

/// <summary>Helpers that turn a scan into compact, comparable summaries for table-driven tests.</summary>
internal static class ScanAssertions
{
    public static InterpreterScanResult Scan(EmbeddedLanguage language, string code) => InterpreterScanner.Scan(language, code);

    public static Risk MaxRisk(this InterpreterScanResult result)
    {
        var max = Risk.None;
        foreach (var a in result.Actions)
        {
            if (a.Risk > max)
            {
                max = a.Risk;
            }
        }

        return max;
    }

    /// <summary>One line per action: <c>Verb kind:id Risk [tags]</c>.</summary>
    public static string Describe(this InterpreterScanResult result)
    {
        var sb = new StringBuilder();
        foreach (var a in result.Actions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{a.Verb} {a.Target.Kind}:{a.Target.Id} {a.Risk} [{string.Join(",", a.Tags)}] {a.RuleId}\n");
        }

        foreach (var s in result.ShellCommands)
        {
            sb.Append(CultureInfo.InvariantCulture, $"shell: {s}\n");
        }

        foreach (var s in result.SqlTexts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"sql: {s}\n");
        }

        foreach (var h in result.HttpRequests)
        {
            sb.Append(CultureInfo.InvariantCulture, $"http: {h.Method} {h.Url} body={h.Body} opaque={h.BodyIsOpaque}\n");
        }

        return sb.ToString();
    }

    public static AgentAction SingleDelete(this InterpreterScanResult result)
    {
        var deletes = result.Actions.Where(a => a.Verb == Verb.Delete).ToList();
        deletes.Count.ShouldBe(1, result.Describe());
        return deletes[0];
    }

    public static bool IsOpaque(this InterpreterScanResult result) =>
        result.Actions.Any(a => a.HasTag(Tags.Opaque) && a.Risk >= Risk.High);
}
