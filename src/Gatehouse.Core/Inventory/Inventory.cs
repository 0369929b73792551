
namespace Gatehouse.Core.Inventory;

/// <summary>
/// The real layout an agent works against: environments in criticality order, resources with every name
/// they are known by and the relations through which damage travels, and credentials with their scopes.
/// </summary>
/// <remarks>
/// An inventory is an immutable snapshot, validated as a whole when it is parsed: every environment a
/// resource or credential names is declared, every relation points at a declared resource, and no id or
/// name is claimed twice. Indexes for resolution (names, environments, damage edges) are built here once,
/// so <see cref="InventoryResolver"/> does no parsing and no scanning at resolve time.
/// The YAML layout is documented in <c>examples/pocketos/README.md</c>.
/// </remarks>
public sealed class Inventory
{
    /// <summary>Inputs larger than this are refused before parsing: an inventory is configuration, not data.</summary>
    public const int MaxInputChars = 32 * 1024 * 1024;

    private readonly Dictionary<string, InventoryEnvironment> _environmentsByName;
    private readonly Dictionary<string, InventoryCredential> _credentialsByVariable;
    private readonly Dictionary<string, InventoryCredential> _credentialsByProfile;

    internal Inventory(
        IReadOnlyList<InventoryEnvironment> environments,
        IReadOnlyList<InventoryResource> resources,
        IReadOnlyList<InventoryCredential> credentials)
    {
        Environments = environments;
        Resources = resources;
        Credentials = credentials;
        var byName = new Dictionary<string, InventoryEnvironment>(StringComparer.OrdinalIgnoreCase);
        foreach (var environment in environments)
        {
            byName[environment.Name] = environment;
            foreach (var alias in environment.Aliases)
            {
                byName[alias] = environment;
            }
        }

        // Plain dictionaries, never mutated after this constructor: a hook process builds them once and looks up a handful of
        // names, where a frozen dictionary's longer build is not repaid.
        _environmentsByName = byName;
        var byVariable = new Dictionary<string, InventoryCredential>(StringComparer.Ordinal);
        var byProfile = new Dictionary<string, InventoryCredential>(StringComparer.OrdinalIgnoreCase);
        foreach (var credential in credentials)
        {
            foreach (var variable in credential.EnvironmentVariables)
            {
                byVariable[variable] = credential;
            }

            foreach (var profile in credential.Profiles)
            {
                byProfile[profile] = credential;
            }
        }

        // Environment variable names are case-sensitive on the systems agents run on; profiles and contexts are not.
        _credentialsByVariable = byVariable;
        _credentialsByProfile = byProfile;
        Graph = new InventoryGraph(this);
    }

    /// <summary>An inventory that knows nothing: every target resolves as unknown.</summary>
    public static Inventory Empty { get; } = new([], [], []);

    /// <summary>Environments in criticality order, least critical first.</summary>
    public IReadOnlyList<InventoryEnvironment> Environments { get; }

    public IReadOnlyList<InventoryResource> Resources { get; }

    public IReadOnlyList<InventoryCredential> Credentials { get; }

    /// <summary>Name, alias and damage-edge indexes with the per-resource reach cache.</summary>
    internal InventoryGraph Graph { get; }

    /// <summary>Parses and validates an inventory document.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="source">A label for error messages, usually the file path.</param>
    /// <exception cref="InventoryException">The document is malformed or does not hold together; the message carries line:column.</exception>
    public static Inventory Parse(string yaml, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return InventoryBuilder.Build(InventoryReader.Read(yaml, source), source);
    }

    /// <summary>Reads, parses and validates an inventory file.</summary>
    /// <exception cref="InventoryException">The file cannot be read, is malformed, or does not hold together.</exception>
    public static Inventory Load(string path) => Parse(ReadFile(path), path);

    /// <summary>Reads an inventory file's text, within the size limit and as strict UTF-8.</summary>
    /// <exception cref="InventoryException">The file cannot be read.</exception>
    internal static string ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxInputChars * 4L)
            {
                throw new InventoryException(path, 0, 0, $"the file is larger than the {MaxInputChars}-character limit for an inventory");
            }

            return File.ReadAllText(path, StrictUtf8.Encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException or NotSupportedException or ArgumentException)
        {
            throw new InventoryException(path, 0, 0, "cannot read the inventory: " + e.Message, e);
        }
    }

    /// <summary>
    /// The criticality of an environment by name or alias (case-insensitive). An environment the inventory
    /// does not declare counts as more critical than every declared one: an unknown never looks harmless.
    /// </summary>
    public int Criticality(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return _environmentsByName.TryGetValue(environment.Trim(), out var found) ? found.Criticality : Environments.Count;
    }

    /// <summary>The credential carried by this environment variable, if any.</summary>
    internal InventoryCredential? FindCredentialByVariable(string name) =>
        _credentialsByVariable.TryGetValue(name, out var found) ? found : null;

    /// <summary>The credential selected by this profile or context name, if any.</summary>
    internal InventoryCredential? FindCredentialByProfile(string name) =>
        _credentialsByProfile.TryGetValue(name.Trim(), out var found) ? found : null;

    /// <summary>The declared environment with this name or alias, if any.</summary>
    internal InventoryEnvironment? FindEnvironment(string nameOrAlias) =>
        _environmentsByName.TryGetValue(nameOrAlias.Trim(), out var found) ? found : null;
}
