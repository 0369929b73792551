using System.Collections.Frozen;
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
        if (k > 0 && DataApiRules.Match(_ctx, _eval, chain, k, args) is { } destruction)
        {
            _findings.AddDataDestruction(destruction);
            return;
        }

        if (_ctx.Dialect == ScriptDialect.Ruby && segment.Name is "send" or "public_send" or "__send__" && args.PositionalCount > 0)
        {
            RubySend(chain, k, args);
            return;
        }

        if (_ctx.Dialect == ScriptDialect.Php && k == 0 && segment.IsCall && segment.Name.StartsWith('$'))
        {
            PhpVariableFunction(segment, args);
            return;
        }

        if (k > 0 && ApiTables.SqlMethods.Contains(segment.Name))
        {
            ApplySqlMethod(segment.Name, args, ReceiverLooksLikeDatabase(chain, k));
        }
    }

    /// <summary>PHP variable functions: <c>$f = 'sys' . 'tem'; $f('rm -rf /')</c>.</summary>
    private void PhpVariableFunction(ChainSegment segment, CallArguments args)
    {
        if (_ctx.Constants.TryGetValue(segment.Name, out var function) && !DynamicText.IsDynamic(function))
        {
            var target = function.ToLowerInvariant();
            if (Lookup(target, 0) is { } spec)
            {
                Apply(spec, target, args, null, segment.CallClose + 1);
            }

            return;
        }

        if (_ctx.Constants.ContainsKey(segment.Name) || _ctx.Aliases.ContainsKey(segment.Name))
        {
            // The variable holds a function name we could only partly compute.
            _findings.AddOpaque("call.dynamic", $"{segment.Name}() calls a function whose name is computed at run time");
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
        var spec = Lookup(target, bare ? 0 : 1) ?? (bare ? Lookup("Kernel." + method, 0) : null);
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
}
