using System.Text;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>
/// Classifies Redis commands (as redis-cli arguments, or newline-separated commands piped into it).
/// Command names are case-insensitive; unknown commands fail closed as opaque.
/// </summary>
public static class RedisCommandClassifier
{
    private const string Tool = "redis";

    /// <summary>Classifies one command given as its arguments (command name first). No arguments → no actions.</summary>
    public static IReadOnlyList<AgentAction> Classify(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var actions = new List<AgentAction>();
        if (arguments.Count > 0)
        {
            ClassifyInto(arguments, actions);
        }

        return actions;
    }

    /// <summary>Classifies newline-separated commands, each split the way redis-cli splits a line.</summary>
    public static IReadOnlyList<AgentAction> ClassifyScript(string text)
    {
        var actions = new List<AgentAction>();
        if (string.IsNullOrEmpty(text))
        {
            return actions;
        }

        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var words = SplitLine(line);
            if (words is null)
            {
                actions.Add(Action(Verb.Unknown, Risk.High, "server", null, "redis.parse-error", "unterminated quote in a Redis command", [Tags.Opaque, Tags.ParseError]));
                continue;
            }

            if (words.Count > 0)
            {
                ClassifyInto(words, actions);
            }
        }

        return actions;
    }

    private static void ClassifyInto(IReadOnlyList<string> arguments, List<AgentAction> actions)
    {
        var command = arguments[0].ToLowerInvariant();
        var sub = arguments.Count > 1 ? arguments[1].ToLowerInvariant() : string.Empty;
        if (RedisSubcommands.TryClassify(command, sub, arguments, out var special))
        {
            actions.Add(Action(special.Verb, special.Risk, special.TargetKind, special.Target, special.RuleId, special.Reason, special.Tags));
            return;
        }

        var info = RedisCommandTable.Find(command);
        if (info is null)
        {
            actions.Add(Action(Verb.Unknown, Risk.High, "server", null, "redis.unknown-command", "unrecognized Redis command " + arguments[0], [Tags.Opaque]));
            return;
        }

        if (info.EveryArgumentIsKey)
        {
            if (arguments.Count == 1)
            {
                actions.Add(Action(info.Verb, info.Risk, info.TargetKind, null, info.RuleId, info.Reason, info.Tags ?? []));
            }

            for (var i = 1; i < arguments.Count; i++)
            {
                var isPattern = arguments[i].AsSpan().IndexOfAny('*', '?', '[') >= 0;
                actions.Add(Action(info.Verb, info.Risk, isPattern ? "key-pattern" : "key", arguments[i], info.RuleId, info.Reason, info.Tags ?? []));
            }

            return;
        }

        var key = info.KeyArgument > 0 && info.KeyArgument < arguments.Count ? arguments[info.KeyArgument] : null;
        if (command == "scan")
        {
            key = ValueAfter(arguments, "match");
        }

        var verb = info.Verb;
        var risk = info.Risk;
        if (command is "copy" or "restore" && ContainsWord(arguments, "replace"))
        {
            verb = Verb.Update;
            risk = Risk.High;
        }

        actions.Add(Action(verb, risk, key is null && info.TargetKind is "key" or "key-pattern" ? "database" : info.TargetKind, key, info.RuleId, info.Reason, info.Tags ?? []));
    }

    private static string? ValueAfter(IReadOnlyList<string> arguments, string option)
    {
        for (var i = 1; i + 1 < arguments.Count; i++)
        {
            if (string.Equals(arguments[i], option, StringComparison.OrdinalIgnoreCase))
            {
                return arguments[i + 1];
            }
        }

        return null;
    }

    private static bool ContainsWord(IReadOnlyList<string> arguments, string word)
    {
        for (var i = 1; i < arguments.Count; i++)
        {
            if (string.Equals(arguments[i], word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static AgentAction Action(Verb verb, Risk risk, string kind, string? id, string ruleId, string reason, string[] tags) => new()
    {
        Verb = verb,
        Target = ResourceRef.Of(kind, id),
        Tool = Tool,
        Reversible = verb is Verb.Read or Verb.List or Verb.Create || (verb == Verb.Update && risk <= Risk.Medium),
        Risk = risk,
        Path = Tool,
        RuleId = ruleId,
        Reason = reason,
        Tags = tags,
    };

    /// <summary>Splits a line like redis-cli: whitespace separates, "…" allows escapes, '…' is literal. Null when a quote is unterminated.</summary>
    private static List<string>? SplitLine(ReadOnlySpan<char> line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            current.Clear();
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                var c = line[i];
                if (c is '"' or '\'')
                {
                    var close = i + 1;
                    while (close < line.Length && line[close] != c)
                    {
                        if (c == '"' && line[close] == '\\' && close + 1 < line.Length)
                        {
                            current.Append(line[close + 1]);
                            close += 2;
                            continue;
                        }

                        current.Append(line[close]);
                        close++;
                    }

                    if (close >= line.Length)
                    {
                        return null;
                    }

                    i = close + 1;
                    continue;
                }

                current.Append(c);
                i++;
            }

            words.Add(current.ToString());
        }

        return words;
    }
}
