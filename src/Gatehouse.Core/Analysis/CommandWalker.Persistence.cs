using System.Text.Json;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Code written now to run later: shell start-up files, git hooks, cron tables, package scripts,
/// Makefile recipes and tee'd scripts. Writing such a file is judged by what it plants.
/// </summary>
internal sealed partial class CommandWalker
{
    private static readonly HashSet<string> StartupFiles = new(StringComparer.Ordinal)
    {
        ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".zlogout",
        ".kshrc", ".mkshrc", "config.fish", ".envrc", ".bash_logout", "rc.local",
    };

    /// <summary>Remembers content written to <paramref name="path"/> and judges it when the file is one that runs by itself.</summary>
    private void RecordWrittenFile(string path, string content, bool append, WalkScope scope)
    {
        var key = NormalizeFilePath(path);
        _writtenFiles[key] = append && _writtenFiles.TryGetValue(key, out var earlier) ? earlier + content : content;
        JudgePlantedCode(key, content, scope);
    }

    /// <summary>npm runs these by itself during <c>npm install</c>: writing them is as good as running them.</summary>
    private static readonly HashSet<string> LifecycleScripts = new(StringComparer.Ordinal)
    {
        "preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare", "prepublish", "preuninstall", "uninstall", "postuninstall", "dependencies",
    };

    /// <summary>
    /// Files that run by themselves (start-up files, git hooks, cron, npm install hooks) are judged when written.
    /// Makefiles, compose files and other package scripts are ordinary project files until this same line runs them.
    /// </summary>
    private void JudgePlantedCode(string path, string content, WalkScope scope)
    {
        var name = ProgramName(path);
        var plantScope = scope.Enter("writes " + name);
        if (StartupFiles.Contains(name) || path.Contains(".git/hooks/", StringComparison.Ordinal) || path.StartsWith("/etc/profile.d/", StringComparison.Ordinal)
            || path.StartsWith("/etc/cron", StringComparison.Ordinal) || path.Contains("/autostart/", StringComparison.Ordinal))
        {
            Reparse(content, plantScope);
        }
        else if (name == "package.json")
        {
            JudgePackageScripts(content, plantScope, onlyLifecycle: true);
        }
    }

    /// <summary>make, docker compose and npm/yarn/pnpm/bun run what this line wrote into their files: judge it now.</summary>
    private void JudgeWrittenProjectFiles(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        if (_writtenFiles.Count == 0)
        {
            return;
        }

        var first = arguments.Count > 0 ? arguments[0].StaticValue : null;
        foreach (var (path, content) in _writtenFiles)
        {
            var name = ProgramName(path);
            if (program is "make" or "gmake" && (name is "Makefile" or "makefile" or "GNUmakefile" || name.EndsWith(".mk", StringComparison.Ordinal)))
            {
                JudgeMakefile(content, scope.Enter("make"));
            }
            else if (program is "npm" or "yarn" or "pnpm" or "bun" && name == "package.json")
            {
                JudgePackageScripts(content, scope.Enter(program), onlyLifecycle: false);
            }
            else if ((program is "docker-compose" or "podman-compose" || (program is "docker" or "podman" && first == "compose"))
                && (name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose.", StringComparison.Ordinal)))
            {
                JudgeComposeCommands(content, scope.Enter("compose"));
            }
        }
    }

    /// <summary>Recipe lines (tab-indented) are shell commands; <c>@</c> and <c>-</c> prefixes only change echo and error handling.</summary>
    private void JudgeMakefile(string content, WalkScope scope)
    {
        foreach (var line in content.Split('\n'))
        {
            if (line.Length > 1 && line[0] == '\t')
            {
                Reparse(line[1..].TrimStart('@', '-', '+', ' '), scope);
            }
        }
    }

    private void JudgePackageScripts(string content, WalkScope scope, bool onlyLifecycle)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("scripts", out var scripts)
                && scripts.ValueKind == JsonValueKind.Object)
            {
                foreach (var script in scripts.EnumerateObject())
                {
                    if (script.Value.ValueKind == JsonValueKind.String && (!onlyLifecycle || LifecycleScripts.Contains(script.Name)))
                    {
                        Reparse(script.Value.GetString()!, scope.Enter("scripts." + script.Name));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON npm could read: npm fails before running any script.
        }
    }

    /// <summary><c>command:</c> and <c>entrypoint:</c> values in a compose file run in the service's container.</summary>
    private void JudgeComposeCommands(string content, WalkScope scope)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            foreach (var key in (string[])["command:", "entrypoint:"])
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var value = line[key.Length..].Trim();
                    if (value.Length > 1 && value[0] is '"' or '\'' && value[^1] == value[0])
                    {
                        value = value[1..^1];
                    }

                    if (value.Length > 0 && value[0] != '[')
                    {
                        Reparse(value, scope with { Remote = true });
                    }
                }
            }
        }
    }

    /// <summary><c>crontab -</c> or <c>crontab FILE</c> installs jobs: each line after its schedule is a command.</summary>
    private void JudgeCrontab(IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        var source = arguments.FirstOrDefault(a => a.StaticValue is { } v && (v == "-" || v[0] != '-'));
        if (source is null)
        {
            return;
        }

        var content = source.StaticValue == "-" ? ResolveStdin(origin.Redirections, stdin) : FileContent(source);
        if (content.Text is null)
        {
            // Nothing of the new table is visible (e.g. only the old table, piped back): judge what we can, which is nothing.
            return;
        }

        foreach (var raw in content.Text!.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || (line.Contains('=', StringComparison.Ordinal) && !line.Contains(' ', StringComparison.Ordinal)))
            {
                continue;
            }

            var fields = line[0] == '@' ? 1 : 5;
            var rest = line;
            for (var f = 0; f < fields && rest.Length > 0; f++)
            {
                var space = rest.IndexOfAny([' ', '\t']);
                rest = space < 0 ? string.Empty : rest[(space + 1)..].TrimStart();
            }

            if (rest.Length > 0)
            {
                Reparse(rest, scope.Enter("crontab"));
            }
        }
    }

    /// <summary><c>make -f -</c> or <c>make -f /dev/stdin</c> reads its rules from standard input (a file is judged by <see cref="JudgeWrittenProjectFiles"/>).</summary>
    private void JudgeMakeInput(IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StaticValue is { } eval && eval.StartsWith("--eval=", StringComparison.Ordinal))
            {
                JudgeMakefile(TextDecoders.Escapes(eval["--eval=".Length..]).Replace(";", "\n\t", StringComparison.Ordinal), scope.Enter("make --eval"));
            }

            if (i + 1 < arguments.Count && arguments[i].StaticValue is "-f" or "--file" or "--makefile" && arguments[i + 1].Parts is [ProcessSubstitutionPart rules])
            {
                if (StaticOutput(rules.Body) is { } text)
                {
                    JudgeMakefile(text, scope.Enter("make"));
                }
                else
                {
                    Emit(ActionFactory.Opaque("make", "gatehouse.make-dynamic", "make reads rules produced at run time"), scope);
                }
            }

            if (i + 1 >= arguments.Count)
            {
                continue;
            }

            if (arguments[i].StaticValue is "-f" or "--file" or "--makefile" && arguments[i + 1].StaticValue is { } file)
            {
                var content = file is "-" or "/dev/stdin" ? ResolveStdin(origin.Redirections, stdin) : StdinContent.None;
                if (content.Kind == StdinKind.Literal)
                {
                    JudgeMakefile(content.Text!, scope.Enter("make"));
                }
            }
        }
    }
}
