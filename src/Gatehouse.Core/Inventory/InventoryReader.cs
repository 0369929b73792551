using Gatehouse.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.Inventory;

/// <summary>
/// Turns inventory YAML into declarations, checking shapes and keys (every unknown key is an error, so a
/// typo such as <c>attached-to</c> cannot silently drop a relation). Cross-references are checked later by
/// <see cref="InventoryBuilder"/>.
/// </summary>
internal sealed class InventoryReader
{
    /// <summary>The layout is four levels deep; anything far deeper is hostile and would only exhaust the stack.</summary>
    private const int MaxDepth = 24;

    private readonly string? _source;

    private InventoryReader(string? source) => _source = source;

    public static InventoryDocument Read(string yaml, string? source)
    {
        if (yaml.Length > Inventory.MaxInputChars)
        {
            throw new InventoryException(source, 0, 0, $"the inventory is larger than the {Inventory.MaxInputChars}-character limit");
        }

        var reader = new InventoryReader(source);
        var root = reader.LoadRoot(yaml);
        return root is null ? new InventoryDocument([], [], []) : reader.ReadRoot(root);
    }

    private YamlNode? LoadRoot(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(DepthLimitingParser.Over(yaml, MaxDepth, "an inventory"));
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                throw Error(second, "an inventory is one YAML document; found a second one");
            }

            var root = stream.Documents[0].RootNode;
            return root is YamlScalarNode { Value: null or "" or "~" or "null" } ? null : root;
        }
        catch (YamlNestingException e)
        {
            throw new InventoryException(_source, e.Start.Line, e.Start.Column, e.Message, e);
        }
        catch (YamlException e)
        {
            throw new InventoryException(_source, e.Start.Line, e.Start.Column, "invalid YAML: " + e.Message, e);
        }
    }

    private InventoryDocument ReadRoot(YamlNode root)
    {
        var map = Mapping(root, "the inventory");
        IReadOnlyList<EnvironmentDeclaration> environments = [];
        IReadOnlyList<ResourceDeclaration> resources = [];
        IReadOnlyList<CredentialDeclaration> credentials = [];
        foreach (var (key, value) in Entries(map))
        {
            switch (key.Value)
            {
                case "environments": environments = Items(value, key.Value, ReadEnvironment); break;
                case "resources": resources = Items(value, key.Value, ReadResource); break;
                case "credentials": credentials = Items(value, key.Value, ReadCredential); break;
                default: throw UnknownKey(key, "environments, resources, credentials");
            }
        }

        return new InventoryDocument(environments, resources, credentials);
    }

    private EnvironmentDeclaration ReadEnvironment(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new EnvironmentDeclaration(Required(node, "environment name"), []);
        }

        var map = Mapping(node, "an environment (a name, or a mapping with name and aliases)");
        Located? name = null;
        IReadOnlyList<Located> aliases = [];
        foreach (var (key, value) in Entries(map))
        {
            switch (key.Value)
            {
                case "name": name = Required(value, "environment name"); break;
                case "aliases": aliases = Scalars(value, "aliases"); break;
                case "description": Optional(value, "description"); break;
                default: throw UnknownKey(key, "name, aliases, description");
            }
        }

        return new EnvironmentDeclaration(name ?? throw Error(node, "an environment needs a name"), aliases);
    }

    private ResourceDeclaration ReadResource(YamlNode node)
    {
        var map = Mapping(node, "a resource");
        Located? id = null;
        Located? kind = null;
        var names = new List<Located>();
        IReadOnlyList<Located> environments = [];
        IReadOnlyList<RelationDeclaration> relations = [];
        string? description = null;
        foreach (var (key, value) in Entries(map))
        {
            switch (key.Value)
            {
                case "id": id = Required(value, "resource id"); break;
                case "kind": kind = Required(value, "resource kind"); break;
                case "names" or "aliases": names.AddRange(Scalars(value, key.Value)); break;
                case "environments": environments = Scalars(value, key.Value); break;
                case "relations": relations = ReadRelations(value); break;
                case "description": description = Optional(value, "description"); break;
                default: throw UnknownKey(key, "id, kind, names, aliases, environments, relations, description");
            }
        }

        return new ResourceDeclaration(
            id ?? throw Error(node, "a resource needs an id"),
            kind ?? throw Error(node, "resource '" + id.Value.Value + "' needs a kind (volume, database, service, …)"),
            names,
            environments,
            relations,
            description);
    }

    private List<RelationDeclaration> ReadRelations(YamlNode node)
    {
        var relations = new List<RelationDeclaration>();
        foreach (var (key, value) in Entries(Mapping(node, "relations")))
        {
            if (!InventoryRelationNames.TryParse(key.Value, out var kind))
            {
                throw UnknownKey(key, "attached_to, stores_backups_of, replica_of, depends_on, failure_domain");
            }

            foreach (var target in Scalars(value, key.Value))
            {
                relations.Add(new RelationDeclaration(kind, target));
            }
        }

        return relations;
    }

    private CredentialDeclaration ReadCredential(YamlNode node)
    {
        var map = Mapping(node, "a credential");
        Located? id = null;
        IReadOnlyList<Located> resources = [];
        IReadOnlyList<Located> environments = [];
        IReadOnlyList<Located> variables = [];
        IReadOnlyList<Located> profiles = [];
        IReadOnlyList<Located> files = [];
        string? description = null;
        foreach (var (key, value) in Entries(map))
        {
            switch (key.Value)
            {
                case "id": id = Required(value, "credential id"); break;
                case "description": description = Optional(value, "description"); break;
                case "scopes":
                    foreach (var (scopeKey, scopeValue) in Entries(Mapping(value, "scopes")))
                    {
                        switch (scopeKey.Value)
                        {
                            case "resources": resources = Scalars(scopeValue, scopeKey.Value); break;
                            case "environments": environments = Scalars(scopeValue, scopeKey.Value); break;
                            default: throw UnknownKey(scopeKey, "resources, environments");
                        }
                    }

                    break;
                case "recognized_by":
                    foreach (var (howKey, howValue) in Entries(Mapping(value, "recognized_by")))
                    {
                        switch (howKey.Value)
                        {
                            case "env_vars": variables = Scalars(howValue, howKey.Value); break;
                            case "profiles": profiles = Scalars(howValue, howKey.Value); break;
                            case "files": files = Scalars(howValue, howKey.Value); break;
                            default: throw UnknownKey(howKey, "env_vars, profiles, files");
                        }
                    }

                    break;
                default: throw UnknownKey(key, "id, description, scopes, recognized_by");
            }
        }

        return new CredentialDeclaration(id ?? throw Error(node, "a credential needs an id"), resources, environments, variables, profiles, files, description);
    }

    private List<T> Items<T>(YamlNode node, string what, Func<YamlNode, T> read)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"'{what}' must be a list");
        }

        var items = new List<T>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            items.Add(read(child));
        }

        return items;
    }

    /// <summary>A single scalar or a list of scalars; both spellings are natural in hand-written YAML.</summary>
    private List<Located> Scalars(YamlNode node, string what)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is YamlScalarNode)
        {
            return [Required(node, what)];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"'{what}' must be a name or a list of names");
        }

        var values = new List<Located>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            if (child is not YamlScalarNode)
            {
                throw Error(child, $"each entry of '{what}' must be a plain value");
            }

            values.Add(Required(child, what));
        }

        return values;
    }

    private Located Required(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, $"{what} must be a plain value");
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value) || (scalar.Style == ScalarStyle.Plain && value is "~" or "null"))
        {
            throw Error(node, $"{what} must not be empty");
        }

        return new Located(value, node.Start.Line, node.Start.Column);
    }

    private string? Optional(YamlNode node, string what) => IsNull(node) ? null : Required(node, what).Value;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, what + " must be a mapping");

    private IEnumerable<(Located Key, YamlNode Value)> Entries(YamlMappingNode map)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Children)
        {
            var key = Required(entry.Key, "a key");
            if (!seen.Add(key.Value))
            {
                throw Error(entry.Key, $"key '{key.Value}' appears twice");
            }

            yield return (key, entry.Value);
        }
    }

    private InventoryException UnknownKey(Located key, string expected) =>
        new(_source, key.Line, key.Column, $"unknown key '{key.Value}' (expected one of: {expected})");

    private InventoryException Error(YamlNode node, string message) =>
        new(_source, node.Start.Line, node.Start.Column, message);
}
