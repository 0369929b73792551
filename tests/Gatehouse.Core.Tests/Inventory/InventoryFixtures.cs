using Gatehouse.Core.Inventory;
using Gatehouse.Core.Model;
using GatehouseInventory = Gatehouse.Core.Inventory.Inventory;

namespace Gatehouse.Core.Tests.Inventory;

/// <summary>Shared helpers: the shipped example inventories and hand-built actions.</summary>
internal static class InventoryFixtures
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    public static string ExamplePath(string example) => Path.Combine(RepositoryRoot.Value, "examples", example, "inventory.yaml");

    public static GatehouseInventory LoadExample(string example) => GatehouseInventory.Load(ExamplePath(example));

    public static AgentAction Action(Verb verb, string kind, string? id, params string[] hints) => new()
    {
        Verb = verb,
        Target = ResourceRef.Of(kind, id),
        Tool = "test",
        Reversible = verb is Verb.Read or Verb.List,
        Risk = Risk.Low,
        Path = "test",
        RuleId = "test",
        Reason = "test",
        EnvironmentHints = hints,
    };

    public static Resolution Resolve(string yaml, AgentAction action) => new InventoryResolver(GatehouseInventory.Parse(yaml)).Resolve(action);

    public static string[] ReachedIds(Resolution resolution) => [.. resolution.BlastRadius.Select(r => r.Resource.Id).Order(StringComparer.Ordinal)];

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gatehouse.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Gatehouse.slnx not found above " + AppContext.BaseDirectory);
    }
}
