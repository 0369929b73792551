using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Places where shell code hides in what looks like a setting: variables the shell or git run
/// (<c>PROMPT_COMMAND</c>, <c>GIT_SSH_COMMAND</c>), options whose value is a command
/// (<c>tar --checkpoint-action=exec=…</c>, <c>rsync -e …</c>, <c>git -c core.pager=…</c>), traps, aliases.
/// Such code is judged as if it ran, because it runs as soon as the setting is used.
/// </summary>
internal sealed partial class CommandWalker
{
    /// <summary>Environment variables whose value some program executes as a command.</summary>
    private static readonly HashSet<string> CodeBearingVariables = new(StringComparer.Ordinal)
    {
        "PROMPT_COMMAND", "BASH_ENV", "ENV", "GIT_SSH_COMMAND", "GIT_SSH", "GIT_PAGER", "PAGER", "GIT_EDITOR", "EDITOR",
        "VISUAL", "SSH_ASKPASS", "GIT_ASKPASS", "SUDO_ASKPASS", "LESSOPEN", "LESSCLOSE", "MANPAGER", "BROWSER",
        "GIT_EXTERNAL_DIFF", "GIT_SEQUENCE_EDITOR", "PS1", "PS4", "RSYNC_RSH", "CVS_RSH", "SHELL",
    };

    /// <summary>git configuration keys whose value git runs as a command (alias values only when they start with '!').</summary>
    private static readonly HashSet<string> CodeBearingGitKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "core.pager", "core.sshcommand", "core.editor", "core.fsmonitor", "core.askpass", "diff.external",
        "sequence.editor", "gpg.program", "credential.helper", "uploadpack.packobjectshook", "pager.log", "pager.diff",
        "pager.show", "pager.branch", "interactive.difffilter",
    };

    /// <summary>Prompt strings are expanded, not run: only the substitutions inside them execute.</summary>
    private static readonly HashSet<string> ExpandedVariables = new(StringComparer.Ordinal) { "PS1", "PS2", "PS3", "PS4", "PROMPT", "RPROMPT" };

    /// <summary>Runs the value of a code-bearing assignment (<c>PROMPT_COMMAND='…'</c>) as code.</summary>
    private void WalkCodeBearingAssignment(string name, string? value, WalkScope scope)
    {
        if (value is not { Length: > 0 })
        {
            return;
        }

        if (ExpandedVariables.Contains(name))
        {
            ReparseAsExpansion(value, scope.Enter(name));
        }
        else if (CodeBearingVariables.Contains(name))
        {
            Reparse(value, scope.Enter(name));
        }
    }

    /// <summary>Walks the substitutions a later expansion of <paramref name="text"/> would run, without treating the text as a command.</summary>
    private void ReparseAsExpansion(string text, WalkScope scope)
    {
        var quoted = new System.Text.StringBuilder(": \"", text.Length + 4);
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        Reparse(quoted.Append('"').ToString(), scope);
    }

    private bool TryInvokeCodeCarrier(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        switch (program)
        {
            case "trap" when arguments.Count > 0 && arguments[0].StaticValue is not ("-" or "-p" or "-l" or "--"):
                ReparseWord(arguments[0], scope.Enter("trap"));
                return true;
            case "alias":
                foreach (var argument in arguments)
                {
                    var definition = ResolveWord(argument);
                    var equals = definition?.IndexOf('=', StringComparison.Ordinal) ?? -1;
                    if (equals > 0)
                    {
                        // An alias is code the next command line runs under a harmless-looking name.
                        Reparse(definition![(equals + 1)..], scope.Enter("alias " + definition[..equals]));
                    }
                }

                return true;
            case "export" or "declare" or "typeset" or "readonly" or "local":
                foreach (var argument in arguments)
                {
                    var assignment = ResolveWord(argument);
                    var equals = assignment?.IndexOf('=', StringComparison.Ordinal) ?? -1;
                    if (equals > 0)
                    {
                        var name = assignment![..equals];
                        _variables[name] = assignment[(equals + 1)..];
                        WalkCodeBearingAssignment(name, assignment[(equals + 1)..], scope);
                    }
                }

                return false;
            case "awk" or "gawk" or "mawk" or "nawk" or "busybox awk":
                JudgeAwkProgram(arguments, scope.Enter(program));
                return false;
            case "lua" or "luajit" or "Rscript" or "R":
                JudgeScriptCalls(program, arguments, scope.Enter(program));
                return false;
            case "coproc" when arguments.Count > 0:
                InvokeWords(arguments, new SimpleCommand([], arguments, 0, 0), StdinSource.None, scope.Enter("coproc"));
                return true;
            default:
                ScanCodeBearingOptions(program, arguments, scope);
                return false;
        }
    }

    /// <summary>Options whose value is a command: the program goes on running as usual, and the command is judged too.</summary>
    private void ScanCodeBearingOptions(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = ResolveWord(arguments[i]);
            if (value is null)
            {
                continue;
            }

            var next = i + 1 < arguments.Count ? ResolveWord(arguments[i + 1]) : null;
            var code = program switch
            {
                "git" when value == "-c" && next is not null => GitConfigCode(next),
                "git" when value == "config" && next is not null && i + 2 < arguments.Count && CodeBearingGitKey(next) =>
                    StripBang(ResolveWord(arguments[i + 2])),
                "tar" or "gtar" or "bsdtar" => TarCode(value, next),
                "rsync" when value is "-e" or "--rsh" => next,
                "rsync" when value.StartsWith("--rsh=", StringComparison.Ordinal) || value.StartsWith("--rsync-path=", StringComparison.Ordinal) => value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..],
                "ssh" or "scp" or "sftp" when value == "-o" && next is not null => SshOptionCode(next),
                "ssh" or "scp" or "sftp" when value.StartsWith("-o", StringComparison.Ordinal) && value.Length > 2 => SshOptionCode(value[2..]),
                "vim" or "nvim" or "vi" or "ex" or "view" when value is "-c" or "--cmd" && next is not null => VimCode(next),
                "vim" or "nvim" or "vi" or "ex" or "view" when value.StartsWith('+') => VimCode(value[1..]),
                // npm pkg set scripts.x="…": a project script that npm run, npm test or an install hook will run.
                "npm" when value.StartsWith("scripts.", StringComparison.Ordinal) && value.Contains('=', StringComparison.Ordinal) => value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..],
                _ => null,
            };

            if (code is { Length: > 0 })
            {
                Reparse(code, scope.Enter(program + " " + (value.Length > 24 ? value[..24] : value)));
            }
        }
    }

    /// <summary>awk runs <c>system("…")</c> and pipes to or from <c>"…"</c> through the shell.</summary>
    private void JudgeAwkProgram(IReadOnlyList<Word> arguments, WalkScope scope)
    {
        var i = 0;
        while (i < arguments.Count && arguments[i].StaticValue is { Length: > 1 } option && option[0] == '-')
        {
            i += option is "-F" or "-v" or "-f" or "--field-separator" or "--assign" ? 2 : 1;
        }

        if (i >= arguments.Count || ResolveWord(arguments[i]) is not { } program)
        {
            return;
        }

        foreach (var command in AwkShellCommands(program))
        {
            Reparse(command, scope);
        }
    }

    private static IEnumerable<string> AwkShellCommands(string program)
    {
        var strings = new List<(int Start, int End, string Value)>();
        for (var i = 0; i < program.Length; i++)
        {
            if (program[i] != '"')
            {
                continue;
            }

            var builder = new System.Text.StringBuilder();
            var j = i + 1;
            for (; j < program.Length && program[j] != '"'; j++)
            {
                if (program[j] == '\\' && j + 1 < program.Length)
                {
                    j++;
                }

                builder.Append(program[j]);
            }

            strings.Add((i, j, builder.ToString()));
            i = j;
        }

        foreach (var (start, end, value) in strings)
        {
            var before = program[..start].TrimEnd();
            var after = end + 1 < program.Length ? program[(end + 1)..].TrimStart() : string.Empty;
            if (before.EndsWith("system(", StringComparison.Ordinal) || before.EndsWith('|') || after.StartsWith('|'))
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Lua and R one-liners (<c>-e CODE</c>): Gatehouse has no scanner for them, so it looks for the calls that
    /// run a shell (<c>os.execute</c>, <c>io.popen</c>, <c>system</c>) or delete (<c>os.remove</c>, <c>unlink</c>,
    /// <c>file.remove</c>) with a literal argument. Everything else stays the catalog's opaque verdict.
    /// </summary>
    private void JudgeScriptCalls(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i].StaticValue is not ("-e" or "--expr") || ResolveWord(arguments[i + 1]) is not { } code)
            {
                continue;
            }

            foreach (var command in CallStrings(code, ["os.execute", "io.popen", "system", "system2", "shell"]))
            {
                Reparse(command, scope);
            }

            foreach (var path in CallStrings(code, ["os.remove", "unlink", "file.remove", "fs::dir_delete", "fs::file_delete"]))
            {
                var pathScope = PathClassifier.Classify(WordFactory.Path(path));
                Emit(ActionFactory.Simple(program, "script.delete", Verb.Delete, "file", path, PathRisk.ForDeletion(pathScope), false, $"deletes {path}", PathRisk.TagsFor(pathScope)), scope);
            }
        }
    }

    /// <summary>The first string-literal argument of each call to one of <paramref name="functions"/>.</summary>
    private static List<string> CallStrings(string code, string[] functions)
    {
        var found = new List<string>();
        foreach (var function in functions)
        {
            for (var at = code.IndexOf(function + "(", StringComparison.Ordinal); at >= 0; at = code.IndexOf(function + "(", at + 1, StringComparison.Ordinal))
            {
                // A longer identifier ending in the name (my_system) is a different function.
                if (at > 0 && (char.IsAsciiLetterOrDigit(code[at - 1]) || code[at - 1] is '_' or '.'))
                {
                    continue;
                }

                var i = at + function.Length + 1;
                while (i < code.Length && code[i] == ' ')
                {
                    i++;
                }

                if (i >= code.Length || code[i] is not ('"' or '\''))
                {
                    continue;
                }

                var quote = code[i];
                var end = code.IndexOf(quote, i + 1);
                if (end > i)
                {
                    found.Add(code[(i + 1)..end]);
                }
            }
        }

        return found;
    }

    private static bool CodeBearingGitKey(string key) =>
        CodeBearingGitKeys.Contains(key) || key.StartsWith("alias.", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".textconv", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".clean", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".smudge", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".process", StringComparison.OrdinalIgnoreCase);

    private static string? GitConfigCode(string setting)
    {
        var equals = setting.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && CodeBearingGitKey(setting[..equals]) ? StripBang(setting[(equals + 1)..]) : null;
    }

    /// <summary>git runs alias and helper values starting with '!' as shell commands; pagers and editors always.</summary>
    private static string? StripBang(string? value) => value is { Length: > 0 } && value[0] == '!' ? value[1..] : value;

    private static string? TarCode(string option, string? next)
    {
        foreach (var prefix in (string[])["--checkpoint-action=exec=", "--to-command=", "--use-compress-program=", "--info-script=", "--new-volume-script=", "--rsh-command="])
        {
            if (option.StartsWith(prefix, StringComparison.Ordinal))
            {
                return option[prefix.Length..];
            }
        }

        return option is "-I" or "-F" ? next : null;
    }

    private static string? SshOptionCode(string option)
    {
        var separator = option.IndexOfAny(['=', ' ']);
        if (separator <= 0)
        {
            return null;
        }

        var key = option[..separator];
        return key.Equals("ProxyCommand", StringComparison.OrdinalIgnoreCase)
            || key.Equals("LocalCommand", StringComparison.OrdinalIgnoreCase)
            || key.Equals("KnownHostsCommand", StringComparison.OrdinalIgnoreCase)
            ? option[(separator + 1)..]
            : null;
    }

    /// <summary>Vim runs <c>:!cmd</c> (and <c>!cmd</c>) through the shell.</summary>
    private static string? VimCode(string command)
    {
        var trimmed = command.TrimStart(':', ' ');
        return trimmed.StartsWith('!') ? trimmed[1..] : null;
    }
}
