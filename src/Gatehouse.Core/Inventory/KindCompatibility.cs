
namespace Gatehouse.Core.Inventory;

/// <summary>
/// Whether an action's target kind may name an inventory resource of another kind. A bare id such as
/// <c>users</c> means different things to <c>DROP TABLE</c> and to <c>railway service delete</c>; matching it
/// across unrelated kinds could resolve a production action to a development resource. Kinds in the same
/// family (a bucket the classifier calls <c>backup</c>, a database it calls <c>database-server</c>) match.
/// </summary>
internal static class KindCompatibility
{
    private const int Storage = 1 << 0;
    private const int Database = 1 << 1;
    private const int Compute = 1 << 2;
    private const int Host = 1 << 3;
    private const int Kubernetes = 1 << 4;
    private const int Project = 1 << 5;
    private const int Any = -1;

    private static readonly Dictionary<string, int> Families = new(StringComparer.OrdinalIgnoreCase)
    {
        ["volume"] = Storage,
        ["disk"] = Storage,
        ["backup"] = Storage,
        ["snapshot"] = Storage,
        ["bucket"] = Storage,
        ["storage"] = Storage,
        ["database"] = Database,
        ["database-server"] = Database,
        ["instance"] = Database | Host,
        ["service"] = Compute,
        ["app"] = Compute,
        ["application"] = Compute,
        ["deployment"] = Compute,
        ["container"] = Compute,
        ["function"] = Compute,
        ["host"] = Host,
        ["node"] = Host,
        ["server"] = Host,
        ["vm"] = Host,
        ["machine"] = Host,
        ["cluster"] = Kubernetes | Database,
        ["namespace"] = Kubernetes,
        ["kubernetes-resource"] = Kubernetes,
        ["project"] = Project,
        ["stack"] = Project,
        ["account"] = Project,
        ["cloud-resource"] = Any,
        ["resource"] = Any,
        ["unknown"] = Any,
    };

    public static bool Compatible(string actionKind, string resourceKind)
    {
        if (string.Equals(actionKind, resourceKind, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Families.TryGetValue(actionKind, out var a) && Families.TryGetValue(resourceKind, out var b) && (a & b) != 0;
    }
}
