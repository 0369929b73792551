using System.Collections.Immutable;

namespace Gatehouse.Cedar.Validation;

/// <summary>
/// What the typechecker has proven present on the path to an expression: <c>e has a</c> makes <c>e.a</c>
/// safe, <c>e.hasTag(k)</c> makes <c>e.getTag(k)</c> safe. Keys name the guarded expression structurally.
/// </summary>
internal sealed class Capabilities
{
    public static readonly Capabilities None = new(ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    private readonly ImmutableHashSet<string> _keys;

    private Capabilities(ImmutableHashSet<string> keys) => _keys = keys;

    public static string AttributeKey(string target, string attribute) => target + "\u0001" + attribute;

    public static string TagKey(string target, string tag) => target + "\u0002" + tag;

    public bool Contains(string key) => _keys.Contains(key);

    public Capabilities With(string key) => new(_keys.Add(key));

    public Capabilities Union(Capabilities other) =>
        other._keys.IsEmpty ? this : _keys.IsEmpty ? other : new(_keys.Union(other._keys));

    public Capabilities Intersect(Capabilities other) =>
        _keys.IsEmpty || other._keys.IsEmpty ? None : new(_keys.Intersect(other._keys));
}
