namespace Gatehouse.Core.Inventory;

/// <summary>
/// A resource in a blast radius and how it was reached. The path is a chain through <see cref="Previous"/>
/// rather than a copied list, so a long chain of relations costs one object per resource, not a quadratic copy.
/// </summary>
public sealed class ReachedResource
{
    internal ReachedResource(InventoryResource resource, RelationStep? via, ReachedResource? previous)
    {
        Resource = resource;
        Via = via;
        Previous = previous;
        Depth = previous is null ? (via is null ? 0 : 1) : previous.Depth + 1;
    }

    public InventoryResource Resource { get; }

    /// <summary>The relation that reached it; null when the action itself named this resource.</summary>
    public RelationStep? Via { get; }

    /// <summary>The resource reached one step earlier; null when reached directly from a named resource.</summary>
    public ReachedResource? Previous { get; }

    /// <summary>Number of relations between the named resource and this one (0 when named directly).</summary>
    public int Depth { get; }

    /// <summary>The relation path from the named resource to this one, first step first.</summary>
    public IReadOnlyList<RelationStep> Path
    {
        get
        {
            var steps = new RelationStep[Depth];
            var index = Depth;
            for (var current = this; current is not null && index > 0; current = current.Previous)
            {
                if (current.Via is not null)
                {
                    steps[--index] = current.Via;
                }
            }

            return index == 0 ? steps : steps[index..];
        }
    }

    public override string ToString() =>
        Via is null ? Resource.Id + " (named by the action)" : Resource.Id + " via " + string.Join(", ", Path);
}
