using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>
/// Classifies SQL text (one or many statements, with client meta-commands) into the actions it would
/// perform. Every statement is walked, never just its leading keyword: writes hidden in CTEs, EXPLAIN
/// ANALYZE, prepared statements, COPY queries and side-effect functions are all reported.
/// </summary>
public static class SqlClassifier
{
    /// <summary>Larger inputs are not analyzed: they are reported as opaque.</summary>
    public const int MaxInputLength = 1 << 20;

    /// <summary>
    /// Returns one or more actions per statement; no actions for empty or comment-only input.
    /// Never throws; unparseable input yields an opaque High action, never a read.
    /// </summary>
    public static IReadOnlyList<AgentAction> Classify(string sql, SqlDialect dialect = SqlDialect.PostgreSql)
    {
        if (string.IsNullOrEmpty(sql))
        {
            return [];
        }

        if (sql.Length > MaxInputLength)
        {
            return [Failure("sql.input-too-large", "the SQL input is larger than 1 MiB and was not analyzed")];
        }

        try
        {
            return SqlAnalyzer.AnalyzeText(sql, dialect);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // Fail closed: an analyzer defect must never turn into "nothing happens".
            return [Failure("sql.parse-error", "the SQL could not be analyzed")];
        }
    }

    private static AgentAction Failure(string ruleId, string reason) => new()
    {
        Verb = Verb.Unknown,
        Target = ResourceRef.Of("database"),
        Tool = "sql",
        Reversible = false,
        Risk = Risk.High,
        Path = "sql",
        RuleId = ruleId,
        Reason = reason,
        Tags = [Tags.Opaque, Tags.ParseError],
    };
}
