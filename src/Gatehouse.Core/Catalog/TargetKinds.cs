using Gatehouse.Core.Model;

namespace Gatehouse.Core.Catalog;

/// <summary>Refinements of a target kind that hold for every tool, whatever its rule calls the target.</summary>
internal static class TargetKinds
{
    public const string Backup = "backup";

    /// <summary>Generic storage kinds a name can make more precise; specific kinds (database, snapshot, secret) already say more.</summary>
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "file", "directory", "bucket", "object", "cloud-resource", "data-store", "storage",
    };

    /// <summary>
    /// Deleting something whose name says it holds backups (<c>/mnt/backups</c>, <c>remote:acme-backups</c>, a container
    /// named <c>backups</c>) deletes backups: that is what a policy about backups needs to see.
    /// </summary>
    public static string OfDeletion(Verb verb, string kind, string? id) =>
        verb == Verb.Delete && id is not null && Containers.Contains(kind) && id.Contains(Backup, StringComparison.OrdinalIgnoreCase)
            ? Backup
            : kind;
}
