using System.Collections.Frozen;
using Gatehouse.Core.Interpreters.Findings;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// Walks a tokenised script, learns its import aliases and string constants, finds every call to a
/// recognised API and records what it does. Runs in one forward pass; work per token is bounded.
/// </summary>
internal sealed partial class ScriptAnalyzer
{
    private static readonly FrozenSet<string> EnvironmentObjects = new[]
    {
        "os.environ", "os.environ.items", "os.environ.copy", "os.environ.keys", "os.environ.values", "os.environb", "process.env",
        "ENV", "ENV.to_h", "ENV.to_a", "ENV.each", "ENV.keys", "ENV.inspect", "ENV.to_hash", "%ENV", "$_ENV", "$_SERVER", "Deno.env.toObject",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly ScriptContext _ctx;
    private readonly ValueEvaluator _eval;
    private readonly ScanFindings _findings;
    private readonly FrozenDictionary<string, ApiSpec> _table;
    private readonly Func<string, int, InterpreterScanResult> _scanNested;
    private CurlState? _curl;

    /// <summary>The known value of a receiver variable (<c>p = Path('/x'); p.unlink()</c>), for the call being applied.</summary>
    private string? _receiverConstant;

    public ScriptAnalyzer(ScriptContext ctx, ScanFindings findings, Func<string, int, InterpreterScanResult> scanNested)
    {
        _ctx = ctx;
        _eval = new ValueEvaluator(ctx);
        _findings = findings;
        _table = ApiTables.For(ctx.Dialect);
        _scanNested = scanNested;
    }

    public void Run()
    {
        BindLoopsAhead();
        for (var i = 0; i < _ctx.Count; i++)
        {
            var t = _ctx[i];
            if (t.Kind == TokenKind.Command)
            {
                _findings.AddShellCommand(t.Text, "a backtick command");
                continue;
            }

            if (t.Kind == TokenKind.Identifier && !_ctx.IsMemberOperator(i - 1) && !IsDefinitionName(i))
            {
                i = Visit(i);
            }
        }

        _curl?.Emit(_findings);
    }

    private bool IsDefinitionName(int i) => i > 0 && _ctx[i - 1].Kind == TokenKind.Identifier
        && _ctx[i - 1].Text is "def" or "function" or "sub" or "class" or "module" or "fn" or "alias";

    /// <summary>Handles the identifier at <paramref name="i"/>; returns the last token index consumed.</summary>
    private int Visit(int i)
    {
        TryBindLoop(i);
        var statementEnd = TryImport(i);
        if (statementEnd >= 0)
        {
            return statementEnd;
        }

        if (TryDestructuring(i))
        {
            return i;
        }

        var chain = ChainReader.Read(_ctx, i);
        TryBindIteratorBlock(chain);
        if (chain.Segments.Count == 1 && !chain.Segments[0].IsCall && _ctx.IsPunct(chain.End, "="))
        {
            RecordAssignment(_ctx[i].Text, chain.End + 1);
            return chain.End;
        }

        ProcessChain(chain);
        CheckEnvironmentDump(chain);
        return i;
    }

    private void ProcessChain(Chain chain)
    {
        var segments = chain.Segments;
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            var isLast = k == segments.Count - 1;
            if (!segment.IsCall && !isLast)
            {
                continue;
            }

            var name = ChainReader.QualifiedName(_ctx, chain, k + 1);
            var spec = Lookup(name, k);
            if (spec is null && k > 0 && ApiTables.DistinctiveMethod(_ctx.Dialect, segment.Name) is { } canonical)
            {
                // execSync on a receiver we could not resolve is still child_process.execSync.
                name = canonical;
                spec = Lookup(canonical, 0);
            }

            var receiver = k > 0 && segments[k - 1].IsCall ? ArgumentReader.Read(_ctx, segments[k - 1].CallOpen, segments[k - 1].CallClose) : null;
            _receiverConstant = k == 1 && receiver is null && !chain.RootIsModule && _ctx.Constants.TryGetValue(segments[0].Name, out var known) ? known : null;
            var args = segment.IsCall ? ArgumentReader.Read(_ctx, segment.CallOpen, segment.CallClose) : ParenlessArguments(chain);
            var afterCall = segment.IsCall ? segment.CallClose + 1 : chain.End;
            if (args is null && k > 0 && _ctx.Dialect is ScriptDialect.Ruby or ScriptDialect.Perl)
            {
                // Ruby and Perl call methods without brackets: Pathname.new('/x').rmtree, User.delete_all.
                args = CallArguments.None;
            }

            if (args is null)
            {
                if (spec is not null && IsPassedAsValue(chain))
                {
                    ApplyReference(spec, name);
                }

                continue;
            }

            if (spec is not null)
            {
                Apply(spec, name, args, receiver, afterCall);
            }
            else
            {
                ApplyUnresolved(chain, k, args);
            }
        }

        CheckDynamicMember(chain);
    }

    private ApiSpec? Lookup(string name, int segmentIndex)
    {
        if (_table.TryGetValue(name, out var spec))
        {
            return spec;
        }

        if (name.StartsWith("fs-extra.", StringComparison.Ordinal) && _table.TryGetValue("fs." + name[9..], out spec))
        {
            return spec;
        }

        // A Path produced by a chain (Path.home().rglob('*') bound to p) still has the Path methods: p.unlink().
        var dot = name.LastIndexOf('.');
        if (dot > 0 && (name.StartsWith("pathlib.", StringComparison.Ordinal) || name.StartsWith("Pathname.", StringComparison.Ordinal)))
        {
            var owner = name[0] == 'p' ? "pathlib.Path" : "Pathname";
            if (_table.TryGetValue(owner + name[dot..], out spec))
            {
                return spec;
            }
        }

        if (segmentIndex == 0)
        {
            foreach (var module in _ctx.StarModules)
            {
                if (_table.TryGetValue(module + "." + name, out spec))
                {
                    return spec;
                }
            }
        }

        return null;
    }

    /// <summary>Arguments of a call written without brackets: Ruby/Perl <c>system "ls"</c>, or a JS tagged template.</summary>
    private CallArguments? ParenlessArguments(Chain chain)
    {
        var next = chain.End;
        if (next >= _ctx.Count)
        {
            return null;
        }

        var t = _ctx[next];
        if (_ctx.Dialect == ScriptDialect.JavaScript)
        {
            return t.Kind == TokenKind.String && t.IsTemplate && t.Start == _ctx[next - 1].End
                ? new CallArguments([new CallArgument(null, next, next + 1)])
                : null;
        }

        if (_ctx.Dialect == ScriptDialect.Perl && t.IsPunct("{") && chain.Segments.Count == 1 && chain.Segments[0].Name is "system" or "exec")
        {
            // system { 'rm' } 'rm', '-rf', '/': the block names the program, the list is the argument vector.
            next = _ctx.Match[next] + 1;
        }

        if (_ctx.Dialect is not (ScriptDialect.Ruby or ScriptDialect.Perl) || !ArgumentReader.StartsParenlessArgument(_ctx, next))
        {
            return null;
        }

        return ArgumentReader.Split(_ctx, next, ArgumentReader.ParenlessEnd(_ctx, next));
    }

    /// <summary>A dangerous function used as a value (<c>map(os.remove, files)</c>, <c>f = shutil.rmtree</c>).</summary>
    private bool IsPassedAsValue(Chain chain)
    {
        if (_ctx.Dialect is not (ScriptDialect.Python or ScriptDialect.JavaScript) || (chain.RootIsModule && chain.Segments.Count == 1))
        {
            // Loading a module (x = require('rimraf')) is not using one of its functions.
            return false;
        }

        var next = chain.End;
        var before = chain.Start - 1;
        return (next < _ctx.Count && (_ctx.IsPunct(next, ",") || _ctx.IsPunct(next, ")")) && before >= 0 && (_ctx.IsPunct(before, "(") || _ctx.IsPunct(before, ",")))
            || (before >= 0 && _ctx.IsPunct(before, "="));
    }

    private void CheckEnvironmentDump(Chain chain)
    {
        var name = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
        if (name == "getenv" && _ctx.Dialect == ScriptDialect.Php && chain.Segments[^1].IsCall
            && chain.Segments[^1].CallClose == chain.Segments[^1].CallOpen + 1)
        {
            _findings.AddEnvironmentDump("getenv()");
            return;
        }

        if (!EnvironmentObjects.Contains(name) || chain.Segments[^1].IsCall && name is "os.environ" or "process.env" or "ENV")
        {
            return;
        }

        var next = chain.End;
        if (next < _ctx.Count && _ctx[next].Kind == TokenKind.Punct && _ctx[next].Text is "[" or "{" or "=" or "+=")
        {
            return;
        }

        if (chain.Start > 0 && _ctx[chain.Start - 1].Kind == TokenKind.Punct && _ctx[chain.Start - 1].Text is "=" && name is "os.environ" or "ENV")
        {
            return;
        }

        _findings.AddEnvironmentDump(name);
    }

    /// <summary>Learns <c>name = require('fs')</c> (an alias) and <c>name = '/srv'</c> (a constant).</summary>
    private void RecordAssignment(string name, int rhs)
    {
        while (rhs < _ctx.Count && _ctx[rhs].Kind == TokenKind.Identifier && _ctx[rhs].Text is "new" or "await" or "yield")
        {
            rhs++;
        }

        var end = ExpressionEnd(rhs);
        if (rhs >= end)
        {
            return;
        }

        _ctx.Aliases.Remove(name);
        if (_ctx[rhs].Kind == TokenKind.Identifier)
        {
            var chain = ChainReader.Read(_ctx, rhs);
            if (chain.End == end)
            {
                var target = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
                var wrapped = target is "util.promisify" or "promisify" && chain.Segments[^1].IsCall ? PromisifiedTarget(chain.Segments[^1]) : null;
                if (wrapped is not null)
                {
                    // run = util.promisify(cp.exec): run is cp.exec.
                    _ctx.Aliases[name] = wrapped;
                    _ctx.Constants.Remove(name);
                }
                else if (!string.Equals(target, name, StringComparison.Ordinal) && (Lookup(target, 0) is null || !chain.Segments[^1].IsCall))
                {
                    _ctx.Aliases[name] = target;
                    _ctx.Constants.Remove(name);
                }
            }
        }

        if (_eval.List(new CallArgument(null, rhs, end)) is not null)
        {
            _ctx.ListConstants[name] = new CallArgument(null, rhs, end);
        }
        else
        {
            _ctx.ListConstants.Remove(name);
        }

        var value = _eval.String(rhs, end);
        if (value is not null && DynamicText.HasLiteralContent(value))
        {
            _ctx.Constants[name] = value;
        }
        else
        {
            _ctx.Constants.Remove(name);
        }
    }

    private string? PromisifiedTarget(ChainSegment call)
    {
        var arg = ArgumentReader.Read(_ctx, call.CallOpen, call.CallClose).Positional(0);
        if (arg is not { } a || _ctx[a.Start].Kind != TokenKind.Identifier)
        {
            return null;
        }

        var inner = ChainReader.Read(_ctx, a.Start);
        return inner.End == a.End ? ChainReader.QualifiedName(_ctx, inner, inner.Segments.Count) : null;
    }

    private int ExpressionEnd(int start)
    {
        var p = start;
        while (p < _ctx.Count)
        {
            var t = _ctx[p];
            if (t.Kind == TokenKind.Newline)
            {
                return p;
            }

            if (t.Kind == TokenKind.Punct)
            {
                if (t.Text is "(" or "[" or "{")
                {
                    p = _ctx.Match[p] + 1;
                    continue;
                }

                if (t.Text is ";" or "," or ")" or "]" or "}")
                {
                    return p;
                }
            }

            p++;
        }

        return p;
    }
}
