using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary><c>xargs</c> and GNU <c>parallel</c>: a command template completed with words read at run time.</summary>
internal sealed partial class CommandWalker
{
    private static readonly string[] XargsValueOptions = ["-n", "-P", "-d", "-a", "-L", "-l", "-s", "-E", "-I", "--max-args", "--max-procs", "--delimiter", "--arg-file", "--max-lines", "--max-chars", "--eof", "--process-slot-var"];

    /// <summary>Input items taken literally before the rest are treated as "more of the same": keeps work bounded.</summary>
    private const int MaxLiteralItems = 32;

    private void InvokeXargs(IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        string? replace = null;
        Word? argFile = null;
        var i = 0;
        while (i < arguments.Count)
        {
            var value = arguments[i].StaticValue;
            if (value is null || value.Length < 2 || value[0] != '-')
            {
                break;
            }

            if (value == "--")
            {
                i++;
                break;
            }

            if (value is "-I" && i + 1 < arguments.Count)
            {
                replace = arguments[i + 1].StaticValue ?? "{}";
            }
            else if (value.StartsWith("-I", StringComparison.Ordinal))
            {
                replace = value[2..];
            }
            else if (value is "-i" or "--replace")
            {
                replace = "{}";
            }
            else if (value.StartsWith("--replace=", StringComparison.Ordinal))
            {
                replace = value["--replace=".Length..];
            }
            else if (value.StartsWith("-i", StringComparison.Ordinal))
            {
                replace = value[2..];
            }
            else if (value is "-a" or "--arg-file" && i + 1 < arguments.Count)
            {
                argFile = arguments[i + 1];
            }
            else if (value.StartsWith("--arg-file=", StringComparison.Ordinal))
            {
                argFile = WordFactory.Literal(value["--arg-file=".Length..]);
            }

            i += Array.IndexOf(XargsValueOptions, value) >= 0 ? 2 : 1;
        }

        var template = i < arguments.Count ? Slice(arguments, i) : [WordFactory.Literal("echo")];
        var input = argFile is not null ? FileContent(argFile) : ResolveStdin(origin.Redirections, stdin);
        var items = InputItems(input);
        var firstAction = _actions.Count;
        if (replace is null)
        {
            InvokeWords([.. template, .. items], origin, StdinSource.None, scope);
        }
        else
        {
            foreach (var item in items)
            {
                InvokeWords([.. template.Select(w => Substitute(w, replace, item))], origin, StdinSource.None, scope);
            }
        }

        if (input.Origin.StartsWith(RedisScanOrigin, StringComparison.Ordinal))
        {
            WidenToEveryMatch(firstAction, input.Origin[RedisScanOrigin.Length..]);
        }
    }

    /// <summary><c>redis-cli --scan --pattern 'sess:*' | xargs redis-cli DEL</c> deletes every key the pattern matches.</summary>
    private void WidenToEveryMatch(int firstAction, string pattern)
    {
        for (var i = firstAction; i < _actions.Count; i++)
        {
            var action = _actions[i];
            if (action.Verb == Verb.Delete)
            {
                _actions[i] = action with
                {
                    Risk = Risk.Critical,
                    Target = action.Target with { Kind = "key-pattern", Id = pattern },
                    Tags = [.. action.Tags, Tags.AllResources],
                    Reason = $"deletes every key matching {pattern}",
                };
            }
        }
    }

    /// <summary><c>parallel CMD ::: a b c</c> or <c>… | parallel CMD {}</c>.</summary>
    private void InvokeParallel(IReadOnlyList<Word> arguments, SimpleCommand origin, WalkScope scope)
    {
        var start = SkipOptions(arguments, 0, ["-j", "--jobs", "-S", "--sshlogin", "--delay", "--timeout", "--joblog", "--results"]);
        var separator = -1;
        for (var i = start; i < arguments.Count; i++)
        {
            if (arguments[i].StaticValue is ":::" or "::::" or ":::+")
            {
                separator = i;
                break;
            }
        }

        var template = separator < 0 ? Slice(arguments, start) : arguments.Skip(start).Take(separator - start).ToList();
        if (template.Count == 0)
        {
            return;
        }

        var items = separator < 0 ? [WordFactory.Dynamic("stdin")] : Slice(arguments, separator + 1).Take(MaxLiteralItems).ToList();
        foreach (var item in items)
        {
            var substituted = template.Select(w => Substitute(w, "{}", item)).ToList();
            if (!template.Any(w => w.StaticValue?.Contains("{}", StringComparison.Ordinal) == true))
            {
                substituted.Add(item);
            }

            InvokeWords(substituted, origin, StdinSource.None, scope);
        }
    }

    private static List<Word> InputItems(StdinContent input)
    {
        switch (input.Kind)
        {
            case StdinKind.Literal:
                var items = input.Text!
                    .Split([' ', '\t', '\n', '\r', '\0'], StringSplitOptions.RemoveEmptyEntries)
                    .Take(MaxLiteralItems)
                    .Select(WordFactory.Literal)
                    .ToList();
                return items.Count > 0 ? items : [];
            case StdinKind.FilesUnder:
                return [WordFactory.Under(input.Root!)];
            default:
                return [WordFactory.Dynamic("stdin")];
        }
    }

    private static Word Substitute(Word word, string placeholder, Word item)
    {
        var text = word.StaticValue;
        if (text is null || placeholder.Length == 0 || !text.Contains(placeholder, StringComparison.Ordinal))
        {
            return word;
        }

        if (text == placeholder)
        {
            return item;
        }

        var pieces = text.Split(placeholder);
        var parts = new List<WordPart>();
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                parts.AddRange(item.Parts);
            }

            if (pieces[i].Length > 0)
            {
                parts.Add(new LiteralPart(pieces[i], QuoteKind.Single));
            }
        }

        return new Word(parts, word.Start, word.End);
    }
}
