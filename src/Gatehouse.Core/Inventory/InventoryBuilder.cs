namespace Gatehouse.Core.Inventory;

/// <summary>
/// Validates declarations as a whole and builds the immutable <see cref="Inventory"/>. Names are compared
/// case-insensitively everywhere: <c>Prod</c> and <c>prod</c> are the same environment, and two resources
/// cannot hide behind names that differ only in case.
/// </summary>
internal sealed class InventoryBuilder
{
    private readonly string? _source;
    private readonly Dictionary<string, InventoryEnvironment> _environments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ResourceDeclaration> _resourcesById = new(StringComparer.OrdinalIgnoreCase);

    private InventoryBuilder(string? source) => _source = source;

    public static Inventory Build(InventoryDocument document, string? source) => new InventoryBuilder(source).Build(document);

    private Inventory Build(InventoryDocument document)
    {
        var environments = BuildEnvironments(document.Environments);
        foreach (var resource in document.Resources)
        {
            if (_resourcesById.TryGetValue(resource.Id.Value, out var first))
            {
                throw Error(resource.Id, $"resource id '{resource.Id.Value}' is already used by the resource at line {first.Id.Line}");
            }

            _resourcesById.Add(resource.Id.Value, resource);
        }

        CheckNamesAreUnique(document.Resources);
        var resources = new InventoryResource[document.Resources.Count];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = BuildResource(document.Resources[i]);
        }

        var credentials = BuildCredentials(document.Credentials);
        return new Inventory(environments, resources, credentials);
    }

    private InventoryEnvironment[] BuildEnvironments(IReadOnlyList<EnvironmentDeclaration> declarations)
    {
        var claimed = new Dictionary<string, Located>(StringComparer.OrdinalIgnoreCase);
        var environments = new InventoryEnvironment[declarations.Count];
        for (var i = 0; i < declarations.Count; i++)
        {
            var declaration = declarations[i];
            Claim(claimed, declaration.Name, "environment name");
            var aliases = new List<string>(declaration.Aliases.Count);
            foreach (var alias in declaration.Aliases)
            {
                Claim(claimed, alias, "environment alias");
                aliases.Add(alias.Value);
            }

            environments[i] = new InventoryEnvironment(declaration.Name.Value, i, aliases);
            _environments[declaration.Name.Value] = environments[i];
            foreach (var alias in aliases)
            {
                _environments[alias] = environments[i];
            }
        }

        return environments;
    }

    private void Claim(Dictionary<string, Located> claimed, Located name, string what)
    {
        if (claimed.TryGetValue(name.Value, out var first))
        {
            throw Error(name, $"{what} '{name.Value}' is already declared at line {first.Line}");
        }

        claimed.Add(name.Value, name);
    }

    /// <summary>
    /// Every id and name must lead to exactly one resource; otherwise resolution would have to guess, and a
    /// guess can make a production resource look like a development one.
    /// </summary>
    private void CheckNamesAreUnique(IReadOnlyList<ResourceDeclaration> resources)
    {
        var owners = new Dictionary<string, (ResourceDeclaration Owner, Located Where)>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources)
        {
            owners[AliasForms.Key(resource.Id.Value)] = (resource, resource.Id);
        }

        foreach (var resource in resources)
        {
            foreach (var name in resource.Names)
            {
                var key = AliasForms.Key(name.Value);
                if (key.Length == 0)
                {
                    throw Error(name, "a name must not be empty");
                }

                if (owners.TryGetValue(key, out var owner))
                {
                    if (ReferenceEquals(owner.Owner, resource))
                    {
                        continue;
                    }

                    throw Error(name, $"name '{name.Value}' of resource '{resource.Id.Value}' already identifies resource '{owner.Owner.Id.Value}' (line {owner.Where.Line})");
                }

                owners.Add(key, (resource, name));
            }
        }
    }

    private InventoryResource BuildResource(ResourceDeclaration declaration)
    {
        var names = new List<string>(declaration.Names.Count);
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in declaration.Names)
        {
            if (seenNames.Add(AliasForms.Key(name.Value)))
            {
                names.Add(name.Value);
            }
        }

        var environments = ResolveEnvironments(declaration.Environments, "resource '" + declaration.Id.Value + "'");
        var relations = new List<InventoryRelation>(declaration.Relations.Count);
        var seenRelations = new HashSet<(InventoryRelationKind, string)>();
        foreach (var relation in declaration.Relations)
        {
            if (!_resourcesById.TryGetValue(relation.Target.Value, out var target))
            {
                throw Error(relation.Target, $"{InventoryRelationNames.Of(relation.Kind)} of resource '{declaration.Id.Value}' names '{relation.Target.Value}', which is not a declared resource");
            }

            if (ReferenceEquals(target, declaration) && relation.Kind != InventoryRelationKind.StoresBackupsOf)
            {
                throw Error(relation.Target, $"resource '{declaration.Id.Value}' cannot be {InventoryRelationNames.Of(relation.Kind)} itself");
            }

            if (seenRelations.Add((relation.Kind, target.Id.Value)))
            {
                relations.Add(new InventoryRelation(relation.Kind, target.Id.Value));
            }
        }

        return new InventoryResource(declaration.Id.Value, declaration.Kind.Value, names, environments, relations, declaration.Description);
    }

    private List<string> ResolveEnvironments(IReadOnlyList<Located> names, string owner)
    {
        var environments = new List<string>(names.Count);
        foreach (var name in names)
        {
            if (!_environments.TryGetValue(name.Value, out var environment))
            {
                var declared = _environments.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", _environments.Values.Distinct().Select(e => e.Name));
                throw Error(name, $"{owner} names environment '{name.Value}', which is not declared ({declared})");
            }

            if (!environments.Contains(environment.Name, StringComparer.Ordinal))
            {
                environments.Add(environment.Name);
            }
        }

        return environments;
    }

    private InventoryCredential[] BuildCredentials(IReadOnlyList<CredentialDeclaration> declarations)
    {
        var ids = new Dictionary<string, Located>(StringComparer.OrdinalIgnoreCase);
        var variables = new Dictionary<string, Located>(StringComparer.Ordinal);
        var profiles = new Dictionary<string, Located>(StringComparer.OrdinalIgnoreCase);
        var credentials = new InventoryCredential[declarations.Count];
        for (var i = 0; i < declarations.Count; i++)
        {
            var declaration = declarations[i];
            Claim(ids, declaration.Id, "credential id");
            foreach (var variable in declaration.EnvironmentVariables)
            {
                Claim(variables, variable, "credential environment variable");
            }

            foreach (var profile in declaration.Profiles)
            {
                Claim(profiles, profile, "credential profile");
            }

            var resources = new List<string>(declaration.Resources.Count);
            foreach (var resource in declaration.Resources)
            {
                if (!_resourcesById.TryGetValue(resource.Value, out var target))
                {
                    throw Error(resource, $"credential '{declaration.Id.Value}' is scoped to '{resource.Value}', which is not a declared resource");
                }

                resources.Add(target.Id.Value);
            }

            credentials[i] = new InventoryCredential(
                declaration.Id.Value,
                resources,
                ResolveEnvironments(declaration.Environments, "credential '" + declaration.Id.Value + "'"),
                Values(declaration.EnvironmentVariables),
                Values(declaration.Profiles),
                Values(declaration.Files),
                declaration.Description);
        }

        return credentials;
    }

    private static string[] Values(IReadOnlyList<Located> located)
    {
        var values = new string[located.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = located[i].Value;
        }

        return values;
    }

    private InventoryException Error(Located at, string message) => new(_source, at.Line, at.Column, message);
}
