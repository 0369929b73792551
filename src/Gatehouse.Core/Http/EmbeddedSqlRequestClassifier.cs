using System.Text.Json;
using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Http;

/// <summary>
/// HTTP APIs that run SQL sent in the body: Hasura's <c>run_sql</c> (alone or inside <c>bulk</c>, on any host,
/// since Hasura is self-hosted anywhere) and Supabase's management endpoint <c>…/database/query</c>. The SQL is
/// judged by the SQL classifier, so <c>SELECT</c> stays a read and <c>DROP TABLE</c> is what it is.
/// </summary>
internal static class EmbeddedSqlRequestClassifier
{
    internal const string SqlPath = HttpRequestContext.LocalPath + ">sql";
    private const int MaxDepth = 32;
    private const int MaxStatements = 1000;

    /// <summary>The SQL classifier's actions for the SQL in the body; null when the request carries no visible SQL.</summary>
    public static List<AgentAction>? TryClassify(HttpRequestContext context)
    {
        if (context.Method != "POST" || context.BodyIsOpaque || string.IsNullOrWhiteSpace(context.Body) || context.Body.Length > SqlClassifier.MaxInputLength)
        {
            return null;
        }

        var body = context.Body.AsSpan().TrimStart();
        if (body.Length == 0 || body[0] is not ('{' or '['))
        {
            return null;
        }

        var statements = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(context.Body, new JsonDocumentOptions { MaxDepth = 128 });
            CollectHasuraSql(document.RootElement, statements, 0);
            if (statements.Count == 0 && IsSupabaseQueryEndpoint(context.Url) &&
                document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String)
            {
                statements.Add(query.GetString() ?? string.Empty);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (statements.Count == 0)
        {
            return null;
        }

        var actions = new List<AgentAction>();
        foreach (var sql in statements)
        {
            foreach (var action in SqlClassifier.Classify(sql))
            {
                actions.Add(action with
                {
                    Path = SqlPath + (action.Path.StartsWith("sql>", StringComparison.Ordinal) ? action.Path[3..] : string.Empty),
                    EnvironmentHints = [.. context.Hints, .. action.EnvironmentHints],
                });
            }
        }

        return actions.Count == 0 ? null : actions;
    }

    /// <summary><c>{"type":"run_sql","args":{"sql":…}}</c>, the source-specific <c>pg_run_sql</c> etc., and <c>bulk</c> lists of them.</summary>
    private static void CollectHasuraSql(JsonElement element, List<string> statements, int depth)
    {
        if (depth > MaxDepth || statements.Count >= MaxStatements)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectHasuraSql(item, statements, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object ||
            !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String ||
            !element.TryGetProperty("args", out var args))
        {
            return;
        }

        var name = type.GetString() ?? string.Empty;
        if (name.EndsWith("run_sql", StringComparison.OrdinalIgnoreCase))
        {
            if (args.ValueKind == JsonValueKind.Object && args.TryGetProperty("sql", out var sql) && sql.ValueKind == JsonValueKind.String)
            {
                statements.Add(sql.GetString() ?? string.Empty);
            }
        }
        else if (name.Contains("bulk", StringComparison.OrdinalIgnoreCase))
        {
            CollectHasuraSql(args, statements, depth + 1);
        }
    }

    private static bool IsSupabaseQueryEndpoint(HttpUrl url) =>
        url.Segments.Count >= 2 &&
        string.Equals(url.Segments[^1], "query", StringComparison.OrdinalIgnoreCase) &&
        string.Equals(url.Segments[^2], "database", StringComparison.OrdinalIgnoreCase) &&
        (url.Host.EndsWith("supabase.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("supabase.co", StringComparison.OrdinalIgnoreCase));
}
