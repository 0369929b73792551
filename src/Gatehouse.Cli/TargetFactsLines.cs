using Gatehouse.Core.Policy;

namespace Gatehouse.Cli;

/// <summary>
/// What is known about one action's target, as labelled lines: the one wording <c>check --explain</c> and
/// <c>policy explain</c> share, each laying the labels out in its own column width.
/// </summary>
internal static class TargetFactsLines
{
    /// <summary>The widest label, so a caller's column is at least this wide.</summary>
    public const int LabelWidth = 9;

    public static List<(string Label, string Text)> Of(TargetFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reached = facts.ReachedEnvironments.Count == 0 ? "no known environment" : string.Join(", ", facts.ReachedEnvironments);
        var lines = new List<(string Label, string Text)>(5 + facts.Evidence.Count)
        {
            ("target", $"{(facts.Known ? "known to the inventory" : "not in any inventory")}; its environments: {List(facts.Environments, "none named")}"),
            ("reaches", facts.EffectiveEnvironment is null ? reached : $"{reached} (effective: {facts.EffectiveEnvironment})"),
            ("resources", List(facts.ReachedResources, "no inventory resource")),
            ("backups", $"{(facts.DestroysLastBackup ? $"holds the only backups of {List(facts.BackupsOf, "what it backs up")}" : "holds no one's only backups")}; {(facts.HoldsOwnBackups ? "holds its own backups" : "its backups live elsewhere (or are unknown)")}"),
        };

        foreach (var evidence in facts.Evidence)
        {
            lines.Add(("evidence", evidence));
        }

        return lines;
    }

    private static string List(IReadOnlyList<string> values, string none) => values.Count == 0 ? none : string.Join(", ", values);
}
