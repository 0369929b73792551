using System.Collections.Frozen;
using Gatehouse.Core.Analysis;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// Commands that switch Gatehouse off without touching a protected path: uninstalling its package, asking it to remove
/// its own hooks, or turning an agent's hooks off through the agent's configuration command. Paths (rm, mv, sed -i,
/// redirections into hook settings) are the path classifier's job; this looks at the executed command segments only.
/// </summary>
internal static class BypassCommands
{
    private static readonly FrozenSet<string> RemovalWords = FrozenSet.ToFrozenSet(
        ["uninstall", "remove", "rm", "un", "r", "purge", "erase", "unlink", "disable", "deinit", "--uninstall", "--remove", "--disable", "off"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings that disable every hook of an agent at once (Claude Code's <c>disableAllHooks</c>, Codex's hooks feature flag).</summary>
    private static readonly string[] HookSwitches = ["disableallhooks", "features.hooks", "hooks=false", "--no-hooks", "--disable-hooks", "enablehooks"];

    /// <summary>
    /// Programs whose destination the catalog's path rules do not see (cp and install write their last operand, dd its
    /// <c>of=</c>, curl its <c>-o</c>): a protected path among their words is a write to it.
    /// </summary>
    private static readonly FrozenSet<string> FileWriters = FrozenSet.ToFrozenSet(
        ["cp", "install", "rsync", "ln", "dd", "truncate", "chmod", "chown", "chattr", "touch", "unzip", "tar", "patch", "scp", "curl", "wget", "mv", "rm", "tee", "sed", "shred", "unlink"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> AgentPrograms = FrozenSet.ToFrozenSet(["claude", "codex", "gemini", "cursor-agent", "copilot", "gh"], StringComparer.Ordinal);

    public static Classification Inspect(Classification classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        List<AgentAction>? found = null;
        foreach (var segment in classification.Segments)
        {
            if (Judge(segment.Text) is { } reason)
            {
                found ??= [.. classification.Actions];
                found.Add(ActionFactory.Simple("shell", "hook.bypass", Verb.Delete, "gatehouse", segment.Text, Risk.Critical, false, reason, Tags.Tampering) with { Path = segment.Path });
            }
        }

        return found is null ? classification : classification with { Actions = found };
    }

    internal static string? Judge(string command)
    {
        var words = Words(command);
        if (words.Count == 0)
        {
            return null;
        }

        var program = Basename(words[0]);
        var removes = false;
        var namesGatehouse = false;
        var switchesHooks = false;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];

            // A removal is a subcommand (npm uninstall, dotnet tool uninstall, gatehouse init --uninstall), not any later argument.
            removes |= RemovalWords.Contains(word) && (i <= 3 || word.StartsWith("--", StringComparison.Ordinal));
            namesGatehouse |= NamesGatehouse(word);
            foreach (var hookSwitch in HookSwitches)
            {
                switchesHooks |= word.Contains(hookSwitch, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (FileWriters.Contains(program))
        {
            // Copying a hook file out is harmless: for copiers only the destination (the last operand, or -t DIR) counts.
            var copier = program is "cp" or "install" or "rsync" or "scp" or "ln";
            for (var i = copier ? LastOperand(words) : 1; i < words.Count; i++)
            {
                var word = words[i];
                var equals = word.IndexOf('=');
                var operand = word.StartsWith('-') || word.StartsWith("of=", StringComparison.Ordinal) ? (equals > 0 ? word[(equals + 1)..] : string.Empty) : word;
                if (operand.Length > 0 && PathClassifier.IsEnforcementControl(operand))
                {
                    return $"{program} changes {operand}, which configures Gatehouse or the agent's hooks";
                }
            }
        }

        if (string.Equals(program, "gatehouse", StringComparison.OrdinalIgnoreCase) && removes)
        {
            return "asks Gatehouse to remove or disable its own hooks";
        }

        if (removes && namesGatehouse)
        {
            return "uninstalls or removes Gatehouse";
        }

        if (switchesHooks && AgentPrograms.Contains(program))
        {
            return $"turns the hooks of {program} off through its configuration";
        }

        if (string.Equals(program, "claude", StringComparison.Ordinal) && words.Count > 2 && words[1] == "config"
            && (removes || words.Contains("set")) && words.Exists(w => w.Contains("hook", StringComparison.OrdinalIgnoreCase)))
        {
            return "changes Claude Code's hook configuration";
        }

        return null;
    }

    private static int LastOperand(List<string> words)
    {
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (words[i] is "-t" or "--target-directory")
            {
                return i + 1;
            }
        }

        return words.Count - 1;
    }

    private static bool NamesGatehouse(string word)
    {
        var name = word.StartsWith('@') && word.IndexOf('/') is > 0 and var slash ? word[(slash + 1)..] : Basename(word);
        var at = name.IndexOf('@');
        if (at > 0)
        {
            name = name[..at];
        }

        return string.Equals(name, "gatehouse", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "gatehouse-cli", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("@gatehouse/", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Gatehouse.Cli", StringComparison.OrdinalIgnoreCase);
    }

    private static string Basename(string word)
    {
        var slash = word.LastIndexOf('/');
        return slash < 0 ? word : word[(slash + 1)..];
    }

    /// <summary>The segment's words, quotes honoured (<c>'rm -rf /'</c> is one argument); the shell classifier has already unwrapped it.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
