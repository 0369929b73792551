using System.Collections.Frozen;
using Gatehouse.Core.Interpreters.Findings;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// Calls whose receiver is not a known module: data-store drivers (recognised by method name), SQL
/// methods, Ruby's <c>send</c>, PHP variable functions, and dynamic member access on dangerous modules.
/// </summary>
internal sealed partial class ScriptAnalyzer
{
    private static readonly FrozenSet<string> DangerousModules = new[]
    {
        "child_process", "fs", "fs.promises", "fs-extra", "shelljs", "execa", "os", "subprocess", "shutil", "FileUtils", "Kernel", "Open3",
    }.ToFrozenSet(StringComparer.Ordinal);

    private void ApplyUnresolved(Chain chain, int k, CallArguments args)
    {
        var segment = chain.Segments[k];
        if (k > 0 && TryDataStore(chain, k, args))
        {
            return;
        }

        if (_ctx.Dialect == ScriptDialect.Ruby && segment.Name is "send" or "public_send" or "__send__" && args.PositionalCount > 0)
        {
            RubySend(chain, k, args);
            return;
        }

        if (_ctx.Dialect == ScriptDialect.Php && k == 0 && segment.IsCall && segment.Name.StartsWith('$')
            && _ctx.Constants.TryGetValue(segment.Name, out var function) && Lookup(function.ToLowerInvariant(), 0) is { } phpSpec)
        {
            // $f = 'system'; $f('rm -rf /');
            Apply(phpSpec, function.ToLowerInvariant(), args, null, segment.CallClose + 1);
            return;
        }

        if (k > 0 && ApiTables.SqlMethods.Contains(segment.Name))
        {
            ApplySqlMethod(segment.Name, args, ReceiverLooksLikeDatabase(chain, k));
        }
    }

    /// <summary>Ruby <c>Kernel.send(:system, 'ls')</c> and <c>FileUtils.public_send(:rm_rf, '/')</c>.</summary>
    private void RubySend(Chain chain, int k, CallArguments args)
    {
        var method = _eval.String(args.Positional(0));
        var receiver = k > 0 ? ChainReader.QualifiedName(_ctx, chain, k) : string.Empty;
        var bare = receiver is "" or "Kernel" or "self" or "Object";
        if (method is null || DynamicText.IsDynamic(method))
        {
            if (bare || DangerousModules.Contains(receiver))
            {
                _findings.AddOpaque("call.dynamic", $"send calls a method chosen at run time on {(bare ? "Kernel" : receiver)}");
            }

            return;
        }

        var target = bare ? method : receiver + "." + method;
        var spec = Lookup(target, bare ? 0 : 1);
        if (spec is null)
        {
            return;
        }

        var rest = new List<CallArgument>(args.All.Count);
        var skipped = false;
        foreach (var a in args.All)
        {
            if (!skipped && a.Name is null)
            {
                skipped = true;
                continue;
            }

            rest.Add(a);
        }

        Apply(spec, target, new CallArguments(rest), null, _ctx.Count);
    }

    /// <summary><c>require('child_process')[name](…)</c>: a member chosen at run time on a module that can destroy.</summary>
    private void CheckDynamicMember(Chain chain)
    {
        var next = chain.End;
        if (!_ctx.IsPunct(next, "[") || chain.Segments[^1].IsCall)
        {
            return;
        }

        var close = _ctx.Match[next];
        if (close == next + 2 && _ctx[next + 1].Kind == TokenKind.String && !_ctx[next + 1].IsDynamic)
        {
            return;
        }

        var name = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
        if (DangerousModules.Contains(name) && _ctx.IsPunct(close + 1, "("))
        {
            _findings.AddOpaque("call.dynamic", $"{name}[…] calls a function chosen at run time");
        }
    }

    /// <summary>
    /// Database and cache drivers called from scripts: MongoDB <c>dropDatabase()</c>, <c>deleteMany({})</c>, Redis
    /// <c>flushall()</c>, ORM bulk deletes (<c>User.objects.all().delete()</c>, <c>User.delete_all</c>, Prisma <c>deleteMany()</c>).
    /// </summary>
    private bool TryDataStore(Chain chain, int k, CallArguments args)
    {
        var method = chain.Segments[k].Name;
        switch (method)
        {
            case "dropDatabase" or "drop_database":
                AddStoreDeletion("database", _eval.String(args.Positional(0)), Risk.Critical, "drop-database", $"{method} drops a whole database", Tags.AllResources);
                return true;
            case "flushall" or "flushAll" or "flushdb" or "flushDb" or "flush_all" or "flush_db":
                AddStoreDeletion("cache", null, Risk.Critical, "flush", $"{method} erases every key", Tags.AllResources);
                return true;
            case "dropCollection" or "drop_collection" or "dropTable" or "drop_table" or "dropTableIfExists":
                AddStoreDeletion("collection", _eval.String(args.Positional(0)), Risk.Critical, "drop-collection", $"{method} drops a collection or table");
                return true;
            case "drop" when args.PositionalCount == 0 && ReceiverLooksLikeStore(chain, k):
                AddStoreDeletion("collection", null, Risk.Critical, "drop-collection", "drop() removes a whole collection");
                return true;
            case "deleteMany" or "delete_many" or "delete_all" or "destroy_all" or "remove" when IsStoreBulkDelete(chain, k, method):
                var everything = args.PositionalCount == 0 || IsEmptyFilter(args.Positional(0));
                AddStoreDeletion("collection", null, everything ? Risk.Critical : Risk.High, "delete-many",
                    everything ? $"{method} deletes every record" : $"{method} deletes every matching record", everything ? Tags.AllRows : null);
                return true;
            case "delete" or "_raw_delete" when args.PositionalCount == 0 && HasSegment(chain, k, "objects"):
                var all = !HasSegment(chain, k, "filter") && !HasSegment(chain, k, "exclude") && !HasSegment(chain, k, "get");
                AddStoreDeletion("table", null, all ? Risk.Critical : Risk.High, "delete-many",
                    all ? "a queryset delete removes every row" : "a queryset delete removes every matching row", all ? Tags.AllRows : null);
                return true;
            default:
                return false;
        }
    }

    private bool IsStoreBulkDelete(Chain chain, int k, string method) => method switch
    {
        "remove" => ReceiverLooksLikeStore(chain, k),
        "delete_all" or "destroy_all" => _ctx.Dialect == ScriptDialect.Ruby,
        _ => true,
    };

    private static bool ReceiverLooksLikeStore(Chain chain, int k)
    {
        for (var i = 0; i < k; i++)
        {
            var name = chain.Segments[i].Name;
            if (name.Contains("collection", StringComparison.OrdinalIgnoreCase) || name is "db" or "database" or "mongo" or "client")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only cursors and connections make a computed <c>execute(q)</c> worth failing closed over.</summary>
    private static bool ReceiverLooksLikeDatabase(Chain chain, int k)
    {
        for (var i = 0; i < k; i++)
        {
            var name = chain.Segments[i].Name.TrimStart('$', '@');
            if (name.Length == 1 || name.Contains("cur", StringComparison.OrdinalIgnoreCase) || name.Contains("con", StringComparison.OrdinalIgnoreCase)
                || name.Contains("db", StringComparison.OrdinalIgnoreCase) || name.Contains("sql", StringComparison.OrdinalIgnoreCase)
                || name.Contains("engine", StringComparison.OrdinalIgnoreCase) || name.Contains("session", StringComparison.OrdinalIgnoreCase)
                || name.Contains("pg", StringComparison.OrdinalIgnoreCase) || name.Contains("dbh", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSegment(Chain chain, int k, string name)
    {
        for (var i = 0; i < k; i++)
        {
            if (string.Equals(chain.Segments[i].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsEmptyFilter(CallArgument? arg) => arg is { } a && a.End - a.Start == 2 && _ctx[a.Start].IsPunct("{") && _ctx.Match[a.Start] == a.Start + 1;

    private void AddStoreDeletion(string kind, string? id, Risk risk, string rule, string reason, string? tag = null)
    {
        _findings.AddStoreDeletion(kind, id is not null && DynamicText.HasLiteralContent(id) ? DynamicText.Render(id, ScanFindings.UrlPlaceholder) : null, risk, rule, reason, tag);
    }
}
