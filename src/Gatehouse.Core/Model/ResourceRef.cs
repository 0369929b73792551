namespace Gatehouse.Core.Model;

/// <summary>The thing an action touches.</summary>
/// <param name="Kind">A resource kind such as <c>file</c>, <c>database</c>, <c>table</c>, <c>volume</c>, <c>namespace</c>.</param>
/// <param name="Id">The best identifier the input carries (a path, a name, an id); null when the input names none.</param>
/// <param name="Environments">Environments the target reaches, as far as the input tells (the inventory refines this later).</param>
public sealed record ResourceRef(string Kind, string? Id, IReadOnlyList<string> Environments)
{
    public static ResourceRef Of(string kind, string? id = null) => new(kind, id, []);
}
