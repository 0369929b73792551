using System.Text;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>Code that runs as shell code: <c>bash -c</c>, a shell reading a pipe, <c>eval</c>, <c>source</c>.</summary>
internal sealed partial class CommandWalker
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "tcsh", "csh", "yash", "posh", "rbash",
    };

    /// <summary>
    /// Programs whose output is shell set-up (variables, functions, completions) meant to be eval'ed:
    /// <c>eval "$(ssh-agent -s)"</c> is everyday work, <c>eval "$(curl …)"</c> is not.
    /// </summary>
    private static readonly HashSet<string> SetupPrinters = new(StringComparer.Ordinal)
    {
        "ssh-agent", "direnv", "pyenv", "rbenv", "nodenv", "goenv", "jenv", "plenv", "conda", "micromamba", "mamba",
        "brew", "starship", "zoxide", "fnm", "opam", "keychain", "gpg-agent", "dircolors", "thefuck", "mise", "rtx",
        "asdf", "minikube", "docker-machine", "kubectl", "helm", "gh", "npm", "pip", "rustup", "poetry", "uv", "just",
        "atuin", "navi", "mcfly", "oh-my-posh", "batman", "luarocks", "perl", "locale", "tabtab", "register-python-argcomplete",
    };

    private bool TryInvokeShell(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        if (Shells.Contains(program))
        {
            InvokeShell(program, arguments, origin, stdin, scope);
            return true;
        }

        switch (program)
        {
            case "eval":
                InvokeEval(arguments, scope);
                return true;
            case "source" or ".":
                InvokeSource(program, arguments, origin, stdin, scope);
                return true;
            default:
                return false;
        }
    }

    private void InvokeShell(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        var commandMode = false;
        var readsStdin = false;
        var i = 0;
        while (i < arguments.Count)
        {
            var value = arguments[i].StaticValue;
            if (value is null || value.Length < 2 || (value[0] != '-' && value[0] != '+'))
            {
                break;
            }

            if (value == "--")
            {
                i++;
                break;
            }

            if (value is "-o" or "+o" or "-O" or "+O" or "--rcfile" or "--init-file")
            {
                i += 2;
                continue;
            }

            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                commandMode |= value == "--command";
                i++;
                continue;
            }

            // Bundled short options: -c, -lc, -ec, -xc…
            commandMode |= value.Contains('c', StringComparison.Ordinal);
            readsStdin |= value.Contains('s', StringComparison.Ordinal);
            i++;
        }

        var shellScope = scope.Enter(program + (commandMode ? " -c" : string.Empty));
        if (commandMode)
        {
            if (i < arguments.Count)
            {
                // Words after the -c string become $0, $1, … and "$@" inside it.
                var saved = SetPositionalParameters(arguments, i + 1);
                ReparseWord(arguments[i], shellScope);
                RestoreVariables(saved);
            }

            return;
        }

        if (i < arguments.Count && !readsStdin)
        {
            InvokeScriptFile(program, arguments[i], shellScope);
            return;
        }

        var input = ResolveStdin(origin.Redirections, stdin);
        switch (input.Kind)
        {
            case StdinKind.Literal:
                Reparse(input.Text!, shellScope);
                break;
            case StdinKind.None:
                Emit(ActionFactory.Simple(program, "gatehouse.interactive-shell", Verb.Execute, "shell", null, Risk.Medium, true, "starts an interactive shell"), scope);
                break;
            default:
                Emit(
                    ActionFactory.Opaque(program, "gatehouse.pipe-to-shell", $"feeds {input.Origin} into {program}; what it runs cannot be seen"),
                    scope);
                break;
        }
    }

    private Dictionary<string, string?> SetPositionalParameters(IReadOnlyList<Word> arguments, int start)
    {
        var saved = new Dictionary<string, string?>(StringComparer.Ordinal);
        var values = new List<string>();
        for (var k = start; k < arguments.Count; k++)
        {
            values.Add(ResolveWord(arguments[k]) ?? arguments[k].Text);
        }

        void Set(string name, string? value)
        {
            saved.TryAdd(name, _variables.TryGetValue(name, out var old) ? old : null);
            if (value is null)
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }

        for (var k = 0; k < Math.Min(values.Count, 10); k++)
        {
            Set(k.ToString(System.Globalization.CultureInfo.InvariantCulture), values[k]);
        }

        var rest = values.Count > 1 ? string.Join(' ', values.Skip(1)) : null;
        Set("@", rest);
        Set("*", rest);
        return saved;
    }

    private void RestoreVariables(Dictionary<string, string?> saved)
    {
        foreach (var (name, value) in saved)
        {
            if (value is null)
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }
    }

    private void InvokeScriptFile(string program, Word path, WalkScope scope)
    {
        if (path.Parts is [ProcessSubstitutionPart process])
        {
            // sh <(echo …) runs what the substitution prints.
            var output = StaticOutput(process.Body);
            if (output is not null)
            {
                Reparse(output, scope);
            }
            else
            {
                Emit(ActionFactory.Opaque(program, "gatehouse.script-from-substitution", $"runs a script produced at run time by {program} <(…)"), scope);
            }

            return;
        }

        var name = ResolveWord(path);
        if (name is not null && _writtenFiles.TryGetValue(NormalizeFilePath(name), out var content))
        {
            Reparse(content, scope);
            return;
        }

        Emit(
            ActionFactory.Simple(program, "gatehouse.shell-script", Verb.Execute, "script", name ?? path.Text, Risk.Low, true, $"runs the script {path.Text}, whose content is not part of the command"),
            scope);
    }

    private void InvokeEval(IReadOnlyList<Word> arguments, WalkScope scope)
    {
        var evalScope = scope.Enter("eval");
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            var value = ResolveWord(argument);
            if (value is null)
            {
                if (IsSetupPrinterOutput(argument, out var printer))
                {
                    Emit(ActionFactory.Simple("eval", "gatehouse.eval-setup", Verb.Execute, "shell", printer, Risk.Low, true, $"evaluates the shell set-up printed by {printer}"), evalScope);
                    continue;
                }

                Emit(ActionFactory.Opaque("eval", "gatehouse.eval-dynamic", $"evaluates code that is only known at run time ({argument.Text})"), scope);
                return;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(value);
        }

        if (builder.Length > 0)
        {
            Reparse(builder.ToString(), evalScope);
        }
    }

    private void InvokeSource(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        var path = arguments[0];
        if (path.StaticValue is "/dev/stdin" or "-" or "/proc/self/fd/0" or "/dev/fd/0")
        {
            // `. /dev/stdin <<< 'code'`: the code is whatever is fed in.
            var fed = ResolveStdin(origin.Redirections, stdin);
            if (fed.Kind == StdinKind.Literal)
            {
                Reparse(fed.Text!, scope.Enter(program));
            }
            else if (fed.Kind == StdinKind.Unknown)
            {
                Emit(ActionFactory.Opaque(program, "gatehouse.source-dynamic", $"sources code from {fed.Origin}, which cannot be seen"), scope);
            }

            return;
        }

        if (path.Parts is [ProcessSubstitutionPart process])
        {
            // source <(kubectl completion bash): like eval of that program's output.
            var output = StaticOutput(process.Body);
            if (output is not null)
            {
                Reparse(output, scope.Enter(program));
            }
            else if (!IsSetupPrinterScript(process.Body, out _))
            {
                Emit(ActionFactory.Opaque(program, "gatehouse.source-dynamic", "sources code produced at run time"), scope);
            }

            return;
        }

        InvokeScriptFile(program, path, scope.Enter(program));
    }

    /// <summary>Re-parses one word as shell code: a <c>-c</c> string, an ssh command, a <c>su -c</c> argument.</summary>
    private void ReparseWord(Word word, WalkScope scope)
    {
        var code = ResolveWord(word);
        if (code is not null)
        {
            Reparse(code, scope);
            return;
        }

        if (IsSetupPrinterOutput(word, out var printer))
        {
            Emit(ActionFactory.Simple("shell", "gatehouse.eval-setup", Verb.Execute, "shell", printer, Risk.Low, true, $"runs the shell set-up printed by {printer}"), scope);
            return;
        }

        Emit(ActionFactory.Opaque("shell", "gatehouse.dynamic-code", $"runs shell code that is only known at run time ({word.Text})"), scope);
    }

    /// <summary>Joins words with spaces and parses the result, as ssh, watch and <c>env -S</c> do.</summary>
    private void ReparseJoined(IReadOnlyList<Word> arguments, int start, WalkScope scope)
    {
        var builder = new StringBuilder();
        for (var i = start; i < arguments.Count; i++)
        {
            var value = ResolveWord(arguments[i]);
            if (value is null)
            {
                Emit(ActionFactory.Opaque("shell", "gatehouse.dynamic-code", $"runs shell code that is only known at run time ({arguments[i].Text})"), scope);
                return;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(value);
        }

        if (builder.Length > 0)
        {
            Reparse(builder.ToString(), scope);
        }
    }

    private static bool IsSetupPrinterOutput(Word word, out string printer)
    {
        printer = string.Empty;
        var found = false;
        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case LiteralPart:
                    continue;
                case CommandSubstitutionPart substitution when IsSetupPrinterScript(substitution.Body, out var name):
                    printer = name;
                    found = true;
                    continue;
                default:
                    return false;
            }
        }

        return found;
    }

    private static bool IsSetupPrinterScript(Script script, out string printer)
    {
        printer = string.Empty;
        if (script.Statements is not [{ Body: { Rest.Count: 0, First.Commands: [SimpleCommand { Words.Count: > 0 } command] } }])
        {
            return false;
        }

        var name = command.Words[0].StaticValue;
        if (name is null)
        {
            return false;
        }

        printer = ProgramName(name);
        return SetupPrinters.Contains(printer);
    }
}
