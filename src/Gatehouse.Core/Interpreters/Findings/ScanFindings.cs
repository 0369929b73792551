using Gatehouse.Core.Http;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>Accumulates what one scan found and turns it into actions with consistent rule ids, risks and tags.</summary>
internal sealed class ScanFindings
{
    /// <summary>How unknown pieces of a URL are shown to the HTTP classifier.</summary>
    public const string UrlPlaceholder = "{dynamic}";

    /// <summary>How unknown pieces of SQL are shown to the SQL classifier: a bind parameter.</summary>
    public const string SqlPlaceholder = "$1";

    private readonly List<AgentAction> _actions = [];
    private readonly List<string> _shell = [];
    private readonly List<string> _sql = [];
    private readonly List<HttpRequestDescription> _http = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public ScanFindings(string tool)
    {
        Tool = tool;
    }

    public string Tool { get; }

    public bool IsEmpty => _actions.Count == 0 && _shell.Count == 0 && _sql.Count == 0 && _http.Count == 0;

    public void AddDelete(string? path, string targetKind, bool recursive, bool force, string api, Verb verb = Verb.Delete)
    {
        var assessment = ScriptPathJudge.ForDeletion(path);
        var tags = new List<string>(assessment.Tags.Count + 2);
        if (recursive)
        {
            tags.Add(Model.Tags.Recursive);
        }

        if (force)
        {
            tags.Add(Model.Tags.Force);
        }

        tags.AddRange(assessment.Tags);
        var what = recursive ? "recursively deletes" : verb == Verb.Update ? "truncates" : "deletes";
        var target = assessment.Id ?? "a path computed at run time";
        Add(new AgentAction
        {
            Verb = verb,
            Target = ResourceRef.Of(targetKind, assessment.Id),
            Tool = Tool,
            Reversible = false,
            Risk = assessment.Risk,
            Path = Tool,
            RuleId = $"{Tool}.delete.{(recursive ? "tree" : verb == Verb.Update ? "truncate" : targetKind)}",
            Reason = $"{api} {what} {target}",
            Tags = tags,
        });
    }

    /// <summary>Moving a path away: a rename in the workspace, an outage when the source is a system or home directory.</summary>
    public void AddMove(string? source, string api)
    {
        var assessment = ScriptPathJudge.ForDeletion(source);
        if (assessment.Risk <= Risk.Low)
        {
            return;
        }

        Add(new AgentAction
        {
            Verb = Verb.Update,
            Target = ResourceRef.Of("file", assessment.Id),
            Tool = Tool,
            Reversible = true,
            Risk = assessment.Risk == Risk.Critical ? Risk.High : Risk.Medium,
            Path = Tool,
            RuleId = $"{Tool}.move",
            Reason = $"{api} moves {assessment.Id ?? "a path computed at run time"} away",
            Tags = assessment.Tags,
        });
    }

    /// <summary>chmod/chown: harmless in the workspace, a security and availability hazard on system paths.</summary>
    public void AddPermissionChange(string? path, bool recursive, string api)
    {
        var assessment = ScriptPathJudge.ForDeletion(path);
        var risk = assessment.Risk switch
        {
            Risk.Critical => recursive ? Risk.Critical : Risk.High,
            Risk.High => Risk.Medium,
            _ => assessment.Risk,
        };
        var tags = new List<string>(assessment.Tags);
        if (recursive)
        {
            tags.Add(Model.Tags.Recursive);
        }

        Add(new AgentAction
        {
            Verb = Verb.Update,
            Target = ResourceRef.Of("file", assessment.Id),
            Tool = Tool,
            Reversible = true,
            Risk = risk,
            Path = Tool,
            RuleId = $"{Tool}.permissions.change",
            Reason = $"{api} changes permissions or ownership of {assessment.Id ?? "a path computed at run time"}",
            Tags = tags,
        });
    }

    /// <summary>Data destroyed through an ORM, database driver or cloud SDK called from inside the script.</summary>
    public void AddDataDestruction(Analysis.DataDestruction destruction) => Add(new AgentAction
    {
        Verb = Verb.Delete,
        Target = ResourceRef.Of(destruction.Kind, destruction.Id),
        Tool = Tool,
        Reversible = false,
        Risk = destruction.Risk,
        Path = Tool,
        RuleId = $"{Tool}.{destruction.Rule}",
        Reason = destruction.Reason,
        Tags = destruction.Tag is null ? [] : [destruction.Tag],
    });

    public void AddOpaque(string rule, string reason, Verb verb = Verb.Execute, string? extraTag = null)
    {
        var tags = extraTag is null ? new[] { Model.Tags.Opaque } : [Model.Tags.Opaque, extraTag];
        Add(new AgentAction
        {
            Verb = verb,
            Target = ResourceRef.Of("code"),
            Tool = Tool,
            Reversible = false,
            Risk = Risk.High,
            Path = Tool,
            RuleId = $"{Tool}.{rule}",
            Reason = reason,
            Tags = tags,
        });
    }

    /// <summary>A command line for the shell classifier; a computed one also fails closed as opaque.</summary>
    public void AddShellCommand(string? command, string api)
    {
        if (command is null || !DynamicText.HasLiteralContent(command))
        {
            AddOpaque("shell.dynamic", $"{api} runs a command computed at run time");
            return;
        }

        if (DynamicText.IsDynamic(command))
        {
            AddOpaque("shell.dynamic", $"{api} runs a command with computed parts");
            AddUnique(_shell, DynamicText.Render(command, "\"" + ShellWords.Placeholder + "\""));
            return;
        }

        AddUnique(_shell, command);
    }

    public void AddArgv(IReadOnlyList<string> argv, string api)
    {
        if (argv.Count == 0)
        {
            AddOpaque("shell.dynamic", $"{api} runs a program computed at run time");
            return;
        }

        var dynamic = false;
        foreach (var word in argv)
        {
            dynamic |= DynamicText.IsDynamic(word);
        }

        if (dynamic)
        {
            AddOpaque("shell.dynamic", $"{api} runs a program with computed arguments");
            if (!DynamicText.HasLiteralContent(argv[0]))
            {
                return;
            }
        }

        AddUnique(_shell, ShellWords.Join(argv));
    }

    public void AddSql(string text) => AddUnique(_sql, DynamicText.Render(text, SqlPlaceholder));

    public void AddHttp(HttpRequestDescription request)
    {
        _http.Add(request);
        if (string.Equals(request.Method, "UNKNOWN", StringComparison.Ordinal))
        {
            AddOpaque("http.dynamic-method", $"an HTTP request to {request.Url} uses a method computed at run time");
        }
    }

    public void AddKill(string? pid, string api) => Add(new AgentAction
    {
        Verb = Verb.Execute,
        Target = ResourceRef.Of("process", pid is not null && !DynamicText.IsDynamic(pid) ? pid : null),
        Tool = Tool,
        Reversible = false,
        Risk = Risk.High,
        Path = Tool,
        RuleId = $"{Tool}.process.kill",
        Reason = $"{api} sends a signal to a process",
    });

    public void AddCredentialRead(string path, string api) => Add(new AgentAction
    {
        Verb = Verb.Read,
        Target = ResourceRef.Of("file", path),
        Tool = Tool,
        Reversible = true,
        Risk = Risk.Medium,
        Path = Tool,
        RuleId = $"{Tool}.credential.read",
        Reason = $"{api} reads the credential file {path}",
        Tags = [Model.Tags.CredentialAccess],
    });

    public void AddEnvironmentDump(string expression) => Add(new AgentAction
    {
        Verb = Verb.Read,
        Target = ResourceRef.Of("environment"),
        Tool = Tool,
        Reversible = true,
        Risk = Risk.Medium,
        Path = Tool,
        RuleId = $"{Tool}.credential.environment",
        Reason = $"{expression} exposes every environment variable, secrets included",
        Tags = [Model.Tags.CredentialAccess],
    });

    /// <summary>Writing a system, credential or guard-configuration file; ordinary workspace writes are not actions.</summary>
    public void AddWriteIfSensitive(string? path, string api)
    {
        if (path is null || !DynamicText.HasLiteralContent(path))
        {
            return;
        }

        var tags = new List<string>(2);
        if (ScriptPathJudge.IsSystem(path))
        {
            tags.Add(Model.Tags.SystemPath);
        }

        if (ScriptPathJudge.IsCredential(path))
        {
            tags.Add(Model.Tags.CredentialAccess);
        }

        if (ScriptPathJudge.IsTampering(path))
        {
            tags.Add(Model.Tags.Tampering);
        }

        if (tags.Count == 0)
        {
            return;
        }

        Add(new AgentAction
        {
            Verb = Verb.Update,
            Target = ResourceRef.Of("file", DynamicText.Render(path, UrlPlaceholder)),
            Tool = Tool,
            Reversible = false,
            Risk = Risk.High,
            Path = Tool,
            RuleId = $"{Tool}.write.sensitive",
            Reason = $"{api} overwrites {DynamicText.Render(path, UrlPlaceholder)}",
            Tags = tags,
        });
    }

    public void Merge(InterpreterScanResult nested)
    {
        foreach (var a in nested.Actions)
        {
            Add(a);
        }

        foreach (var s in nested.ShellCommands)
        {
            AddUnique(_shell, s);
        }

        foreach (var s in nested.SqlTexts)
        {
            AddUnique(_sql, s);
        }

        _http.AddRange(nested.HttpRequests);
    }

    public InterpreterScanResult ToResult() => IsEmpty ? InterpreterScanResult.Empty : new InterpreterScanResult(_actions, _shell, _sql, _http);

    private void Add(AgentAction action)
    {
        if (_seen.Add($"a\u0001{action.RuleId}\u0001{action.Verb}\u0001{action.Target.Kind}\u0001{action.Target.Id}\u0001{action.Risk}"))
        {
            _actions.Add(action);
        }
    }

    private void AddUnique(List<string> list, string value)
    {
        var kind = ReferenceEquals(list, _shell) ? "s" : "q";
        if (_seen.Add(kind + "\u0001" + value))
        {
            list.Add(value);
        }
    }
}
