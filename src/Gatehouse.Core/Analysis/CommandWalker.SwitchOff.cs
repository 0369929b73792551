using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Commands that switch Gatehouse off without touching a protected path: uninstalling its package, asking it to remove
/// its own hooks, or turning an agent's hooks off through the agent's own configuration command. Writes to protected
/// paths are judged by where they point (PathRisk); this covers what names no path. It runs for every executed command,
/// so <c>gatehouse check</c> and the agent hooks judge these the same way.
/// </summary>
internal sealed partial class CommandWalker
{
    private static readonly HashSet<string> PackageManagers = new(StringComparer.Ordinal)
    {
        "npm", "pnpm", "yarn", "bun", "pip", "pip3", "pipx", "uv", "poetry", "dotnet", "brew", "apt", "apt-get", "aptitude", "dnf",
        "yum", "zypper", "pacman", "apk", "snap", "cargo", "gem", "choco", "winget", "scoop", "nix-env", "port", "dpkg", "rpm",
        "volta", "mise", "asdf",
    };

    /// <summary>Package managers whose removal is an option rather than a subcommand; elsewhere <c>-e</c> and <c>-r</c> mean other things.</summary>
    private static readonly HashSet<string> OptionStylePackageManagers = new(StringComparer.Ordinal) { "pacman", "rpm", "dpkg", "nix-env", "apk" };

    /// <summary>Subcommands that remove a package or switch a program's hooks off.</summary>
    private static readonly HashSet<string> RemovalSubcommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "uninstall", "remove", "rm", "un", "r", "purge", "erase", "unlink", "del", "autoremove", "disable", "deinit", "off",
        "unhook", "unregister",
    };

    /// <summary>Options that remove a package (<c>pacman -R</c>, <c>rpm -e</c>, <c>dpkg --purge</c>) or ask a program to uninstall itself.</summary>
    private static readonly HashSet<string> RemovalOptions = new(StringComparer.Ordinal)
    {
        "-R", "-Rs", "-Rns", "-Rsn", "-Rc", "-e", "--erase", "-r", "-P", "--purge", "--remove", "--uninstall", "--disable", "--off",
    };

    private static readonly HashSet<string> AgentPrograms = new(StringComparer.Ordinal)
    {
        "claude", "codex", "gemini", "cursor-agent", "cursor", "copilot", "gh", "qwen", "opencode",
    };

    private static readonly HashSet<string> OffValues = new(StringComparer.OrdinalIgnoreCase) { "false", "0", "off", "no", "disabled", "none", "[]", "{}", "null" };

    private void CheckSwitchOff(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        var reason = string.Equals(program, "gatehouse", StringComparison.OrdinalIgnoreCase) || string.Equals(program, "gatehouse.exe", StringComparison.OrdinalIgnoreCase)
            ? (RemovesItself(arguments) ? "asks Gatehouse to remove or disable its own hooks" : null)
            : PackageManagers.Contains(program)
                ? (UninstallsGatehouse(arguments, OptionStylePackageManagers.Contains(program)) ? $"{program} uninstalls Gatehouse" : null)
                : AgentPrograms.Contains(program) && TurnsHooksOff(arguments) ? $"turns the hooks of {program} off through its configuration" : null;
        if (reason is null)
        {
            return;
        }

        Emit(ActionFactory.Simple(program, "gatehouse.switch-off", Verb.Delete, "gatehouse", program, Risk.Critical, false, reason, Tags.Tampering), scope);
    }

    /// <summary>A removal subcommand (<c>gatehouse uninstall</c>, <c>gatehouse hooks remove</c>) or option (<c>gatehouse init --uninstall</c>).</summary>
    private static bool RemovesItself(IReadOnlyList<Word> arguments)
    {
        var subcommands = 0;
        foreach (var argument in arguments)
        {
            var word = argument.StaticValue ?? argument.Text;
            if (word.StartsWith('-'))
            {
                if (word.StartsWith("--", StringComparison.Ordinal) && RemovalOptions.Contains(word.Split('=')[0]))
                {
                    return true;
                }

                continue;
            }

            // Only the command path counts: `gatehouse check 'rm x'` checks a command, it does not remove anything.
            if (subcommands++ < 2 && RemovalSubcommands.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>npm uninstall -g gatehouse</c>, <c>dotnet tool uninstall -g Gatehouse.Cli</c>, <c>pacman -R gatehouse</c>.</summary>
    private static bool UninstallsGatehouse(IReadOnlyList<Word> arguments, bool optionStyle)
    {
        var removes = false;
        var namesGatehouse = false;
        var subcommands = 0;
        foreach (var argument in arguments)
        {
            var word = argument.StaticValue ?? argument.Text;
            if (word.StartsWith('-'))
            {
                removes |= (optionStyle || word.StartsWith("--", StringComparison.Ordinal)) && RemovalOptions.Contains(word.Split('=')[0]);
                continue;
            }

            // The removal is the command path (npm uninstall, dotnet tool uninstall, yarn global remove), not a later package name.
            removes |= subcommands++ < 3 && RemovalSubcommands.Contains(word);
            namesGatehouse |= NamesGatehouse(word);
        }

        return removes && namesGatehouse;
    }

    private static bool NamesGatehouse(string word)
    {
        var name = word.StartsWith('@') && word.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? word[(slash + 1)..] : word;
        var lastSlash = name.LastIndexOf('/');
        if (lastSlash >= 0)
        {
            name = name[(lastSlash + 1)..];
        }

        var version = name.IndexOfAny(['@', '=', '<', '>', '~', '^']);
        if (version > 0)
        {
            name = name[..version];
        }

        return name.Equals("gatehouse", StringComparison.OrdinalIgnoreCase) || name.Equals("gatehouse-cli", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Gatehouse.Cli", StringComparison.OrdinalIgnoreCase) || word.StartsWith("@gatehouse/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A hook setting given an off value (<c>features.hooks=false</c>, <c>config set hooks '{}'</c>), a setting that disables
    /// every hook switched on (<c>disableAllHooks true</c>), a hooks setting removed (<c>config remove hooks</c>), or a
    /// <c>--no-hooks</c> style switch.
    /// </summary>
    private static bool TurnsHooksOff(IReadOnlyList<Word> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i].StaticValue ?? arguments[i].Text;
            if (!word.Contains("hook", StringComparison.OrdinalIgnoreCase) || word.AsSpan().IndexOfAny(" \t\n") >= 0)
            {
                // Prose (a prompt, an issue title) mentions hooks; a setting name has no spaces.
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? word[..equals] : word;
            var value = equals > 0 ? word[(equals + 1)..] : i + 1 < arguments.Count ? arguments[i + 1].StaticValue ?? arguments[i + 1].Text : null;
            var previous = i > 0 ? arguments[i - 1].StaticValue ?? string.Empty : string.Empty;
            if (name.StartsWith("--no-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("--disable", StringComparison.OrdinalIgnoreCase)
                || previous is "--disable" or "disable" or "remove" or "rm" or "unset" or "delete" or "--unset" or "reset")
            {
                return true;
            }

            var disables = name.Contains("disable", StringComparison.OrdinalIgnoreCase);
            var offValue = value is not null && OffValues.Contains(value.Trim('\'', '"'));
            if (disables ? !offValue && value is not null : offValue)
            {
                return true;
            }
        }

        return false;
    }
}
