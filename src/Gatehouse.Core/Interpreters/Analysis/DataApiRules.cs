using System.Collections.Frozen;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>What an ORM, database driver or cloud SDK call destroys.</summary>
internal readonly record struct DataDestruction(string Rule, string Kind, string? Id, Risk Risk, string Reason, string? Tag = null);

/// <summary>
/// Recognises data destruction through ORMs and SDKs by the shape of the method chain, whatever the model or
/// client is called: <c>Order.objects.all().delete()</c>, <c>User.delete_all</c>, <c>prisma.user.deleteMany()</c>,
/// <c>Bucket('b').objects.all().delete()</c>, <c>r.flushall()</c>. Deleting every row or object is critical;
/// a filtered or single-record delete is high.
/// </summary>
internal static class DataApiRules
{
    /// <summary>Chain links that narrow a query to some rows.</summary>
    private static readonly FrozenSet<string> Filters = new[]
    {
        "filter", "filter_by", "exclude", "get", "where", "find", "find_by", "find_by!", "find_each", "limit", "first", "last", "take",
        "get_object_or_404", "not", "rewhere", "in_batches",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>boto3 client deletions by method name, with the kind of resource each destroys.</summary>
    private static readonly FrozenDictionary<string, (string Kind, Risk Risk)> CloudDeletions = new Dictionary<string, (string, Risk)>(StringComparer.Ordinal)
    {
        ["delete_bucket"] = ("bucket", Risk.Critical),
        ["delete_db_instance"] = ("database", Risk.High),
        ["delete_db_cluster"] = ("database", Risk.High),
        ["delete_table"] = ("table", Risk.Critical),
        ["delete_db_snapshot"] = ("snapshot", Risk.Critical),
        ["delete_db_cluster_snapshot"] = ("snapshot", Risk.Critical),
        ["delete_snapshot"] = ("snapshot", Risk.Critical),
        ["delete_backup"] = ("backup", Risk.Critical),
        ["delete_backup_vault"] = ("backup", Risk.Critical),
        ["delete_volume"] = ("volume", Risk.Critical),
        ["delete_file_system"] = ("volume", Risk.Critical),
        ["delete_cluster"] = ("cluster", Risk.Critical),
        ["delete_stack"] = ("stack", Risk.Critical),
        ["delete_objects"] = ("object", Risk.High),
        ["delete_object"] = ("object", Risk.High),
        ["terminate_instances"] = ("instance", Risk.High),
        ["delete_secret"] = ("secret", Risk.High),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static DataDestruction? Match(ScriptContext ctx, ValueEvaluator eval, Chain chain, int k, CallArguments args)
    {
        var segments = chain.Segments;
        var method = segments[k].Name;
        if (method.Equals("flushall", StringComparison.OrdinalIgnoreCase) || method.Equals("flushdb", StringComparison.OrdinalIgnoreCase)
            || method is "flush_all" or "flush_db")
        {
            return new DataDestruction("redis.flush", "cache", null, Risk.Critical, $"{method} erases every key of the data store", Tags.AllResources);
        }

        if (CloudDeletions.TryGetValue(method, out var cloud))
        {
            var risk = cloud.Risk;
            if (method.StartsWith("delete_db_", StringComparison.Ordinal) && IsTrue(ctx, args.Named("SkipFinalSnapshot")))
            {
                risk = Risk.Critical;
            }

            var id = FirstNamedValue(eval, args, "Bucket", "DBInstanceIdentifier", "DBClusterIdentifier", "TableName", "StackName", "VolumeId", "FileSystemId");
            return new DataDestruction("sdk.delete", cloud.Kind, id, risk, $"{method} deletes a {cloud.Kind}");
        }

        var objects = IndexOf(segments, "objects", k);
        var query = IndexOf(segments, "query", k);
        var narrowed = HasFilter(segments, Math.Max(0, Math.Max(objects, query)), k);
        switch (method)
        {
            case "delete" when objects > 0 && IndexOf(segments, "Bucket", objects) >= 0:
                var bucket = IndexOf(segments, "Bucket", objects);
                var name = segments[bucket].IsCall ? eval.String(ArgumentReader.Read(ctx, segments[bucket].CallOpen, segments[bucket].CallClose).Positional(0)) : null;
                return narrowed
                    ? new DataDestruction("sdk.delete-objects", "bucket", Render(name), Risk.High, "deletes the bucket objects that match a filter")
                    : new DataDestruction("sdk.empty-bucket", "bucket", Render(name), Risk.Critical, "deletes every object in the bucket");
            case "delete" or "_raw_delete" when objects > 0 && args.PositionalCount == 0:
                return RowsRule(segments[objects - 1].Name, narrowed, "deletes");
            case "delete" when query >= 0 && args.PositionalCount == 0:
                var model = segments[query].IsCall ? eval.String(ArgumentReader.Read(ctx, segments[query].CallOpen, segments[query].CallClose).Positional(0)) : null;
                return RowsRule(Render(model), narrowed, "deletes");
            case "delete_all" or "destroy_all" or "deleteAll" or "destroyAll":
                return RowsRule(segments[0].Name, narrowed || args.PositionalCount > 0, "deletes");
            case "destroy" or "destroy!" or "delete" when ctx.Dialect == ScriptDialect.Ruby && narrowed:
                return new DataDestruction("orm.delete-row", "row", segments[0].Name, Risk.High, $"{method} deletes a record of {segments[0].Name}");
            case "deleteMany" or "delete_many" when k > 0:
            case "remove" when k > 0 && ReceiverLooksLikeStore(segments, k):
                return DeleteMany(ctx, eval, segments, k, args);
            case "destroy" when ctx.Dialect == ScriptDialect.JavaScript && k > 0:
                return SequelizeDestroy(ctx, eval, segments[k - 1].Name, args);
            case "deleteOne" or "delete_one" when k > 0:
                return new DataDestruction("orm.delete-row", "row", segments[k - 1].Name, Risk.High, $"{method} deletes a record");
            case "delete" when ctx.Dialect == ScriptDialect.JavaScript && k > 0 && eval.Entry(args.Positional(0), "where") is not null:
                return new DataDestruction("orm.delete-row", "row", segments[k - 1].Name, Risk.High, $"{method} deletes a record");
            case "drop_database" or "dropDatabase":
                return new DataDestruction("orm.drop", "database", Render(eval.String(args.Positional(0))), Risk.Critical, $"{method} drops a whole database", Tags.AllResources);
            case "drop_collection" or "dropCollection":
                return new DataDestruction("orm.drop", "collection", Render(eval.String(args.Positional(0))), Risk.Critical, $"{method} drops a collection and its data");
            case "drop_table" or "dropTable" or "dropTableIfExists" or "drop_all" or "dropAllSchemas":
                return new DataDestruction("orm.drop", "table", Render(eval.String(args.Positional(0))), Risk.Critical, $"{method} drops stored data");
            case "drop" when k > 0 && args.All.Count == 0 && (segments[k - 1].Name is "sequelize" || segments[0].Name == "sequelize"):
                return new DataDestruction("orm.drop", "table", null, Risk.Critical, "drop() deletes the tables and all their data");
            case "drop" when k > 0 && args.All.Count == 0 && ReceiverLooksLikeStore(segments, k):
                return new DataDestruction("orm.drop", "collection", null, Risk.Critical, "drop() deletes the collection and all its data");
            case "sync" when ctx.Dialect == ScriptDialect.JavaScript && IsTrue(ctx, eval.Entry(args.Positional(0), "force")):
                return new DataDestruction("orm.drop", "table", null, Risk.Critical, "sync({ force: true }) drops and recreates the tables");
            default:
                return null;
        }
    }

    private static DataDestruction RowsRule(string? model, bool narrowed, string what) => narrowed
        ? new DataDestruction("orm.delete-rows", "table", model, Risk.High, $"{what} the rows of {model ?? "a model"} that match a filter")
        : new DataDestruction("orm.delete-all", "table", model, Risk.Critical, $"{what} every row of {model ?? "a model"}", Tags.AllRows);

    private static DataDestruction DeleteMany(ScriptContext ctx, ValueEvaluator eval, List<ChainSegment> segments, int k, CallArguments args)
    {
        var owner = segments[k - 1].Name;
        var filter = args.Positional(0);
        var where = eval.Entry(filter, "where");
        var everything = filter is null || IsEmptyObject(ctx, filter.Value) || (where is { } w && IsEmptyObject(ctx, w));
        return everything
            ? new DataDestruction("orm.delete-all", "collection", owner, Risk.Critical, $"{segments[k].Name} with no filter deletes every record of {owner}", Tags.AllRows)
            : new DataDestruction("orm.delete-rows", "collection", owner, Risk.High, $"{segments[k].Name} deletes the records of {owner} that match a filter");
    }

    private static DataDestruction SequelizeDestroy(ScriptContext ctx, ValueEvaluator eval, string owner, CallArguments args)
    {
        var options = args.Positional(0);
        var where = eval.Entry(options, "where");
        var everything = IsTrue(ctx, eval.Entry(options, "truncate")) || options is null || (where is { } w && IsEmptyObject(ctx, w))
            || (options is { } o && IsEmptyObject(ctx, o));
        return everything
            ? new DataDestruction("orm.delete-all", "table", owner, Risk.Critical, $"destroy without a filter deletes every record of {owner}", Tags.AllRows)
            : new DataDestruction("orm.delete-rows", "row", owner, Risk.High, $"destroy deletes the records of {owner} that match a filter");
    }

    /// <summary>A document-store collection or database handle (<c>db.collection('x')</c>, <c>mongo.db</c>, <c>client</c>).</summary>
    private static bool ReceiverLooksLikeStore(List<ChainSegment> segments, int k)
    {
        for (var i = 0; i < k; i++)
        {
            var name = segments[i].Name;
            if (name.Contains("collection", StringComparison.OrdinalIgnoreCase) || name is "db" or "database" or "mongo" or "client")
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(List<ChainSegment> segments, string name, int before)
    {
        for (var i = 0; i < before && i < segments.Count; i++)
        {
            if (string.Equals(segments[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasFilter(List<ChainSegment> segments, int from, int before)
    {
        for (var i = from; i < before; i++)
        {
            if (Filters.Contains(segments[i].Name) && segments[i].IsCall)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEmptyObject(ScriptContext ctx, CallArgument arg) => arg.End - arg.Start == 2 && ctx[arg.Start].IsPunct("{") && ctx[arg.Start + 1].IsPunct("}");

    private static bool IsTrue(ScriptContext ctx, CallArgument? arg) => arg is { } a && a.End - a.Start == 1
        && ctx[a.Start].Kind == TokenKind.Identifier && ctx[a.Start].Text is "true" or "True";

    private static string? FirstNamedValue(ValueEvaluator eval, CallArguments args, params string[] names)
    {
        foreach (var name in names)
        {
            if (args.Named(name) is { } arg)
            {
                return Render(eval.String(arg));
            }
        }

        return null;
    }

    private static string? Render(string? value) => value is null || !DynamicText.HasLiteralContent(value) ? null : DynamicText.Render(value, "{dynamic}");
}
