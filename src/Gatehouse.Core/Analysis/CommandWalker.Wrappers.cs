using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Programs that run another program: privilege and scheduling wrappers, environment setters,
/// package runners, and remote executors. Each is peeled off and the inner command judged.
/// </summary>
internal sealed partial class CommandWalker
{
    private static readonly string[] SudoValueOptions = ["-u", "-g", "-h", "-p", "-C", "-U", "-r", "-t", "-D", "-R", "-T", "--user", "--group", "--host", "--prompt", "--close-from", "--other-user", "--role", "--type", "--chdir", "--chroot", "--command-timeout"];
    private static readonly string[] TimeValueOptions = ["-f", "-o", "--format", "--output"];
    private static readonly string[] NiceValueOptions = ["-n", "--adjustment"];
    private static readonly string[] IoniceValueOptions = ["-c", "-n", "--class", "--classdata"];
    private static readonly string[] TimeoutValueOptions = ["-s", "-k", "--signal", "--kill-after"];
    private static readonly string[] ExecValueOptions = ["-a"];
    private static readonly string[] StdbufValueOptions = ["-i", "-o", "-e", "--input", "--output", "--error"];
    private static readonly string[] FlockValueOptions = ["-w", "-E", "--timeout", "--conflict-exit-code"];
    private static readonly string[] StraceValueOptions = ["-o", "-e", "-p", "-s", "-u", "-E", "-O", "-S", "-P", "-X", "-b", "-a"];
    private static readonly string[] CaffeinateValueOptions = ["-t", "-w"];
    private static readonly string[] NpxValueOptions = ["-p", "--package", "--node-options"];
    private static readonly string[] UvRunValueOptions = ["--with", "--python", "-p", "--env-file", "--directory", "--project", "--package", "--group", "--extra", "--index", "--index-url"];
    private static readonly string[] CondaRunValueOptions = ["-n", "--name", "-p", "--prefix", "--cwd"];
    private static readonly string[] SshValueOptions = ["-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w", "-B"];
    private static readonly string[] DockerExecValueOptions = ["-u", "--user", "-w", "--workdir", "-e", "--env", "--env-file", "--detach-keys", "--index"];
    private static readonly string[] KubectlGlobalValueOptions = ["-n", "--namespace", "--context", "--cluster", "--kubeconfig", "--user", "-c", "--container", "-s", "--server", "--token", "--as", "-f", "--filename", "--pod-running-timeout"];

    /// <summary>Package runners that run a tool of the project (<c>npx prisma migrate reset</c>, <c>bundle exec rails db:drop</c>).</summary>
    private static readonly HashSet<string> ScriptRunnerVerbs = new(StringComparer.Ordinal) { "exec", "dlx", "x" };

    private bool TryInvokeWrapper(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        switch (program)
        {
            case "sudo" or "doas" or "pkexec" or "run0":
                var sudoStart = SkipOptions(arguments, 0, SudoValueOptions);
                if (sudoStart < arguments.Count && arguments.Take(sudoStart).Any(a => a.StaticValue is { } o && IsShellOption(o)))
                {
                    // sudo -s/-i CMD runs CMD through the target user's shell: the words are shell code.
                    ReparseJoined(arguments, sudoStart, scope.Enter(program + " -s"));
                    return true;
                }

                InvokeAfterOptions(arguments, sudoStart, origin, stdin, scope.Enter(program), interactiveMeaning: "opens a root shell");
                return true;
            case "nohup" or "builtin" or "setsid" or "unbuffer" or "catchsegv" or "nocache" or "proxychains" or "proxychains4" or "torsocks" or "tsocks":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, []), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "time":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, TimeValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "nice":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, NiceValueOptions, numericOptions: true), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "ionice":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, IoniceValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "timeout":
                // timeout [options] DURATION COMMAND…
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, TimeoutValueOptions) + 1, origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "command":
                var commandStart = SkipOptions(arguments, 0, []);
                if (arguments.Take(commandStart).Any(a => a.StaticValue is "-v" or "-V"))
                {
                    // `command -v rm` only looks the name up.
                    return true;
                }

                InvokeAfterOptions(arguments, commandStart, origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "exec":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, ExecValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "stdbuf":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, StdbufValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "chroot" or "taskset":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, ["--userspec", "--groups"]) + 1, origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "strace" or "ltrace":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, StraceValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "caffeinate":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, CaffeinateValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "flock":
                InvokeFlock(arguments, origin, stdin, scope.Enter(program));
                return true;
            case "su" or "runuser":
                InvokeSu(program, arguments, origin, stdin, scope.Enter(program));
                return true;
            case "watch":
                InvokeWatch(arguments, origin, scope.Enter(program));
                return true;
            case "env":
                InvokeEnv(arguments, origin, stdin, scope);
                return true;
            case "xargs":
                InvokeXargs(arguments, origin, stdin, scope.Enter(program));
                return true;
            case "parallel":
                InvokeParallel(arguments, origin, scope.Enter(program));
                return true;
            case "npx" or "bunx" or "pnpx" when CallOption(arguments, 0) is { } call:
                ReparseWord(call, scope.Enter(program + " -c"));
                return true;
            case "npx" or "bunx" or "pnpx":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 0, NpxValueOptions), origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "bundle" or "poetry" or "pipenv" or "pdm" or "rye" or "hatch" when arguments.Count > 0 && arguments[0].StaticValue is "exec" or "run":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 1, []), origin, stdin, scope.Enter(program + " " + arguments[0].Text), interactiveMeaning: null);
                return true;
            case "uv" when arguments.Count > 0 && arguments[0].StaticValue is "run":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 1, UvRunValueOptions), origin, stdin, scope.Enter("uv run"), interactiveMeaning: null);
                return true;
            case "conda" or "mamba" or "micromamba" when arguments.Count > 0 && arguments[0].StaticValue is "run":
                InvokeAfterOptions(arguments, SkipOptions(arguments, 1, CondaRunValueOptions), origin, stdin, scope.Enter(program + " run"), interactiveMeaning: null);
                return true;
            case "npm" or "pnpm" or "yarn" when arguments.Count > 0 && arguments.Any(a => a.StaticValue is "exec" or "x" or "dlx") && CallOption(arguments, 1) is { } npmCall:
                // npm exec -c 'cmd' runs cmd through a shell.
                ReparseWord(npmCall, scope.Enter(program + " exec -c"));
                return true;
            case "npm" or "pnpm" or "yarn" or "bun" when IsPackageRunnerExec(program, arguments, out var toolIndex):
                InvokeAfterOptions(arguments, toolIndex, origin, stdin, scope.Enter(program), interactiveMeaning: null);
                return true;
            case "dotenv" or "dotenvx" or "doppler" or "op" or "infisical" or "aws-vault" or "with-contenv" or "envchain" when DoubleDashIndex(arguments) >= 0:
                var dash = DoubleDashIndex(arguments);
                var runnerScope = scope.Enter(program);
                if (program == "aws-vault" && arguments.Count > 1 && arguments[0].StaticValue == "exec")
                {
                    runnerScope = runnerScope.WithHint(arguments[1].Text);
                }

                InvokeAfterOptions(arguments, dash + 1, origin, stdin, runnerScope, interactiveMeaning: null);
                return true;
            case "direnv" when arguments.Count > 2 && arguments[0].StaticValue == "exec":
                InvokeAfterOptions(arguments, 2, origin, stdin, scope.Enter("direnv exec"), interactiveMeaning: null);
                return true;
            case "ssh":
                InvokeSsh(arguments, origin, stdin, scope);
                return true;
            case "kubectl" or "oc" when TryFindKubectlExec(arguments, out var execStart, out var kubeHints):
                var kubeScope = scope.Enter(program + " exec") with { Remote = true };
                foreach (var hint in kubeHints)
                {
                    kubeScope = kubeScope.WithHint(hint);
                }

                InvokeAfterOptions(arguments, execStart, origin, StdinSource.None, kubeScope, interactiveMeaning: "opens a shell in a pod");
                return true;
            case "docker" or "podman" or "nerdctl" when TryFindContainerRun(arguments, out var runCommand):
                // The command runs in a fresh container; with host paths or volumes mounted it reaches real data.
                InvokeContainerRun(program, arguments, runCommand, origin, scope);
                return true;
            case "docker" or "podman" when TryFindContainerExec(arguments, out var containerCommand):
                InvokeAfterOptions(arguments, containerCommand, origin, StdinSource.None, scope.Enter(program + " exec") with { Remote = true }, interactiveMeaning: "opens a shell in a container");
                return true;
            case "heroku" when arguments.Count > 1 && arguments[0].StaticValue is "run" or "run:detached":
                InvokeRemoteCommandLine(arguments, 1, ["-a", "--app", "-r", "--remote", "-s", "--size", "-e", "--env", "--type"], "heroku run", origin, scope);
                return true;
            case "railway" when arguments.Count > 1 && arguments[0].StaticValue is "run":
                InvokeRemoteCommandLine(arguments, 1, ["-e", "--environment", "-s", "--service"], "railway run", origin, scope);
                return true;
            case "busybox" when arguments.Count > 0:
                InvokeWords(arguments, origin, stdin, scope.Enter(program));
                return true;
            default:
                return false;
        }
    }

    private static bool IsVariableName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsShellOption(string option) =>
        option is "--shell" or "--login" || (option.Length > 1 && option[0] == '-' && option[1] != '-' && option.AsSpan(1).IndexOfAny("si") >= 0);

    /// <summary>
    /// Index of the first word that is not an option. Options that take a value skip it too; <c>--</c> ends options.
    /// With <paramref name="numericOptions"/>, <c>-10</c> style options (nice) are options too.
    /// </summary>
    private static int SkipOptions(IReadOnlyList<Word> arguments, int start, string[] valueOptions, bool numericOptions = false)
    {
        var i = start;
        while (i < arguments.Count)
        {
            var value = arguments[i].StaticValue;
            if (value is null || value.Length < 2 || value[0] != '-')
            {
                return i;
            }

            if (value == "--")
            {
                return i + 1;
            }

            if (numericOptions && char.IsAsciiDigit(value[1]))
            {
                i++;
                continue;
            }

            i += Array.IndexOf(valueOptions, value) >= 0 ? 2 : 1;
        }

        return i;
    }

    /// <summary>The word after <c>-c</c>/<c>--call</c>, which package runners run through a shell.</summary>
    private static Word? CallOption(IReadOnlyList<Word> arguments, int start)
    {
        for (var i = start; i + 1 < arguments.Count; i++)
        {
            if (arguments[i].StaticValue is "-c" or "--call")
            {
                return arguments[i + 1];
            }
        }

        return null;
    }

    private static int DoubleDashIndex(IReadOnlyList<Word> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StaticValue == "--")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Runs <c>arguments[start..]</c> as a command; with none left, the wrapper itself is what runs.</summary>
    private void InvokeAfterOptions(IReadOnlyList<Word> arguments, int start, SimpleCommand origin, StdinSource stdin, WalkScope scope, string? interactiveMeaning)
    {
        if (start < arguments.Count)
        {
            InvokeWords(Slice(arguments, start), origin, stdin, scope);
        }
        else if (interactiveMeaning is not null)
        {
            Emit(ActionFactory.Simple("shell", "gatehouse.interactive-shell", Verb.Execute, "shell", null, Risk.Medium, true, interactiveMeaning), scope);
        }
    }

    private void InvokeFlock(IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        // flock [options] FILE (-c COMMAND | COMMAND…)
        var index = SkipOptions(arguments, 0, FlockValueOptions) + 1;
        if (index < arguments.Count && arguments[index].StaticValue is "-c" or "--command" && index + 1 < arguments.Count)
        {
            ReparseWord(arguments[index + 1], scope);
            return;
        }

        InvokeAfterOptions(arguments, index, origin, stdin, scope, interactiveMeaning: null);
    }

    private void InvokeSu(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StaticValue is "-c" or "--command" && i + 1 < arguments.Count)
            {
                ReparseWord(arguments[i + 1], scope);
                return;
            }
        }

        var dash = DoubleDashIndex(arguments);
        if (program == "runuser" && dash >= 0)
        {
            InvokeAfterOptions(arguments, dash + 1, origin, stdin, scope, interactiveMeaning: null);
            return;
        }

        Emit(ActionFactory.Simple(program, "gatehouse.interactive-shell", Verb.Execute, "shell", null, Risk.Medium, true, "opens a shell as another user"), scope);
    }

    /// <summary><c>watch</c> joins its arguments and runs them with <c>sh -c</c> (unless <c>-x</c>).</summary>
    private void InvokeWatch(IReadOnlyList<Word> arguments, SimpleCommand origin, WalkScope scope)
    {
        var start = SkipOptions(arguments, 0, ["-n", "--interval", "-q", "--equexit"]);
        if (arguments.Take(start).Any(a => a.StaticValue is "-x" or "--exec"))
        {
            InvokeAfterOptions(arguments, start, origin, StdinSource.None, scope, interactiveMeaning: null);
            return;
        }

        ReparseJoined(arguments, start, scope);
    }

    private void InvokeEnv(IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        var envScope = scope.Enter("env");
        var i = 0;
        while (i < arguments.Count)
        {
            var value = arguments[i].StaticValue;
            if (value is "-S" or "--split-string" && i + 1 < arguments.Count)
            {
                // env -S splits one string into the command and its arguments.
                ReparseJoined(arguments, i + 1, envScope);
                return;
            }

            if (value is "-u" or "--unset" or "-C" or "--chdir")
            {
                i += 2;
                continue;
            }

            if (value is "--")
            {
                i++;
                break;
            }

            if (value is { Length: > 1 } option && option[0] == '-')
            {
                i++;
                continue;
            }

            // NAME=VALUE, where VALUE may be dynamic (PATH=$PATH): the name part is what makes it an assignment.
            var assignment = ResolveWord(arguments[i]) ?? (arguments[i].Parts is [LiteralPart first, ..] && first.Text.Contains('=', StringComparison.Ordinal) ? arguments[i].Text : null);
            var equals = assignment?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (equals > 0 && IsVariableName(assignment.AsSpan(0, equals)))
            {
                if (IsEnvironmentBearing(assignment![..equals]))
                {
                    envScope = envScope.WithHint(assignment[(equals + 1)..]);
                }

                WalkCodeBearingAssignment(assignment[..equals], assignment[(equals + 1)..], envScope);

                i++;
                continue;
            }

            break;
        }

        if (i < arguments.Count)
        {
            InvokeWords(Slice(arguments, i), origin, stdin, envScope);
            return;
        }

        Emit(
            ActionFactory.Simple("env", "gatehouse.environment-dump", Verb.Read, "credential", "environment", Risk.Medium, true, "prints every environment variable, secrets included", Tags.CredentialAccess),
            scope);
    }

    private void InvokeSsh(IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        var hostIndex = SkipOptions(arguments, 0, SshValueOptions);
        if (hostIndex >= arguments.Count)
        {
            Emit(ActionFactory.Simple("ssh", "gatehouse.ssh", Verb.Read, "host", null, Risk.None, true, "ssh without a host only prints usage"), scope);
            return;
        }

        var host = arguments[hostIndex].Text;
        var remoteScope = scope.Enter("ssh") with { Remote = true };
        remoteScope = remoteScope.WithHint(host);
        var commandStart = hostIndex + 1;
        if (commandStart < arguments.Count && arguments[commandStart].StaticValue == "--")
        {
            commandStart++;
        }

        var input = ResolveStdin(origin.Redirections, stdin);
        if (commandStart < arguments.Count)
        {
            // ssh joins the remaining words with spaces and the remote shell parses the result.
            ReparseJoined(arguments, commandStart, remoteScope);
            if (input.Kind == StdinKind.Literal && IsBareShell(arguments, commandStart))
            {
                // ssh host bash <<'EOF' … EOF: the remote shell runs what ssh feeds it.
                Reparse(input.Text!, remoteScope);
            }

            return;
        }

        if (input.Kind == StdinKind.Literal)
        {
            Reparse(input.Text!, remoteScope);
            return;
        }

        var risk = input.Kind == StdinKind.Unknown ? Risk.High : Risk.Medium;
        Emit(ActionFactory.Simple("ssh", "gatehouse.remote-shell", Verb.Execute, "host", host, risk, true, $"opens a shell on {host}", Tags.Remote), remoteScope with { Path = scope.Path });
    }

    /// <summary><c>bash</c>, <c>sh -s</c>, <c>sudo bash</c>: a remote command that reads its script from standard input.</summary>
    private static bool IsBareShell(IReadOnlyList<Word> arguments, int start)
    {
        var i = start;
        while (i < arguments.Count && arguments[i].StaticValue is "sudo" or "-u" or "-i" or "-s" or "--")
        {
            i += arguments[i].StaticValue == "-u" ? 2 : 1;
        }

        if (i >= arguments.Count || arguments[i].StaticValue is not { } name || !Shells.Contains(ProgramName(name)))
        {
            return false;
        }

        for (var k = i + 1; k < arguments.Count; k++)
        {
            if (arguments[k].StaticValue is not ("-s" or "-l" or "--login" or "-e" or "-x" or "-"))
            {
                return false;
            }
        }

        return true;
    }

    private void InvokeRemoteCommandLine(IReadOnlyList<Word> arguments, int start, string[] valueOptions, string segment, SimpleCommand origin, WalkScope scope)
    {
        var remoteScope = scope.Enter(segment) with { Remote = true };
        var words = new List<Word>();
        for (var i = start; i < arguments.Count; i++)
        {
            var value = arguments[i].StaticValue;
            if (value is not null && Array.IndexOf(valueOptions, value) >= 0 && i + 1 < arguments.Count)
            {
                remoteScope = remoteScope.WithHint(arguments[i + 1].Text);
                i++;
                continue;
            }

            if (value == "--")
            {
                continue;
            }

            words.Add(arguments[i]);
        }

        if (words.Count == 0)
        {
            Emit(ActionFactory.Simple(segment, "gatehouse.interactive-shell", Verb.Execute, "shell", null, Risk.Medium, true, "opens a remote shell"), remoteScope);
            return;
        }

        if (words.Count == 1)
        {
            ReparseWord(words[0], remoteScope);
            return;
        }

        InvokeWords(words, origin, StdinSource.None, remoteScope);
    }

    private bool IsPackageRunnerExec(string program, IReadOnlyList<Word> arguments, out int toolIndex)
    {
        toolIndex = -1;
        var first = SkipOptions(arguments, 0, ["-C", "--dir", "--prefix", "--filter", "-F", "--cwd", "-w", "--workspace"]);
        if (first >= arguments.Count || arguments[first].StaticValue is not { } verb)
        {
            return false;
        }

        if (ScriptRunnerVerbs.Contains(verb) || (program == "bun" && verb == "run" && first + 1 < arguments.Count && IsCatalogTool(arguments[first + 1])))
        {
            toolIndex = SkipOptions(arguments, first + 1, NpxValueOptions);
            return toolIndex < arguments.Count;
        }

        // `yarn prisma migrate reset`, `pnpm drizzle-kit push`: the package manager runs a project binary by name.
        if (program is "yarn" or "pnpm" or "bun" && IsCatalogTool(arguments[first]))
        {
            toolIndex = first;
            return true;
        }

        return false;
    }

    private bool IsCatalogTool(Word word) => word.StaticValue is { } name && _catalog.Knows(name);

    private static bool TryFindKubectlExec(IReadOnlyList<Word> arguments, out int commandStart, out List<string> hints)
    {
        hints = [];
        commandStart = -1;
        var sawExec = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].StaticValue;
            if (value is "--context" or "-n" or "--namespace" or "--cluster" && i + 1 < arguments.Count)
            {
                hints.Add(arguments[i + 1].Text);
            }
            else if (value is not null && (value.StartsWith("--context=", StringComparison.Ordinal) || value.StartsWith("--namespace=", StringComparison.Ordinal)))
            {
                hints.Add(value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }

            if (!sawExec && value == "exec")
            {
                sawExec = true;
            }
            else if (sawExec && value == "--")
            {
                commandStart = i + 1;
                return true;
            }
            else if (!sawExec && value is not null && value[0] != '-' && i > 0 && Array.IndexOf(KubectlGlobalValueOptions, arguments[i - 1].StaticValue) < 0)
            {
                // The first positional is the subcommand; anything but exec is not ours.
                return false;
            }
        }

        return false;
    }

    private static readonly string[] ContainerRunValueOptions =
    [
        "-v", "--volume", "-e", "--env", "--env-file", "-p", "--publish", "-w", "--workdir", "-u", "--user", "--name",
        "--network", "--net", "-m", "--memory", "--cpus", "--entrypoint", "--mount", "-l", "--label", "--label-file",
        "-h", "--hostname", "--add-host", "--dns", "--restart", "--log-driver", "--log-opt", "--platform", "--pull",
        "--gpus", "--device", "--cap-add", "--cap-drop", "--security-opt", "--ulimit", "--tmpfs", "--shm-size", "--ipc",
        "--pid", "--stop-signal", "--cidfile", "--volumes-from", "--link", "--expose", "--health-cmd", "-a", "--attach",
        "--cpu-shares", "-c", "--memory-swap", "--runtime", "--userns", "--uts", "--cgroupns", "--group-add", "--ip",
        "--mac-address", "--network-alias", "--stop-timeout", "--workdir", "--detach-keys", "--init-path", "--isolation",
        "--service-ports", "--no-deps",
    ];

    /// <summary><c>docker run [options] IMAGE COMMAND…</c> and <c>docker compose run [options] SERVICE COMMAND…</c>.</summary>
    private static bool TryFindContainerRun(IReadOnlyList<Word> arguments, out int commandStart)
    {
        commandStart = -1;
        var i = 0;
        if (i < arguments.Count && arguments[i].StaticValue is "compose" or "container")
        {
            i++;
        }

        if (i >= arguments.Count || arguments[i].StaticValue != "run")
        {
            return false;
        }

        var image = SkipOptions(arguments, i + 1, ContainerRunValueOptions);
        commandStart = image + 1;
        return commandStart < arguments.Count;
    }

    private static bool TryFindContainerExec(IReadOnlyList<Word> arguments, out int commandStart)
    {
        commandStart = -1;
        var i = 0;
        if (i < arguments.Count && arguments[i].StaticValue is "compose" or "container")
        {
            i++;
        }

        if (i >= arguments.Count || arguments[i].StaticValue != "exec")
        {
            return false;
        }

        // docker exec [options] CONTAINER COMMAND…
        var target = SkipOptions(arguments, i + 1, DockerExecValueOptions);
        commandStart = target + 1;
        return target < arguments.Count;
    }
}
