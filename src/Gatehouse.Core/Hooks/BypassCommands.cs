using System.Collections.Frozen;
using Gatehouse.Core.Analysis;
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
            removes |= RemovalWords.Contains(word);
            namesGatehouse |= NamesGatehouse(word);
            foreach (var hookSwitch in HookSwitches)
            {
                switchesHooks |= word.Contains(hookSwitch, StringComparison.OrdinalIgnoreCase);
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

    /// <summary>Whitespace-separated words with surrounding quotes removed; the segment text is already unwrapped by the shell classifier.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        foreach (var raw in command.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('"', '\'');
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        return words;
    }
}
