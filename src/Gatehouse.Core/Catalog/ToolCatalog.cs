using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// The data-driven catalog of what command-line tools do. Given one already unwrapped invocation
/// (<c>kubectl delete ns prod</c>), it names the actions, their risk and targets, and any embedded code.
/// Everything is compiled at load time; <see cref="Match"/> is a name lookup plus a short scan of that tool's rules.
/// </summary>
public sealed class ToolCatalog
{
    /// <summary>How many times one line may hand itself to another tool (<c>npx dotenv -- prisma …</c>).</summary>
    private const int MaxForwardDepth = 8;

    private static readonly Lazy<ToolCatalog> DefaultCatalog = new(CatalogLoader.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Never mutated after construction, so concurrent reads are safe; a plain dictionary builds far faster than a frozen one.</summary>
    private readonly Dictionary<string, ToolSlot> _tools;
    private readonly (string Prefix, ToolSlot Tool)[] _prefixTools;

    /// <summary>Names of tools whose command names fold case (PowerShell cmdlets, cmd.exe).</summary>
    private readonly Dictionary<string, ToolSlot> _caseInsensitiveTools;

    internal ToolCatalog(
        Dictionary<string, ToolSlot> tools, (string Prefix, ToolSlot Tool)[] prefixTools, Dictionary<string, ToolSlot> caseInsensitiveTools)
    {
        _tools = tools;
        _prefixTools = prefixTools;
        _caseInsensitiveTools = caseInsensitiveTools;
    }

    /// <summary>The catalog shipped inside the assembly, loaded once on first use.</summary>
    public static ToolCatalog Default => DefaultCatalog.Value;

    /// <summary>The number of distinct tools, for diagnostics and tests.</summary>
    internal int ToolCount => Tools.Count();

    /// <summary>Every tool, compiled (a deferred catalog compiles them all here).</summary>
    internal IEnumerable<ToolDefinition> Tools =>
        _tools.Values.Concat(_caseInsensitiveTools.Values).Concat(_prefixTools.Select(p => p.Tool)).Distinct().Select(slot => slot.Definition);

    /// <summary>Compiles catalog documents (JSON text); throws <see cref="CatalogLoadException"/> naming the document and rule at fault.</summary>
    public static ToolCatalog Load(IEnumerable<string> jsonDocuments)
    {
        ArgumentNullException.ThrowIfNull(jsonDocuments);
        return CatalogLoader.Load(jsonDocuments.Select((json, index) => ($"document #{index + 1}", json)));
    }

    /// <summary>Whether the catalog describes <paramref name="commandName"/> at all.</summary>
    public bool Knows(string commandName) => FindSlot(commandName) is not null;

    /// <summary>
    /// What <paramref name="commandName"/> with <paramref name="arguments"/> (the words after the name) does,
    /// or null when the catalog does not know the command at all.
    /// </summary>
    public CatalogMatch? Match(string commandName, IReadOnlyList<Word> arguments)
    {
        ArgumentNullException.ThrowIfNull(commandName);
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            return Match(commandName, arguments, 0);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect here must not let a command through as harmless: fail closed.
            return FailClosed(commandName, exception);
        }
    }

    private static CatalogMatch FailClosed(string commandName, Exception exception)
    {
        var action = new AgentAction
        {
            Verb = Verb.Unknown,
            Target = ResourceRef.Of("command", commandName),
            Tool = commandName,
            Reversible = false,
            Risk = Risk.High,
            Path = commandName,
            RuleId = "catalog.error",
            Reason = "the catalog could not classify this command: " + exception.GetType().Name,
            Tags = [Tags.Opaque],
        };
        return new CatalogMatch("catalog.error", [action], []);
    }

    private CatalogMatch? Match(string commandName, IReadOnlyList<Word> arguments, int depth)
    {
        var tool = FindSlot(commandName)?.Definition;
        if (tool is null)
        {
            return null;
        }

        var parsed = ParsedArguments.Parse(arguments, tool.Syntax);
        var rule = tool.Fallback;
        foreach (var candidate in tool.Rules)
        {
            if (candidate.Matches(parsed))
            {
                rule = candidate;
                break;
            }
        }

        if (tool.HonorsHelp && rule.Forward is null && rule.Delegations.Length == 0 && AsksForHelp(parsed, rule.Paths.Length == 0))
        {
            return MatchBuilder.Help(tool);
        }

        if (rule.Forward is { } forward && depth < MaxForwardDepth && Forward(forward, parsed, depth) is { } inner)
        {
            return MatchBuilder.Wrap(tool, rule, parsed, inner);
        }

        return MatchBuilder.Build(tool, rule, parsed);
    }

    /// <summary>
    /// <c>rm --help</c>, <c>terraform destroy -help</c>, <c>kubectl help delete</c> print usage and exit. Rules that start
    /// another program or carry code are excluded: there the option may belong to the inner command.
    /// </summary>
    private static bool AsksForHelp(ParsedArguments parsed, bool hasSubcommands) =>
        parsed.HelpRequested
        || (hasSubcommands
            && parsed.Positionals.Count > 0 && parsed.Positionals[0].IsStatic && string.Equals(parsed.Positionals[0].Text, "help", StringComparison.Ordinal));

    private CatalogMatch? Forward(ForwardSpec forward, ParsedArguments parsed, int depth)
    {
        if (forward.At >= parsed.Positionals.Count)
        {
            return null;
        }

        var command = forward.Command ?? parsed.Positionals[forward.At].StaticValue;
        if (command is null)
        {
            return null;
        }

        var start = parsed.PositionalWordIndexes[forward.At] + 1;
        var rest = new Word[parsed.Words.Count - start];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = parsed.Words[start + i];
        }

        return Match(command, rest, depth + 1);
    }

    private ToolSlot? FindSlot(string commandName)
    {
        if (_tools.TryGetValue(commandName, out var tool))
        {
            return tool;
        }

        if (_caseInsensitiveTools.Count > 0 && _caseInsensitiveTools.TryGetValue(commandName, out tool))
        {
            return tool;
        }

        foreach (var (prefix, prefixTool) in _prefixTools)
        {
            if (commandName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixTool;
            }
        }

        // Project-local launchers: ./manage.py, bin/rails, ./node_modules/.bin/prisma.
        var slash = commandName.LastIndexOfAny(['/', '\\']);
        return slash >= 0 && slash < commandName.Length - 1 ? FindSlot(commandName[(slash + 1)..]) : null;
    }
}
