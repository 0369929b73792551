namespace Gatehouse.Core.Inventory;

/// <summary>
/// A credential an agent could hold, what it can reach, and how to recognise it in a command or a workspace.
/// </summary>
public sealed class InventoryCredential
{
    internal InventoryCredential(
        string id,
        IReadOnlyList<string> resources,
        IReadOnlyList<string> environments,
        IReadOnlyList<string> environmentVariables,
        IReadOnlyList<string> profiles,
        IReadOnlyList<string> files,
        string? description)
    {
        Id = id;
        Resources = resources;
        Environments = environments;
        EnvironmentVariables = environmentVariables;
        Profiles = profiles;
        Files = files;
        Description = description;
    }

    public string Id { get; }

    /// <summary>Ids of the resources the credential can act on.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>Canonical names of the environments the credential can act in (as a whole).</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>Environment variable names that carry it, e.g. <c>RAILWAY_TOKEN</c>.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; }

    /// <summary>Named profiles or contexts that select it, e.g. an AWS profile or a kube context.</summary>
    public IReadOnlyList<string> Profiles { get; }

    /// <summary>Files it is stored in, e.g. <c>~/.railway/config.json</c>, <c>.env</c>.</summary>
    public IReadOnlyList<string> Files { get; }

    public string? Description { get; }

    public override string ToString() => "credential " + Id;
}
