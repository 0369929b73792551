using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Programs the catalog does not describe. Running one is ordinary work, but two shapes say more:
/// a subcommand that is a destructive verb (<c>sometool volumes delete x</c>), and an argument that is
/// itself destructive code — SQL or a shell command handed to a runner Gatehouse does not know.
/// Both need a person's approval rather than a guess either way.
/// </summary>
internal sealed partial class CommandWalker
{
    /// <summary>Subcommand words that destroy, as CLIs spell them (compared per word of <c>schema:drop</c>, <c>delete-service</c>, <c>purge_queue</c>).</summary>
    private static readonly HashSet<string> DestructiveVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "delete", "del", "remove", "rm", "rmi", "rmdir", "destroy", "drop", "dropdb", "purge", "wipe", "erase", "truncate",
        "flush", "flushall", "flushdb", "prune", "reset", "nuke", "uninstall", "terminate", "revoke", "forget", "unlink",
        "teardown", "deprovision", "decommission", "obliterate", "shred", "cleanup", "deleteall", "removeall", "dropall",
    };

    /// <summary>Switches that make an otherwise ordinary subcommand destroy (<c>nomad job stop -purge</c>). Narrower than the verbs: <c>--format</c> and <c>--prune</c> are everyday.</summary>
    private static readonly HashSet<string> DestructiveSwitches = new(StringComparer.OrdinalIgnoreCase)
    {
        "purge", "delete", "destroy", "wipe", "drop", "erase", "nuke", "delete-all", "force-delete", "remove", "remove-all", "delete-data",
    };

    /// <summary>Subcommand words that hand out a secret, and the words that say what they hand out is one.</summary>
    private static readonly HashSet<string> RevealVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "read", "show", "export", "download", "reveal", "decrypt", "print", "cat", "view", "dump",
    };

    private static readonly HashSet<string> SecretNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "secret", "secrets", "credential", "credentials", "password", "passwords", "token", "tokens", "apikey", "apikeys", "keychain",
    };

    /// <summary>Catalog names that are also everyday subcommands of other tools (<c>dart format</c>, <c>go test</c>).</summary>
    private static readonly HashSet<string> CommonSubcommandWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "format", "del", "erase", "rd", "ri", "copy", "move", "type", "dir", "test", "build", "run", "make", "install", "list", "ls", "cat", "echo",
        "find", "sort", "diff", "tree", "time", "watch", "env", "kill", "start", "stop", "status", "show", "open", "task", "just", "invoke", "tee",
    };

    private static readonly string[] SqlLeadWords =
        ["DROP ", "DELETE ", "TRUNCATE ", "UPDATE ", "ALTER ", "GRANT ", "REVOKE ", "MERGE ", "INSERT ", "CREATE ", "WITH ", "COPY ", "VACUUM "];

    /// <summary>How many leading positional words can be subcommands; later ones are names and values.</summary>
    private const int SubcommandDepth = 4;

    private void InvokeUnknownProgram(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        var before = _actions.Count;
        var verb = DestructiveSubcommand(arguments);
        if (verb is not null)
        {
            Emit(
                ActionFactory.Simple(program, "gatehouse.unknown-destructive-subcommand", Verb.Delete, "resource", ObjectAfter(arguments, verb), Risk.High, false, $"{program} {verb}: a destructive subcommand of a program the catalog does not describe", Tags.Heuristic),
                scope);
        }

        if (RevealsSecret(arguments) is { } secret)
        {
            Emit(
                ActionFactory.Simple(program, "gatehouse.unknown-secret-read", Verb.Read, "credential", secret, Risk.Medium, true, $"{program} appears to print a secret ({secret})", Tags.CredentialAccess, Tags.Heuristic),
                scope);
        }

        JudgeEmbeddedCode(program, arguments, scope);
        JudgeForwardedCommand(program, arguments, scope);
        JudgeSensitiveArguments(program, arguments, scope);
        if (_actions.Count == before)
        {
            Emit(ActionFactory.UnknownProgram(program), scope);
        }
    }

    private static string? DestructiveSubcommand(IReadOnlyList<Word> arguments)
    {
        var positional = 0;
        foreach (var argument in arguments)
        {
            if (argument.StaticValue is not { Length: > 0 } value)
            {
                continue;
            }

            if (value[0] == '-')
            {
                // --purge, -delete, --destroy: a destructive switch says as much as a subcommand.
                var option = value.TrimStart('-');
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                if (DestructiveSwitches.Contains(equals < 0 ? option : option[..equals]) && (equals < 0 || !option.EndsWith("=false", StringComparison.OrdinalIgnoreCase)))
                {
                    return value;
                }

                continue;
            }

            if (++positional > SubcommandDepth)
            {
                break;
            }

            foreach (var word in value.Split(['-', '_', ':', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (DestructiveVerbs.Contains(word))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>tool secrets get X</c>, <c>tool variable get AWS_SECRET_ACCESS_KEY</c>, <c>tool read op://vault/item</c>:
    /// a reveal verb next to something that names a secret.
    /// </summary>
    private static string? RevealsSecret(IReadOnlyList<Word> arguments)
    {
        var reveals = false;
        string? secret = null;
        var positional = 0;
        foreach (var argument in arguments)
        {
            if (argument.StaticValue is not { Length: > 0 } value || value[0] == '-' || ++positional > SubcommandDepth + 1)
            {
                continue;
            }

            foreach (var word in value.Split(['-', '_', ':', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                reveals |= RevealVerbs.Contains(word);
                if (SecretNouns.Contains(word))
                {
                    secret ??= value;
                }
            }

            if (value.Contains("://", StringComparison.Ordinal) && value.StartsWith("op://", StringComparison.Ordinal)
                || (value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') && LooksSecret(value)))
            {
                secret ??= value;
            }
        }

        return reveals ? secret : null;
    }

    private static string? ObjectAfter(IReadOnlyList<Word> arguments, string verb)
    {
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i].StaticValue == verb)
            {
                return arguments.Skip(i + 1).FirstOrDefault(a => a.StaticValue is { Length: > 0 } v && v[0] != '-')?.Text;
            }
        }

        return null;
    }

    /// <summary>
    /// An argument that reads as SQL or as a shell command is judged as code. Only what that reading finds
    /// destructive is kept, capped at approval: the program may treat the text as data after all.
    /// </summary>
    private void JudgeEmbeddedCode(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        foreach (var argument in arguments)
        {
            if (argument.StaticValue is not { } text || !text.Contains(' ', StringComparison.Ordinal) || text.Length > 64 * 1024)
            {
                continue;
            }

            var codeScope = scope.Enter(program + " argument");
            var trimmed = text.TrimStart();
            if (SqlLeadWords.Any(w => trimmed.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var action in SqlClassifier.Classify(text))
                {
                    KeepIfDestructive(action, codeScope);
                }

                continue;
            }

            var first = _actions.Count;
            var (directory, unknown) = (_workingDirectory, _workingDirectoryUnknown);
            Reparse(text, codeScope);
            (_workingDirectory, _workingDirectoryUnknown) = (directory, unknown);
            KeepOnlyDestructive(first);
        }
    }

    /// <summary>
    /// <c>spawn rm -rf /home</c>, <c>sometool run kubectl delete ns prod</c>: an unknown program whose arguments are a
    /// command the catalog knows is most likely a runner. What that command would destroy is kept, capped at approval.
    /// </summary>
    private void JudgeForwardedCommand(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        for (var i = 0; i < Math.Min(arguments.Count, SubcommandDepth); i++)
        {
            if (arguments[i].StaticValue is not { Length: > 0 } name || name[0] == '-' || !_catalog.Knows(ProgramName(name))
                || CommonSubcommandWords.Contains(name))
            {
                continue;
            }

            var first = _actions.Count;
            Invoke(name, Slice(arguments, i + 1), new SimpleCommand([], Slice(arguments, i), 0, 0), StdinSource.None, scope.Enter(program + " " + name));
            KeepOnlyDestructive(first);
            return;
        }
    }

    /// <summary>A block device or a credential file handed to a program the catalog does not describe.</summary>
    private void JudgeSensitiveArguments(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var path = WordFactory.PathText(argument);
            if (path is null || path.Length < 2 || path[0] == '-')
            {
                continue;
            }

            if (path.StartsWith("/dev/", StringComparison.Ordinal) && PathClassifier.Classify(WordFactory.Literal(path)) == PathScope.Device)
            {
                Emit(ActionFactory.Simple(program, "gatehouse.unknown-device", Verb.Update, "volume", path, Risk.High, false, $"{program} operates on the block device {path}", Tags.Heuristic), scope);
                return;
            }

            // Project files (.env, a dev.key being generated) are the tool's ordinary input; keys and configs
            // outside the project are what an agent should not be reading.
            if (CredentialPaths.IsCredential(path) && program is not ("ssh-add" or "ssh-keygen" or "ssh-copy-id")
                && PathClassifier.Classify(WordFactory.Path(path))
                    is not (PathScope.Workspace or PathScope.WorkspaceData or PathScope.WorkspaceRegenerable or PathScope.Temporary)
                && !(i > 0 && WordFactory.IsAuthenticationKeyOption(arguments[i - 1].StaticValue)))
            {
                Emit(ActionFactory.Simple(program, "gatehouse.unknown-credential-read", Verb.Read, "credential", path, Risk.Medium, true, $"hands the credential file {path} to {program}", Tags.CredentialAccess, Tags.Heuristic), scope);
                return;
            }
        }
    }

    private void KeepOnlyDestructive(int first)
    {
        for (var i = _actions.Count - 1; i >= first; i--)
        {
            var action = _actions[i];
            if (action.Risk < Risk.High || action.RuleId.StartsWith("gatehouse.", StringComparison.Ordinal))
            {
                _actions.RemoveAt(i);
            }
            else
            {
                _actions[i] = Capped(action);
            }
        }
    }

    private void KeepIfDestructive(AgentAction action, WalkScope scope)
    {
        if (action.Risk >= Risk.High && !action.HasTag(Tags.ParseError))
        {
            Emit(Capped(action), scope);
        }
    }

    private static AgentAction Capped(AgentAction action) => action with
    {
        Risk = action.Risk > Risk.High ? Risk.High : action.Risk,
        Tags = [.. action.Tags, Tags.Heuristic],
        Reason = action.Reason + " (found in an argument of a program Gatehouse does not know)",
    };
}
