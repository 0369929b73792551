using System.Text;
using Gatehouse.Cedar;
using Gatehouse.Core.Inventory;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Loads policies (a .cedar file, a directory of them, or the built-in default set), validates every
/// policy against the Gatehouse schema in strict mode, reads the approval annotations, and loads the
/// inventory — all or nothing: any problem is a <see cref="PolicyLoadException"/> naming the file and line.
/// </summary>
public static class PolicyLoader
{
    public const string DefaultSource = "built-in default policies";

    private const string ResourcePrefix = "Gatehouse.Policies.";
    private const string SchemaResource = ResourcePrefix + "gatehouse.cedarschema";

    private static readonly Lazy<CedarSchema> EmbeddedSchema = new(() => CedarSchema.Parse(ReadResource(SchemaResource), "gatehouse.cedarschema"));

    /// <summary>The Gatehouse schema every policy is validated against (policies/gatehouse.cedarschema).</summary>
    public static string SchemaText => ReadResource(SchemaResource);

    /// <summary>The built-in default policy set, with targets resolved from the input alone.</summary>
    public static PolicySnapshot LoadDefault(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Build(DefaultFiles(), DefaultSource, InputTargetFacts.Instance, PolicyContext.Empty, null, time);
    }

    /// <summary>
    /// Loads <paramref name="policyPath"/> (or the default set when null), <paramref name="inventoryPath"/> and
    /// <paramref name="contextPath"/> (each when given) into one snapshot. With a <paramref name="cache"/>, sources
    /// that compiled before (the very same texts, in this very build) skip the schema, validation and YAML readers.
    /// </summary>
    public static PolicySnapshot Load(string? policyPath, string? inventoryPath, string? contextPath, TimeProvider time, PolicySnapshotCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Load(PolicySources.Read(policyPath, inventoryPath, contextPath), time, cache);
    }

    /// <summary>Compiles sources already read, through the cache when one is given.</summary>
    internal static PolicySnapshot Load(PolicySources sources, TimeProvider time, PolicySnapshotCache? cache)
    {
        if (cache?.TryRead(sources) is { } cached)
        {
            var cachedTargets = cached.Inventory is null ? (ITargetFactsSource)InputTargetFacts.Instance : BuildInventory(cached.Inventory, sources.InventoryPath);
            return Build(sources.PolicyFiles, sources.PolicySource, cachedTargets, cached.Context ?? PolicyContext.Empty, sources.InventoryPath, time, validated: true);
        }

        var inventory = sources.InventoryText is null ? null : ReadInventory(sources.InventoryText, sources.InventoryPath);
        var context = sources.ContextText is null ? null : PolicyContextReader.Parse(sources.ContextText, sources.ContextPath ?? "context");
        var targets = inventory is null ? (ITargetFactsSource)InputTargetFacts.Instance : BuildInventory(inventory, sources.InventoryPath);
        var snapshot = Build(sources.PolicyFiles, sources.PolicySource, targets, context ?? PolicyContext.Empty, sources.InventoryPath, time, validated: false);

        // Only what compiled and validated is ever cached.
        cache?.Write(new CachedSnapshot(sources, inventory, context));
        return snapshot;
    }

    /// <summary>Builds a snapshot from policy texts (name, text) already in memory.</summary>
    internal static PolicySnapshot Build(IReadOnlyList<(string Name, string Text)> files, string source, ITargetFactsSource targets, PolicyContext context, string? inventorySource, TimeProvider time) =>
        Build(files, source, targets, context, inventorySource, time, validated: false);

    /// <param name="validated">
    /// True only for texts a cache entry of this build vouches compiled and validated before: each file's own parse
    /// (which exists only to point errors at the right file) and schema validation are skipped.
    /// </param>
    private static PolicySnapshot Build(IReadOnlyList<(string Name, string Text)> files, string source, ITargetFactsSource targets, PolicyContext context, string? inventorySource, TimeProvider time, bool validated)
    {
        // Freezes are matched by name against reached environments, so they must use the names those carry.
        context = context.WithCanonicalEnvironments((targets as InventoryTargetFacts)?.LoadedInventory);

        if (files.Count == 0)
        {
            throw new PolicyLoadException($"{source}: no .cedar policy files; with no policy everything would be denied.");
        }

        // Each file is parsed alone first so syntax errors name their own file and line; the set
        // itself is parsed from the concatenation, which gives every policy a unique id.
        var combined = new StringBuilder();
        var starts = new List<(int FirstLine, string Name)>(files.Count);
        var line = 1;
        foreach (var (name, text) in files)
        {
            try
            {
                if (!validated)
                {
                    PolicySet.Parse(text, name);
                }
            }
            catch (CedarParseException exception)
            {
                throw new PolicyLoadException(exception.Message, exception);
            }
            catch (CedarException exception)
            {
                throw new PolicyLoadException($"{name}: {exception.Message}", exception);
            }

            starts.Add((line, name));
            combined.Append(text);
            if (text.Length == 0 || text[^1] != '\n')
            {
                combined.Append('\n');
            }

            line += CountLines(text);
        }

        PolicySet policies;
        try
        {
            policies = PolicySet.Parse(combined.ToString());
        }
        catch (CedarException exception)
        {
            throw new PolicyLoadException($"{source}: {exception.Message}", exception);
        }

        string Locate(int combinedLine)
        {
            var (firstLine, name) = starts[0];
            foreach (var start in starts)
            {
                if (start.FirstLine <= combinedLine)
                {
                    (firstLine, name) = start;
                }
            }

            return $"{name}:{combinedLine - firstLine + 1}";
        }

        if (policies.Templates.Count > 0)
        {
            throw new PolicyLoadException($"{Locate(policies.Templates[0].Line)}: templates are not supported in Gatehouse policy files; write static policies.");
        }

        var validation = validated ? null : PolicyValidator.Validate(policies, EmbeddedSchema.Value);
        if (validation is { IsValid: false })
        {
            var report = new StringBuilder();
            foreach (var error in validation.Errors)
            {
                report.Append(Locate(error.Line)).Append(':').Append(error.Column).Append(": error: ").AppendLine(error.Message);
            }

            throw new PolicyLoadException($"{source}: {validation.Errors.Count} polic{(validation.Errors.Count == 1 ? "y does" : "ies do")} not validate against the Gatehouse schema:\n{report.ToString().TrimEnd()}");
        }

        var infos = new Dictionary<string, PolicyInfo>(policies.Policies.Count, StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies.Policies)
        {
            var location = Locate(policy.Line);
            var name = policy.Annotations.TryGetValue("id", out var id) && id.Length > 0 ? id : location;
            if (!names.Add(name))
            {
                throw new PolicyLoadException($"{location}: @id(\"{name}\") is used by another policy; explanations name policies by it.");
            }

            var approval = ApprovalAnnotations.Read(policy, location, out var error);
            if (error is not null)
            {
                throw new PolicyLoadException(error);
            }

            infos.Add(policy.Id, new PolicyInfo(name, policy.Effect, approval, location));
        }

        return new PolicySnapshot(policies, infos, targets, context, source, inventorySource, time.GetUtcNow());
    }

    internal static List<(string Name, string Text)> ReadPolicyFiles(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var files = new List<(string, string)>();
                foreach (var file in Directory.EnumerateFiles(path, "*.cedar", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
                {
                    files.Add((file, File.ReadAllText(file, StrictUtf8.Encoding)));
                }

                return files;
            }

            if (File.Exists(path))
            {
                return [(path, File.ReadAllText(path, StrictUtf8.Encoding))];
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new PolicyLoadException($"{path}: cannot read policies: {exception.Message}", exception);
        }

        throw new PolicyLoadException($"{path}: no such policy file or directory.");
    }

    private static InventoryDocument ReadInventory(string text, string? path)
    {
        try
        {
            return InventoryReader.Read(text, path);
        }
        catch (InventoryException exception)
        {
            throw new PolicyLoadException($"inventory: {exception.Message}", exception);
        }
    }

    /// <summary>Cross-references are checked on every load, cached or not: they are cheap and they build the lookups.</summary>
    private static InventoryTargetFacts BuildInventory(InventoryDocument document, string? path)
    {
        try
        {
            return InventoryTargetFacts.From(InventoryBuilder.Build(document, path));
        }
        catch (InventoryException exception)
        {
            throw new PolicyLoadException($"inventory: {exception.Message}", exception);
        }
    }

    internal static List<(string Name, string Text)> DefaultFiles()
    {
        var assembly = typeof(PolicyLoader).Assembly;
        var files = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".cedar", StringComparison.Ordinal))
            {
                files.Add(($"policies/{resource[ResourcePrefix.Length..]}", ReadResource(resource)));
            }
        }

        return files;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new PolicyLoadException($"The build is missing its embedded resource {name}.");
        using var reader = new StreamReader(stream, StrictUtf8.Encoding);
        return reader.ReadToEnd();
    }

    private static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return text.Length == 0 || text[^1] != '\n' ? lines + 1 : lines;
    }
}
