using System.Text.Json;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// Compiles catalog JSON into immutable matchers. Strict on purpose: an unknown property, a bad enum
/// value or a duplicate rule id is an error naming the document, tool and rule, because a silently
/// ignored typo in a safety rule is a hole.
/// </summary>
internal static class CatalogLoader
{
    private const string ResourcePrefix = "Gatehouse.Catalog.";

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly HashSet<string> DocumentProperties = Set("family", "note", "tools");
    private static readonly HashSet<string> ToolProperties = Set("tool", "names", "note", "caseInsensitive", "help", "bundle", "optionsEndAfter", "valueFlags", "attachedValueFlags", "env", "target", "raise", "kinds", "rules", "fallback");
    private static readonly HashSet<string> RuleProperties = Set("id", "note", "args", "when", "verb", "kind", "risk", "reversible", "tags", "reason", "target", "env", "raise", "paths", "delegate", "forward", "inferKind");
    private static readonly HashSet<string> ConditionKinds = Set("flag", "noFlag", "flagValue", "noFlagValue", "positional", "last", "anyPositional", "noPositional", "minPositionals", "maxPositionals", "pathScope");
    private static readonly HashSet<string> ConditionModifiers = Set("matches", "from", "note");
    private static readonly HashSet<string> RaiseExtras = Set("risk", "tag", "kind");
    private static readonly HashSet<string> KindProperties = Set("args", "when", "kind", "note");
    private static readonly HashSet<string> PathProperties = Set("from", "excludeLast", "prefix", "mode", "flags", "exclude", "select");
    private static readonly HashSet<string> DelegateProperties = Set("language", "source", "from", "decode", "rendered");
    private static readonly HashSet<string> ForwardProperties = Set("command", "at");

    /// <summary>
    /// The catalog shipped in the assembly. Tool names are indexed now by a forward-only scan; a document is parsed, and
    /// each of its tools compiled, the first time a command names one of them. The tests compile every document eagerly,
    /// so a bad rule still fails the build.
    /// </summary>
    public static ToolCatalog LoadEmbedded()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        var documents = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new CatalogLoadException($"Catalog resource '{name}' could not be opened.");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            documents.Add((name[ResourcePrefix.Length..], bytes));
        }

        return LoadDeferred(documents);
    }

    /// <summary>Compiles <paramref name="documents"/>; with <paramref name="deferCompilation"/> each tool compiles on first use.</summary>
    public static ToolCatalog Load(IEnumerable<(string Name, string Json)> documents, bool deferCompilation = false)
    {
        if (deferCompilation)
        {
            return LoadDeferred(documents.Select(d => (d.Name, CatalogIndex.Utf8(d.Json))));
        }

        var tools = new Dictionary<string, ToolSlot>(StringComparer.Ordinal);
        var caseInsensitiveTools = new Dictionary<string, ToolSlot>(StringComparer.OrdinalIgnoreCase);
        var prefixTools = new List<(string, ToolSlot)>();
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, json) in documents)
        {
            var context = new LoadContext(name);
            try
            {
                using var document = JsonDocument.Parse(json, Options);
                var root = DocumentRoot(document, context);
                foreach (var toolElement in RequiredArray(root, "tools"))
                {
                    context.Tool = null;
                    context.Rule = null;
                    var tool = LoadTool(toolElement, context, ruleIds);
                    Register(ToolSlot.Compiled(tool), tool.Names, tool.Syntax.CaseInsensitive, tools, caseInsensitiveTools, prefixTools);
                }
            }
            catch (JsonException exception)
            {
                throw new CatalogLoadException($"Catalog {context}: invalid JSON: {exception.Message}", exception);
            }
            catch (FormatException exception)
            {
                throw new CatalogLoadException($"Catalog {context}: {exception.Message}", exception);
            }
        }

        return new ToolCatalog(tools, [.. prefixTools], caseInsensitiveTools);
    }

    /// <summary>
    /// Indexes names now (a name claimed twice still fails the load) and compiles each tool on first use. A tool that fails
    /// to compile then throws <see cref="CatalogLoadException"/> on use, which <see cref="ToolCatalog.Match"/> fails closed.
    /// Rule-id uniqueness across tools is only checked by an eager load (the tests do one over the embedded catalog).
    /// </summary>
    private static ToolCatalog LoadDeferred(IEnumerable<(string Name, byte[] Utf8Json)> documents)
    {
        var tools = new Dictionary<string, ToolSlot>(StringComparer.Ordinal);
        var caseInsensitiveTools = new Dictionary<string, ToolSlot>(StringComparer.OrdinalIgnoreCase);
        var prefixTools = new List<(string, ToolSlot)>();
        foreach (var (name, utf8Json) in documents)
        {
            var context = new LoadContext(name);
            try
            {
                var parsed = new Lazy<ParsedDocument>(() => ParseDeferred(name, utf8Json), LazyThreadSafetyMode.ExecutionAndPublication);
                foreach (var entry in CatalogIndex.Scan(utf8Json))
                {
                    context.Tool = entry.Tool;
                    var slot = ToolSlot.Deferred(entry.Tool, () => CompileDeferred(name, parsed.Value, entry.Position));
                    Register(slot, entry.Names, entry.CaseInsensitive, tools, caseInsensitiveTools, prefixTools);
                }
            }
            catch (JsonException exception)
            {
                throw new CatalogLoadException($"Catalog {context}: invalid JSON: {exception.Message}", exception);
            }
            catch (FormatException exception)
            {
                throw new CatalogLoadException($"Catalog {context}: {exception.Message}", exception);
            }
        }

        return new ToolCatalog(tools, [.. prefixTools], caseInsensitiveTools);
    }

    private static ParsedDocument ParseDeferred(string name, byte[] utf8Json)
    {
        var context = new LoadContext(name);
        try
        {
            // The catalog compiles tools from this document later, so it lives as long as the catalog.
            var document = JsonDocument.Parse(utf8Json, Options);
            var root = DocumentRoot(document, context);
            return new ParsedDocument(root, context.Family!);
        }
        catch (JsonException exception)
        {
            throw new CatalogLoadException($"Catalog {context}: invalid JSON: {exception.Message}", exception);
        }
        catch (FormatException exception)
        {
            throw new CatalogLoadException($"Catalog {context}: {exception.Message}", exception);
        }
    }

    private static ToolDefinition CompileDeferred(string name, ParsedDocument document, int position)
    {
        var context = new LoadContext(name) { Family = document.Family };
        try
        {
            return LoadTool(document.Root.GetProperty("tools")[position], context, new HashSet<string>(StringComparer.Ordinal));
        }
        catch (FormatException exception)
        {
            throw new CatalogLoadException($"Catalog {context}: {exception.Message}", exception);
        }
    }

    private static JsonElement DocumentRoot(JsonDocument document, LoadContext context)
    {
        var root = document.RootElement;
        RequireObject(root, "the document");
        CheckProperties(root, DocumentProperties, "document");
        context.Family = RequiredString(root, "family");
        return root;
    }

    private static void Register(
        ToolSlot tool,
        string[] names,
        bool caseInsensitive,
        Dictionary<string, ToolSlot> tools,
        Dictionary<string, ToolSlot> caseInsensitiveTools,
        List<(string, ToolSlot)> prefixTools)
    {
        foreach (var name in names)
        {
            if (name.EndsWith('*'))
            {
                prefixTools.Add((name.TrimEnd('*'), tool));
            }
            else if (caseInsensitive)
            {
                if (tools.ContainsKey(name) || !caseInsensitiveTools.TryAdd(name, tool))
                {
                    throw new FormatException($"command name '{name}' is already claimed");
                }
            }
            else if (caseInsensitiveTools.ContainsKey(name) || !tools.TryAdd(name, tool))
            {
                throw new FormatException($"command name '{name}' is already claimed by tool '{tools[name].Tool}'");
            }
        }
    }

    private static ToolDefinition LoadTool(JsonElement element, LoadContext context, HashSet<string> ruleIds)
    {
        RequireObject(element, "a tool");
        context.Tool = RequiredString(element, "tool");
        CheckProperties(element, ToolProperties, "tool");
        var names = StringArray(element, "names");
        if (names.Length == 0)
        {
            throw new FormatException("'names' must list at least one command name");
        }

        context.CaseInsensitive = element.TryGetProperty("caseInsensitive", out var caseInsensitive) && caseInsensitive.ValueKind == JsonValueKind.True;
        var syntax = new ArgumentSyntax(
            new HashSet<string>(context.Fold(StringArray(element, "valueFlags")), StringComparer.Ordinal),
            new HashSet<string>(context.Fold(StringArray(element, "attachedValueFlags")), StringComparer.Ordinal),
            element.TryGetProperty("bundle", out var bundle) && bundle.ValueKind == JsonValueKind.True,
            element.TryGetProperty("optionsEndAfter", out var optionsEnd) ? Int(optionsEnd, "optionsEndAfter") : 0,
            context.CaseInsensitive);
        var rules = new List<CatalogRule>();
        foreach (var ruleElement in RequiredArray(element, "rules"))
        {
            context.Rule = null;
            var rule = LoadRule(ruleElement, context, isFallback: false);
            if (!ruleIds.Add(rule.Id))
            {
                throw new FormatException($"rule id '{rule.Id}' is not unique");
            }

            rules.Add(rule);
        }

        context.Rule = "fallback";
        if (!element.TryGetProperty("fallback", out var fallbackElement))
        {
            throw new FormatException("every tool needs a 'fallback' saying what an uncovered invocation does");
        }

        var fallback = LoadRule(fallbackElement, context, isFallback: true);
        if (!ruleIds.Add(fallback.Id))
        {
            throw new FormatException($"rule id '{fallback.Id}' is not unique");
        }

        context.Rule = null;
        return new ToolDefinition
        {
            Tool = context.Tool,
            Names = names,
            Syntax = syntax,
            HonorsHelp = !element.TryGetProperty("help", out var help) || help.ValueKind != JsonValueKind.False,
            Environment = Sources(element, "env", context),
            Target = Sources(element, "target", context),
            Raises = Raises(element, context),
            Kinds = Kinds(element, context),
            Rules = [.. rules],
            Fallback = fallback,
        };
    }

    private static CatalogRule LoadRule(JsonElement element, LoadContext context, bool isFallback)
    {
        RequireObject(element, "a rule");
        var id = isFallback && !element.TryGetProperty("id", out _) ? context.Tool + ".unknown" : RequiredString(element, "id");
        context.Rule = id;
        CheckProperties(element, RuleProperties, "rule");
        var conditions = Conditions(element, context);
        if (isFallback && conditions.Count > 0)
        {
            throw new FormatException("a fallback applies when nothing else does, so it takes no 'args' or 'when'");
        }

        var verb = CatalogEnumNames.Parse(CatalogEnumNames.Verbs, RequiredString(element, "verb"), "verb");
        var risk = CatalogEnumNames.Parse(CatalogEnumNames.Risks, RequiredString(element, "risk"), "risk");
        var reversible = element.TryGetProperty("reversible", out var reversibleElement)
            ? reversibleElement.ValueKind == JsonValueKind.True
            : verb is Verb.Read or Verb.List || risk <= Risk.Low;
        var delegations = new List<DelegationSpec>();
        if (element.TryGetProperty("delegate", out var delegateElement))
        {
            foreach (var spec in Array(delegateElement, "delegate"))
            {
                delegations.Add(Delegate(spec, context));
            }
        }

        return new CatalogRule
        {
            Id = id,
            Conditions = [.. conditions],
            Verb = verb,
            Kind = RequiredString(element, "kind"),
            InferKind = element.TryGetProperty("inferKind", out var inferKind) && inferKind.ValueKind == JsonValueKind.True,
            Risk = risk,
            Reversible = reversible,
            Tags = StringArray(element, "tags"),
            Reason = element.TryGetProperty("reason", out var reason) ? String(reason, "reason") : $"{context.Tool}: {id}",
            Target = Sources(element, "target", context),
            Environment = Sources(element, "env", context),
            Raises = Raises(element, context),
            Delegations = [.. delegations],
            Paths = element.TryGetProperty("paths", out var paths) ? PathSpecs(paths, context) : [],
            Forward = element.TryGetProperty("forward", out var forward) ? Forward(forward) : null,
        };
    }

    /// <summary>The <c>args</c> (positional i matches pattern i) and <c>when</c> conditions of a rule or kind-table line.</summary>
    private static List<RuleCondition> Conditions(JsonElement element, LoadContext context)
    {
        var conditions = new List<RuleCondition>();
        if (element.TryGetProperty("args", out var args))
        {
            var index = 0;
            foreach (var arg in Array(args, "args"))
            {
                conditions.Add(new PositionalCondition(index++, Pattern(arg, "args")));
            }
        }

        if (element.TryGetProperty("when", out var when))
        {
            foreach (var condition in Array(when, "when"))
            {
                conditions.Add(Condition(condition, ConditionModifiers, context));
            }
        }

        return conditions;
    }

    private static KindInference[] Kinds(JsonElement element, LoadContext context)
    {
        if (!element.TryGetProperty("kinds", out var kinds))
        {
            return [];
        }

        var result = new List<KindInference>();
        foreach (var line in Array(kinds, "kinds"))
        {
            RequireObject(line, "a kind-table line");
            CheckProperties(line, KindProperties, "kinds");
            var conditions = Conditions(line, context);
            if (conditions.Count == 0)
            {
                throw new FormatException("a kind-table line needs 'args' or 'when'");
            }

            result.Add(new KindInference([.. conditions], RequiredString(line, "kind")));
        }

        return [.. result];
    }

    private static RuleCondition Condition(JsonElement element, HashSet<string> allowedExtras, LoadContext context)
    {
        RequireObject(element, "a condition");
        string? kind = null;
        foreach (var property in element.EnumerateObject())
        {
            if (ConditionKinds.Contains(property.Name))
            {
                kind = kind is null ? property.Name : throw new FormatException($"a condition has both '{kind}' and '{property.Name}'; use two conditions");
            }
            else if (!allowedExtras.Contains(property.Name) && !ConditionModifiers.Contains(property.Name))
            {
                throw new FormatException($"unknown condition property '{property.Name}'");
            }
        }

        if (kind is null)
        {
            throw new FormatException($"a condition needs one of: {string.Join(", ", ConditionKinds.Order(StringComparer.Ordinal))}");
        }

        var value = element.GetProperty(kind);
        var from = element.TryGetProperty("from", out var fromElement) ? Int(fromElement, "from") : 0;
        return kind switch
        {
            "flag" => new FlagPresentCondition(context.Fold(StringOrArray(value, kind)), negated: false),
            "noFlag" => new FlagPresentCondition(context.Fold(StringOrArray(value, kind)), negated: true),
            "flagValue" => new FlagValueCondition(context.Fold(StringOrArray(value, kind)), Matches(element), negated: false),
            "noFlagValue" => new FlagValueCondition(context.Fold(StringOrArray(value, kind)), Matches(element), negated: true),
            "positional" => new PositionalCondition(Int(value, kind), Matches(element)),
            "last" => new LastPositionalCondition(from, Pattern(value, kind)),
            "anyPositional" => new AnyPositionalCondition(from, Pattern(value, kind), negated: false),
            "noPositional" => new AnyPositionalCondition(from, Pattern(value, kind), negated: true),
            "minPositionals" => new PositionalCountCondition(Int(value, kind), int.MaxValue),
            "pathScope" => new PathScopeCondition(from, PathScopes(value, kind)),
            _ => new PositionalCountCondition(0, Int(value, kind)),
        };
    }

    private static RiskRaise[] Raises(JsonElement element, LoadContext context)
    {
        if (!element.TryGetProperty("raise", out var raises))
        {
            return [];
        }

        var result = new List<RiskRaise>();
        foreach (var raise in Array(raises, "raise"))
        {
            var condition = Condition(raise, RaiseExtras, context);
            Risk? risk = raise.TryGetProperty("risk", out var riskElement) ? CatalogEnumNames.Parse(CatalogEnumNames.Risks, String(riskElement, "risk"), "risk") : null;
            var tag = raise.TryGetProperty("tag", out var tagElement) ? String(tagElement, "tag") : null;
            var kind = raise.TryGetProperty("kind", out var kindElement) ? String(kindElement, "kind") : null;
            if (risk is null && tag is null && kind is null)
            {
                throw new FormatException("a raise needs a 'risk', a 'tag' or a 'kind'");
            }

            result.Add(new RiskRaise(condition, risk, tag) { Kind = kind });
        }

        return [.. result];
    }

    /// <summary>One path spec, or an array of them (a copy reads its sources and writes its destination).</summary>
    private static PathTargets[] PathSpecs(JsonElement element, LoadContext context)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return [Paths(element, context)];
        }

        var specs = new List<PathTargets>();
        foreach (var spec in element.EnumerateArray())
        {
            specs.Add(Paths(spec, context));
        }

        if (specs.Count == 0)
        {
            throw new FormatException("'paths' is an empty array");
        }

        return [.. specs];
    }

    private static PathTargets Paths(JsonElement element, LoadContext context)
    {
        RequireObject(element, "'paths'");
        CheckProperties(element, PathProperties, "paths");
        return new PathTargets(
            element.TryGetProperty("from", out var from) ? Int(from, "from") : 0,
            element.TryGetProperty("excludeLast", out var excludeLast) && excludeLast.ValueKind == JsonValueKind.True,
            element.TryGetProperty("prefix", out var prefix) ? String(prefix, "prefix") : null,
            CatalogEnumNames.Parse(CatalogEnumNames.PathModes, RequiredString(element, "mode"), "paths.mode"))
        {
            Flags = context.Fold(StringArray(element, "flags")),
            Exclude = element.TryGetProperty("exclude", out var exclude) ? Pattern(exclude, "exclude") : null,
            Select = element.TryGetProperty("select", out var select) ? CatalogEnumNames.Parse(CatalogEnumNames.PathSelections, String(select, "select"), "paths.select") : PathSelection.All,
        };
    }

    private static DelegationSpec Delegate(JsonElement element, LoadContext context)
    {
        RequireObject(element, "a delegation");
        CheckProperties(element, DelegateProperties, "delegate");
        var language = CatalogEnumNames.Parse(CatalogEnumNames.Languages, RequiredString(element, "language"), "language");
        var source = CatalogEnumNames.Parse(CatalogEnumNames.Sources, RequiredString(element, "source"), "source");
        var from = element.TryGetProperty("from", out var fromElement) ? String(fromElement, "from") : null;
        if (from is not null && context.CaseInsensitive && from.StartsWith("flag:", StringComparison.Ordinal))
        {
            from = from.ToLowerInvariant();
        }

        DelegationSpec.Validate(source, from);
        var decode = element.TryGetProperty("decode", out var decodeElement)
            ? CatalogEnumNames.Parse(CatalogEnumNames.Decodings, String(decodeElement, "decode"), "decode")
            : DelegationDecoding.None;
        var rendered = element.TryGetProperty("rendered", out var renderedElement) && renderedElement.ValueKind == JsonValueKind.True;
        return new DelegationSpec(language, source, from) { Decoding = decode, PassRenderedText = rendered };
    }

    private static ForwardSpec Forward(JsonElement element)
    {
        RequireObject(element, "'forward'");
        CheckProperties(element, ForwardProperties, "forward");
        return new ForwardSpec(
            element.TryGetProperty("command", out var command) ? String(command, "command") : null,
            element.TryGetProperty("at", out var at) ? Int(at, "at") : throw new FormatException("'forward' needs 'at'"));
    }

    private static ValueSource[] Sources(JsonElement element, string name, LoadContext context)
    {
        var specs = StringArray(element, name);
        if (context.CaseInsensitive)
        {
            for (var i = 0; i < specs.Length; i++)
            {
                specs[i] = specs[i].StartsWith("flag:", StringComparison.Ordinal) || specs[i].StartsWith("flagPresent:", StringComparison.Ordinal)
                    ? FoldFlagSource(specs[i])
                    : specs[i];
            }
        }

        var sources = new ValueSource[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            sources[i] = ValueSource.Parse(specs[i]);
        }

        return sources;
    }

    private static TextPattern Matches(JsonElement element) =>
        element.TryGetProperty("matches", out var matches)
            ? Pattern(matches, "matches")
            : throw new FormatException("this condition needs 'matches'");

    private static TextPattern Pattern(JsonElement element, string name) =>
        TextPattern.Compile(StringOrArray(element, name), splitOnPipe: element.ValueKind == JsonValueKind.String);

    private static string[] StringOrArray(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.String ? [element.GetString()!] : Strings(element, name);

    private static string[] StringArray(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Strings(value, name) : [];

    /// <summary>Each scope named in <paramref name="element"/> (a list, or one string split on '|').</summary>
    private static PathScope[] PathScopes(JsonElement element, string kind)
    {
        var scopes = new List<PathScope>();
        foreach (var text in StringOrArray(element, kind))
        {
            foreach (var name in text.Split('|'))
            {
                scopes.Add(CatalogEnumNames.Parse(CatalogEnumNames.PathScopes, name, kind));
            }
        }

        return [.. scopes];
    }

    /// <summary>A plain loop, not LINQ over the enumerator: a hook process compiles a tool on first use, and LINQ over a struct enumerator is JIT-compiled there.</summary>
    private static string[] Strings(JsonElement array, string name)
    {
        var elements = Array(array, name);
        var strings = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var element in elements)
        {
            strings[i++] = String(element, name);
        }

        return strings;
    }

    private static JsonElement.ArrayEnumerator RequiredArray(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Array(value, name) : throw new FormatException($"missing '{name}'");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new FormatException($"'{name}' must be an array");

    private static string RequiredString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? String(value, name) : throw new FormatException($"missing '{name}'");

    private static string String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"'{name}' must be a non-empty string");

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= 0
            ? value
            : throw new FormatException($"'{name}' must be a non-negative integer");

    private static void RequireObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{what} must be a JSON object");
        }
    }

    private static void CheckProperties(JsonElement element, HashSet<string> allowed, string what)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw new FormatException($"unknown {what} property '{property.Name}'");
            }
        }
    }

    /// <summary>Lower-cases the option names of <c>flag:A|B</c> or <c>flagPresent:A|B=VALUE</c>, leaving the constant alone.</summary>
    private static string FoldFlagSource(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? spec.ToLowerInvariant() : spec[..equals].ToLowerInvariant() + spec[equals..];
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

    /// <summary>A document of a deferred catalog, parsed when one of its tools is first used. A class so its lazy needs no JIT-compiled instantiation.</summary>
    private sealed record ParsedDocument(JsonElement Root, string Family);

    /// <summary>Where the loader is, so an error can say "document git.json, tool git, rule git.push.force".</summary>
    private sealed class LoadContext(string document)
    {
        public string Document => document;

        public string? Family { get; set; }

        public string? Tool { get; set; }

        public string? Rule { get; set; }

        /// <summary>The current tool folds option names to lower case, so the names its rules mention are folded too.</summary>
        public bool CaseInsensitive { get; set; }

        public string[] Fold(string[] names)
        {
            if (!CaseInsensitive)
            {
                return names;
            }

            var folded = new string[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                folded[i] = names[i].ToLowerInvariant();
            }

            return folded;
        }

        public override string ToString() =>
            $"'{document}'"
            + (Family is null ? string.Empty : $" (family {Family})")
            + (Tool is null ? string.Empty : $", tool '{Tool}'")
            + (Rule is null ? string.Empty : $", rule '{Rule}'");
    }
}
