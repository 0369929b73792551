using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Walks a parsed command line the way bash would run it and reports every action found,
/// through wrappers (<c>sudo</c>, <c>env</c>, <c>xargs</c>, <c>find -exec</c>), nested shells
/// (<c>bash -c</c>, <c>eval</c>, pipes into <c>sh</c>, scripts written earlier in the same line),
/// substitutions, and the languages commands carry (SQL, GraphQL, HTTP, interpreter code).
/// One walker serves one input; it is not thread-safe and not reusable.
/// </summary>
internal sealed partial class CommandWalker
{
    /// <summary>How many times nested code may be re-parsed (bash -c inside eval inside ssh…). Real commands nest a few levels.</summary>
    private const int MaxReparseDepth = 24;

    /// <summary>Commands examined per input before the walker gives up and reports the input as opaque.</summary>
    private const int MaxSegments = 20_000;

    /// <summary>Total characters re-parsed from nested code, so decoded or repeated payloads cannot multiply work without bound.</summary>
    private const long MaxReparsedCharacters = 16L * 1024 * 1024;

    private readonly ToolCatalog _catalog;
    private readonly bool _deceptiveUnicode;
    private readonly List<AgentAction> _actions = [];
    private readonly List<Segment> _segments = [];

    /// <summary>Files this command line writes with known content (a heredoc into x.sh), so running them later is analysed.</summary>
    private readonly Dictionary<string, string> _writtenFiles = new(StringComparer.Ordinal);

    /// <summary>Variables assigned literal values earlier in the line (<c>a=rm; $a -rf /</c>).</summary>
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    private string _source;
    private int _reparseDepth;
    private long _reparsedCharacters;
    private int _segmentCount;
    private bool _budgetExceeded;

    private CommandWalker(ToolCatalog catalog, string source, bool deceptiveUnicode)
    {
        _catalog = catalog;
        _source = source;
        _deceptiveUnicode = deceptiveUnicode;
    }

    public static Classification Classify(string command, ToolCatalog catalog)
    {
        var normalized = UnicodeNormalizer.Normalize(command, out var deceptive);
        var walker = new CommandWalker(catalog, normalized, deceptive);
        if (deceptive)
        {
            walker._actions.Add(ActionFactory.Opaque(
                "shell",
                "gatehouse.unicode-obfuscation",
                "the command hides characters (invisible, bidirectional or look-alike letters) that change what a reader sees",
                Risk.High,
                Verb.Unknown,
                Tags.UnicodeObfuscation) with { Path = "shell" });
        }

        var parsed = ShellParser.Parse(normalized);
        if (parsed.Script is null)
        {
            walker.ReadDespiteSyntaxError(normalized, parsed.Error!);
        }
        else
        {
            walker.WalkScript(parsed.Script, WalkScope.Root);
        }

        return new Classification(walker._actions, walker._segments);
    }

    /// <summary>Adds an action found under <paramref name="scope"/>: prefixes the wrapper path and resolves environments.</summary>
    private void Emit(AgentAction action, WalkScope scope)
    {
        action = RelativeToWorkingDirectory(action);
        var hints = action.EnvironmentHints;
        if (scope.EnvironmentHints.Count > 0)
        {
            hints = [.. scope.EnvironmentHints, .. hints];
        }

        var environments = action.Target.Environments;
        if (hints.Count > 0)
        {
            var resolved = EnvironmentResolver.Resolve(hints);
            if (resolved.Count > 0)
            {
                environments = environments.Count == 0 ? resolved : [.. environments.Union(resolved, StringComparer.Ordinal)];
            }
        }

        var tags = action.Tags;
        if (scope.Remote && !action.HasTag(Tags.Remote))
        {
            tags = [.. tags, Tags.Remote];
        }

        if (_deceptiveUnicode && !action.HasTag(Tags.UnicodeObfuscation))
        {
            tags = [.. tags, Tags.UnicodeObfuscation];
        }

        _actions.Add(action with
        {
            Path = scope.Path.Length == 0 ? action.Path : scope.Path + ">" + action.Path,
            Target = ReferenceEquals(environments, action.Target.Environments) ? action.Target : action.Target with { Environments = environments },
            EnvironmentHints = hints,
            Tags = tags,
        });
    }

    private void EmitAll(IReadOnlyList<AgentAction> actions, WalkScope scope)
    {
        foreach (var action in actions)
        {
            Emit(action, scope);
        }
    }

    /// <summary>Counts one examined command; past the budget, reports the input as opaque once and stops the walk.</summary>
    private bool SpendSegment()
    {
        if (_budgetExceeded)
        {
            return false;
        }

        if (++_segmentCount <= MaxSegments)
        {
            return true;
        }

        _budgetExceeded = true;
        _actions.Add(ActionFactory.Opaque(
            "shell",
            "gatehouse.analysis-budget",
            $"the input holds more than {MaxSegments} commands; the rest was not examined",
            Risk.High,
            Verb.Unknown) with { Path = "shell" });
        return false;
    }

    /// <summary>Parses nested code (a <c>bash -c</c> string, an <c>eval</c>, a decoded payload) and walks it under <paramref name="scope"/>.</summary>
    private void Reparse(string code, WalkScope scope)
    {
        if (_budgetExceeded)
        {
            return;
        }

        _reparsedCharacters += code.Length;
        if (++_reparseDepth > MaxReparseDepth || _reparsedCharacters > MaxReparsedCharacters)
        {
            _reparseDepth--;
            Emit(ActionFactory.Opaque("shell", "gatehouse.nesting-limit", "nested shell code goes deeper than Gatehouse examines", Risk.High, Verb.Unknown), scope);
            return;
        }

        var normalized = UnicodeNormalizer.Normalize(code, out var deceptive);
        if (deceptive)
        {
            Emit(ActionFactory.Opaque("shell", "gatehouse.unicode-obfuscation", "nested code hides characters that change what a reader sees", Risk.High, Verb.Unknown, Tags.UnicodeObfuscation), scope);
        }

        var parsed = ShellParser.Parse(normalized);
        if (parsed.Script is null)
        {
            Emit(ActionFactory.ParseError("shell", parsed.Error!.Message), scope);
        }
        else
        {
            var outer = _source;
            _source = normalized;
            WalkScript(parsed.Script, scope);
            _source = outer;
        }

        _reparseDepth--;
    }

    private void AddSegment(WalkScope scope, string name, int start, int end)
    {
        var text = start >= 0 && end <= _source.Length && end > start ? _source[start..end] : name;
        _segments.Add(new Segment(scope.Path + ">" + name, text));
    }
}
