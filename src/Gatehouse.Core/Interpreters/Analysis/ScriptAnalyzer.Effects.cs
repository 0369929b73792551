using Gatehouse.Core.Interpreters.Findings;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>What each kind of recognised call contributes to the findings.</summary>
internal sealed partial class ScriptAnalyzer
{
    /// <summary><c>exec("…")</c> inside <c>exec("…")</c> deeper than this is not followed; it is opaque.</summary>
    private const int MaxNesting = 4;

    private void Apply(ApiSpec spec, string name, CallArguments args, CallArguments? receiver, int afterCall)
    {
        switch (spec.Kind)
        {
            case ApiKind.DeleteFile or ApiKind.DeleteTree or ApiKind.DeleteMaybeTree or ApiKind.Truncate:
                ApplyDelete(spec, name, args, receiver);
                break;
            case ApiKind.Move:
                _findings.AddMove(_eval.String(args.Positional(spec.ArgIndex)), name);
                break;
            case ApiKind.Permissions:
                var recursiveChange = name.EndsWith("_R", StringComparison.Ordinal);
                foreach (var path in DeletionTargets(spec, args, receiver))
                {
                    _findings.AddPermissionChange(path, recursiveChange, name);
                }

                break;
            case ApiKind.ShellCommand:
                ApplyShellCommand(spec, name, args);
                break;
            case ApiKind.ShellArgv:
                ApplyShellArgv(name, args, spec.ArgIndex, prefix: null);
                break;
            case ApiKind.ShellBuiltin:
                ApplyShellArgv(name, args, 0, prefix: spec.Method);
                break;
            case ApiKind.ShellProgramArgs:
                ApplyProgramArgs(spec, name, args);
                break;
            case ApiKind.ShellArgvList:
                var list = _eval.List(args.Positional(spec.ArgIndex));
                if (list is null)
                {
                    _findings.AddOpaque("shell.dynamic", $"{name} runs an argument vector computed at run time");
                }
                else
                {
                    _findings.AddArgv(list, name);
                }

                break;
            case ApiKind.Sql:
                var sqlArg = args.PositionalCount > spec.ArgIndex ? args.Positional(spec.ArgIndex) : args.Positional(0);
                AddSqlIfLooksLikeSql(_eval.String(sqlArg), strict: true, name);
                break;
            case ApiKind.HttpFixed or ApiKind.HttpMethodArgument or ApiKind.HttpFetch or ApiKind.HttpConfig or ApiKind.HttpUrllibRequest:
                ApplyHttp(spec, args);
                break;
            case ApiKind.Kill:
                _findings.AddKill(_eval.String(args.Positional(spec.ArgIndex)), name);
                break;
            case ApiKind.Eval:
                ApplyEval(spec, name, args);
                break;
            case ApiKind.DynamicImport:
                var module = _eval.String(args.Positional(0));
                if (module is null || DynamicText.IsDynamic(module))
                {
                    _findings.AddOpaque("import.dynamic", $"{name} loads a module whose name is computed at run time");
                }

                break;
            case ApiKind.OpaqueCode:
                _findings.AddOpaque("code.opaque", $"{name} loads code or objects whose content cannot be seen");
                break;
            case ApiKind.ReadFile:
                ReadPath(ReceiverOrArgumentPath(spec, args, receiver), name);
                break;
            case ApiKind.WriteFile:
                _findings.AddWriteIfSensitive(ReceiverOrArgumentPath(spec, args, receiver), name);
                break;
            case ApiKind.OpenFile:
                ApplyOpen(name, args);
                break;
            case ApiKind.CurlInit:
                (_curl ??= new CurlState()).Urls.Add(_eval.String(args.Positional(0)));
                break;
            case ApiKind.CurlSetopt:
                (_curl ??= new CurlState()).Apply(_ctx, _eval, args);
                break;
            case ApiKind.CallableDispatch:
                ApplyCallableDispatch(name, args);
                break;
            case ApiKind.GetAttr:
                ApplyGetAttr(args, afterCall);
                break;
            default:
                break;
        }
    }

    private void ApplyReference(ApiSpec spec, string name)
    {
        switch (spec.Kind)
        {
            case ApiKind.DeleteFile or ApiKind.DeleteTree or ApiKind.DeleteMaybeTree:
                _findings.AddDelete(null, spec.TargetKind, spec.Kind == ApiKind.DeleteTree, false, name);
                break;
            case ApiKind.ShellCommand or ApiKind.ShellArgv or ApiKind.ShellArgvList or ApiKind.ShellProgramArgs or ApiKind.Eval:
                _findings.AddOpaque("shell.dynamic", $"{name} is passed around as a value and called with unknown arguments");
                break;
            default:
                break;
        }
    }

    private void ApplyDelete(ApiSpec spec, string name, CallArguments args, CallArguments? receiver)
    {
        var recursive = spec.Kind == ApiKind.DeleteTree;
        var options = args.Positional(spec.ArgIndex + 1);
        if (spec.Kind == ApiKind.DeleteMaybeTree)
        {
            recursive = IsTrue(_eval.Entry(options, "recursive"));
        }

        var force = name.Contains("rm_rf", StringComparison.Ordinal) || name.EndsWith("rm_f", StringComparison.Ordinal)
            || IsTrue(_eval.Entry(options, "force")) || IsTrue(args.Named("force")) || IsTrue(args.Named("ignore_errors"));
        var verb = spec.Kind == ApiKind.Truncate ? Verb.Update : Verb.Delete;
        var targetKind = recursive ? "directory" : spec.TargetKind;
        foreach (var path in DeletionTargets(spec, args, receiver))
        {
            _findings.AddDelete(path, targetKind, recursive, force, name, verb);
        }
    }

    /// <summary>
    /// The paths a deletion names. Ruby, Perl and PHP take several paths (or a list) as arguments; Python and
    /// JavaScript take one, followed by options.
    /// </summary>
    private List<string?> DeletionTargets(ApiSpec spec, CallArguments args, CallArguments? receiver)
    {
        var targets = new List<string?>(1);
        if (spec.FromReceiver)
        {
            targets.Add(ReceiverOrArgumentPath(spec, args, receiver));
            return targets;
        }

        var variadic = !spec.SinglePath && _ctx.Dialect is ScriptDialect.Ruby or ScriptDialect.Perl or ScriptDialect.Php;
        var index = 0;
        foreach (var arg in args.All)
        {
            if (arg.Name is not null || index++ < spec.ArgIndex || IsHashLiteral(arg))
            {
                continue;
            }

            var list = _eval.List(arg);
            if (list is not null)
            {
                targets.AddRange(list);
            }
            else
            {
                targets.Add(_eval.String(arg));
            }

            if (!variadic)
            {
                break;
            }
        }

        if (targets.Count == 0)
        {
            targets.Add(null);
        }

        return targets;
    }

    private string? ReceiverOrArgumentPath(ApiSpec spec, CallArguments args, CallArguments? receiver)
    {
        if (spec.FromReceiver && receiver is not null && receiver.PositionalCount > 0)
        {
            var joined = string.Empty;
            foreach (var a in receiver.All)
            {
                if (a.Name is null)
                {
                    joined = ValueEvaluator.JoinPath(joined, _eval.String(a.Start, a.End) ?? DynamicText.MarkerString);
                }
            }

            return joined;
        }

        if (spec.FromReceiver && args.PositionalCount == 0 && _receiverConstant is not null)
        {
            return _receiverConstant;
        }

        return _eval.String(args.Positional(spec.FromReceiver ? 0 : spec.ArgIndex));
    }

    private bool IsHashLiteral(CallArgument arg) => _ctx[arg.Start].IsPunct("{") && _ctx.Match[arg.Start] == arg.End - 1;

    private bool IsTrue(CallArgument? arg) => arg is { } a && a.End - a.Start == 1 && _ctx[a.Start].Kind == TokenKind.Identifier
        && _ctx[a.Start].Text is "true" or "True" or "1";

    private void ApplyShellCommand(ApiSpec spec, string name, CallArguments args)
    {
        var arg = args.NamedOrPositional("args", spec.ArgIndex);
        if (spec.Method is not null && arg is { } a && IsHashLiteral(a))
        {
            arg = _eval.Entry(arg, spec.Method);
        }
        else if (arg is { } b && IsHashLiteral(b))
        {
            arg = _eval.Entry(arg, "cmd");
        }

        if (arg is null)
        {
            _findings.AddOpaque("shell.dynamic", $"{name} runs a command that is not visible here");
            return;
        }

        var list = _eval.List(arg);
        if (list is not null)
        {
            _findings.AddArgv(list, name);
        }
        else
        {
            _findings.AddShellCommand(_eval.String(arg), name);
        }
    }

    /// <summary>Several arguments are an argument vector; a single string is a command line for the shell.</summary>
    private void ApplyShellArgv(string name, CallArguments args, int start, string? prefix)
    {
        var words = new List<string>();
        if (prefix is not null)
        {
            words.Add(prefix);
        }

        var index = 0;
        var count = 0;
        CallArgument? single = null;
        foreach (var arg in args.All)
        {
            if (arg.Name is not null || index++ < start || IsHashLiteral(arg))
            {
                continue;
            }

            count++;
            single = arg;
            var list = _eval.List(arg);
            if (list is not null)
            {
                words.AddRange(list);
            }
            else
            {
                words.Add(_eval.String(arg) ?? DynamicText.MarkerString);
            }
        }

        if (prefix is null && count == 1 && _eval.List(single) is null)
        {
            _findings.AddShellCommand(_eval.String(single), name);
            return;
        }

        _findings.AddArgv(words, name);
    }

    private void ApplyProgramArgs(ApiSpec spec, string name, CallArguments args)
    {
        var program = _eval.String(args.Positional(spec.ArgIndex));
        var listArg = args.Positional(spec.ListIndex);
        if (spec.Method is not null)
        {
            listArg = _eval.Entry(listArg, spec.Method);
        }

        if (program is null)
        {
            _findings.AddOpaque("shell.dynamic", $"{name} runs a program that is not visible here");
            return;
        }

        if (listArg is null || (spec.Method is null && IsHashLiteral(listArg.Value)))
        {
            _findings.AddShellCommand(program, name);
            return;
        }

        var words = new List<string> { program };
        words.AddRange(_eval.List(listArg) ?? [DynamicText.MarkerString]);
        _findings.AddArgv(words, name);
    }

    private void ApplyEval(ApiSpec spec, string name, CallArguments args)
    {
        if (args.PositionalCount == 0)
        {
            return;
        }

        var arg = spec.ArgIndex < 0 ? args.Positional(args.PositionalCount - 1) : args.Positional(spec.ArgIndex);
        var code = _eval.String(arg);
        if (code is null || DynamicText.IsDynamic(code))
        {
            _findings.AddOpaque("eval.dynamic", $"{name} runs code computed at run time");
            return;
        }

        if (_ctx.Nesting >= MaxNesting)
        {
            _findings.AddOpaque("eval.nested", $"{name} nests code too deeply to follow");
            return;
        }

        _findings.Merge(_scanNested(code, _ctx.Nesting + 1));
    }

    private void ApplySqlMethod(string method, CallArguments args, bool databaseReceiver)
    {
        for (var i = 0; i < 2 && i < args.PositionalCount; i++)
        {
            var text = _eval.String(args.Positional(i));
            if (text is not null && SqlText.LooksLikeSql(text))
            {
                _findings.AddSql(text);
                return;
            }
        }

        if (databaseReceiver && ApiTables.StrictSqlMethods.Contains(method) && args.PositionalCount > 0)
        {
            var first = _eval.String(args.Positional(0));
            if (first is null || !DynamicText.HasLiteralContent(first))
            {
                _findings.AddOpaque("sql.dynamic", $"{method}() runs SQL computed at run time");
            }
        }
    }

    private void AddSqlIfLooksLikeSql(string? text, bool strict, string api)
    {
        if (text is not null && SqlText.LooksLikeSql(text))
        {
            _findings.AddSql(text);
        }
        else if (strict && (text is null || !DynamicText.HasLiteralContent(text)))
        {
            _findings.AddOpaque("sql.dynamic", $"{api} runs SQL computed at run time");
        }
    }

    private void ReadPath(string? path, string api)
    {
        if (path is not null && ScriptPathJudge.IsCredential(path))
        {
            _findings.AddCredentialRead(DynamicText.Render(path, ScanFindings.UrlPlaceholder), api);
        }
    }

    private void ApplyOpen(string name, CallArguments args)
    {
        if (_ctx.Dialect == ScriptDialect.Perl)
        {
            ApplyPerlOpen(name, args);
            return;
        }

        var path = _eval.String(args.NamedOrPositional("file", 0));
        if (path is null)
        {
            return;
        }

        if (_ctx.Dialect == ScriptDialect.Ruby && path.StartsWith('|'))
        {
            // Kernel#open("|cmd") runs a command.
            _findings.AddShellCommand(path[1..], name);
            return;
        }

        var mode = _eval.String(args.NamedOrPositional("mode", 1)) ?? "r";
        if (mode.AsSpan().IndexOfAny("wax+") >= 0)
        {
            _findings.AddWriteIfSensitive(path, name);
        }
        else
        {
            ReadPath(path, name);
        }
    }

    private void ApplyPerlOpen(string name, CallArguments args)
    {
        if (args.PositionalCount >= 3)
        {
            var mode = (_eval.String(args.Positional(1)) ?? string.Empty).Trim();
            if (mode is "-|" or "|-")
            {
                ApplyShellArgv(name, args, 2, prefix: null);
            }
            else if (mode.Contains('>', StringComparison.Ordinal) || mode.StartsWith("+<", StringComparison.Ordinal))
            {
                _findings.AddWriteIfSensitive(_eval.String(args.Positional(2)), name);
            }
            else
            {
                ReadPath(_eval.String(args.Positional(2)), name);
            }

            return;
        }

        var expr = (_eval.String(args.Positional(1)) ?? string.Empty).Trim();
        if (expr.StartsWith('|'))
        {
            _findings.AddShellCommand(expr[1..].Trim(), name);
        }
        else if (expr.EndsWith('|'))
        {
            _findings.AddShellCommand(expr[..^1].Trim(), name);
        }
        else if (expr.StartsWith('>'))
        {
            _findings.AddWriteIfSensitive(expr.TrimStart('>').Trim(), name);
        }
        else
        {
            ReadPath(expr.TrimStart('<').Trim(), name);
        }
    }

    /// <summary>PHP calls a function named by a string: <c>call_user_func('system', …)</c>, <c>array_map('unlink', …)</c>.</summary>
    private void ApplyCallableDispatch(string name, CallArguments args)
    {
        var callee = _eval.String(args.Positional(0));
        var isMap = name is "array_map" or "array_walk";
        var callableArg = isMap && name == "array_walk" ? args.Positional(1) : args.Positional(0);
        if (name == "array_walk")
        {
            callee = _eval.String(callableArg);
        }

        if (callee is null || DynamicText.IsDynamic(callee))
        {
            if (!isMap)
            {
                _findings.AddOpaque("call.dynamic", $"{name} calls a function chosen at run time");
            }

            return;
        }

        if (!_table.TryGetValue(callee.ToLowerInvariant().TrimStart('\\'), out var spec))
        {
            return;
        }

        var rest = new List<CallArgument>();
        var dataArg = name == "array_walk" ? args.Positional(0) : args.Positional(1);
        if (name == "call_user_func_array" || isMap)
        {
            if (dataArg is { } d)
            {
                if (_eval.List(d) is not null)
                {
                    // [a, b] or array(a, b): the elements are the arguments.
                    var open = _ctx[d.Start].IsPunct("[") ? d.Start : d.Start + 1;
                    rest.AddRange(ArgumentReader.Split(_ctx, open + 1, _ctx.Match[open]).All);
                }
                else
                {
                    rest.Add(d);
                }
            }
        }
        else
        {
            var index = 0;
            foreach (var a in args.All)
            {
                if (index++ > 0)
                {
                    rest.Add(a);
                }
            }
        }

        if (isMap && spec.Kind is ApiKind.DeleteFile)
        {
            // array_map('unlink', $files): each element is one call; all are targets.
            foreach (var element in rest)
            {
                ApplyDelete(spec, callee, new CallArguments([element]), null);
            }

            return;
        }

        Apply(spec, callee, new CallArguments(rest), null, _ctx.Count);
    }

    /// <summary>Python <c>getattr(os, 'system')(cmd)</c> is <c>os.system(cmd)</c>.</summary>
    private void ApplyGetAttr(CallArguments args, int afterCall)
    {
        var owner = args.Positional(0);
        var attribute = _eval.String(args.Positional(1));
        if (owner is not { } o || _ctx[o.Start].Kind != TokenKind.Identifier)
        {
            return;
        }

        var ownerChain = ChainReader.Read(_ctx, o.Start);
        var ownerName = ChainReader.QualifiedName(_ctx, ownerChain, ownerChain.Segments.Count);
        if (attribute is null || DynamicText.IsDynamic(attribute))
        {
            if (ownerName is "os" or "subprocess" or "shutil" or "builtins" or "pty" or "posix")
            {
                _findings.AddOpaque("call.dynamic", $"getattr({ownerName}, …) calls a function chosen at run time");
            }

            return;
        }

        var target = ownerName + "." + attribute;
        var spec = Lookup(target, 1) ?? (ownerName == "builtins" ? Lookup(attribute, 0) : null);
        if (spec is null)
        {
            return;
        }

        if (_ctx.IsPunct(afterCall, "("))
        {
            Apply(spec, target, ArgumentReader.Read(_ctx, afterCall, _ctx.Match[afterCall]), null, _ctx.Match[afterCall] + 1);
        }
        else
        {
            ApplyReference(spec, target);
        }
    }
}
