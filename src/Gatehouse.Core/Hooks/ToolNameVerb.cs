
namespace Gatehouse.Core.Hooks;

/// <summary>What a tool's name says it does, read from its words (<c>delete_volume</c>, <c>listIssues</c>, <c>run-query</c>).</summary>
internal enum ToolNameVerb
{
    /// <summary>No verb Gatehouse recognizes, or one that changes state: never allowed silently.</summary>
    Mutating,
    /// <summary>Starts with a verb that only observes (get, list, read, search, describe …).</summary>
    Reading,
    /// <summary>Carries code or a statement to run (execute, query, run, eval …): what it runs decides.</summary>
    Carrier,
    /// <summary>Names a destructive verb anywhere (delete, drop, destroy, remove, purge, truncate, wipe …).</summary>
    Destructive,
}

internal static class ToolNames
{
    private static readonly HashSet<string> DestructiveWords = new(
        [
            "delete", "del", "drop", "destroy", "remove", "rm", "rmdir", "unlink", "purge", "truncate", "wipe", "erase", "reset",
            "terminate", "kill", "revoke", "uninstall", "flush", "prune", "clear", "teardown", "nuke", "deprovision", "deregister",
            "overwrite", "force", "discard", "obliterate", "evict", "cancel",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> ReadingWords = new(
        [
            "get", "list", "ls", "read", "search", "find", "describe", "show", "view", "fetch", "lookup", "count", "status",
            "inspect", "explain", "browse", "head", "tail", "cat", "check", "diff", "preview", "validate", "analyze", "summarize",
            "resolve", "whoami", "info", "help", "ping", "retrieve", "download", "grep", "glob", "stat", "exists", "lint",
            "plan", "estimate", "compare", "navigate", "screenshot", "sample", "peek", "tree",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> CarrierWords = new(
        ["execute", "exec", "run", "query", "sql", "eval", "evaluate", "invoke", "call", "command", "shell", "script", "bash", "graphql", "cypher", "psql"],
        StringComparer.Ordinal);

    /// <summary><c>mcp__server__tool</c> → (server, tool); any other name is the tool alone.</summary>
    public static (string? Server, string Tool) Split(string name)
    {
        if (name.StartsWith("mcp__", StringComparison.Ordinal))
        {
            var rest = name[5..];
            var separator = rest.IndexOf("__", StringComparison.Ordinal);
            return separator > 0 ? (rest[..separator], rest[(separator + 2)..]) : (null, rest);
        }

        return (null, name);
    }

    public static ToolNameVerb VerbOf(string tool)
    {
        var words = Words(tool);
        if (words.Count == 0)
        {
            return ToolNameVerb.Mutating;
        }

        foreach (var word in words)
        {
            if (DestructiveWords.Contains(word))
            {
                return ToolNameVerb.Destructive;
            }
        }

        foreach (var word in words)
        {
            if (CarrierWords.Contains(word))
            {
                return ToolNameVerb.Carrier;
            }
        }

        return ReadingWords.Contains(words[0]) ? ToolNameVerb.Reading : ToolNameVerb.Mutating;
    }

    /// <summary>Lower-case words split at <c>_ - . /</c>, spaces and camelCase humps.</summary>
    internal static List<string> Words(string name)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : '_';
            var boundary = !char.IsAsciiLetterOrDigit(c);
            var hump = !boundary && i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(name[i - 1]);
            if ((boundary || hump) && start >= 0)
            {
                words.Add(name[start..i].ToLowerInvariant());
                start = -1;
            }

            if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
