using System.Collections.Frozen;
using Gatehouse.Cedar.Schema;

namespace Gatehouse.Cedar;

/// <summary>
/// A Cedar schema: entity types (attributes, parents, tags, enumerations) and actions (what they apply to,
/// their context, their groups). Read from the JSON format (<see cref="FromJson"/>) or the human-readable
/// <c>.cedarschema</c> format (<see cref="Parse"/>); immutable once built.
/// </summary>
public sealed class CedarSchema
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _entityAncestors;
    private readonly FrozenDictionary<EntityUid, FrozenSet<EntityUid>> _actionAncestors;
    private readonly FrozenSet<string> _actionTypes;

    internal CedarSchema(FrozenDictionary<string, SchemaEntityType> entityTypes, FrozenDictionary<EntityUid, SchemaAction> actions)
    {
        EntityTypes = entityTypes;
        Actions = actions;
        _entityAncestors = entityTypes.ToFrozenDictionary(
            e => e.Key,
            e => Closure(e.Key, t => entityTypes.TryGetValue(t, out var type) ? type.MemberOfTypes : []),
            StringComparer.Ordinal);
        _actionAncestors = actions.ToFrozenDictionary(a => a.Key, a => Closure(a.Key, u => actions.TryGetValue(u, out var action) ? action.MemberOf : []));
        _actionTypes = actions.Keys.Select(a => a.Type).ToFrozenSet(StringComparer.Ordinal);
        ActionsInOrder = [.. actions.Values.OrderBy(a => a.Uid.Type, StringComparer.Ordinal).ThenBy(a => a.Uid.Id, StringComparer.Ordinal)];
    }

    internal FrozenDictionary<string, SchemaEntityType> EntityTypes { get; }

    internal FrozenDictionary<EntityUid, SchemaAction> Actions { get; }

    internal IReadOnlyList<SchemaAction> ActionsInOrder { get; }

    /// <summary>Reads the Cedar JSON schema format; a malformed or inconsistent schema throws <see cref="CedarException"/>.</summary>
    public static CedarSchema FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return SchemaBuilder.Build(JsonSchemaReader.Read(json), null);
    }

    /// <summary>Reads the human-readable <c>.cedarschema</c> format; errors carry line and column (<see cref="CedarParseException"/>).</summary>
    public static CedarSchema Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SchemaBuilder.Build(HumanSchemaParser.Parse(text, source), source);
    }

    /// <summary>True when <paramref name="type"/> names an entity type or an action type of this schema.</summary>
    internal bool IsKnownEntityType(string type) => EntityTypes.ContainsKey(type) || _actionTypes.Contains(type);

    internal bool IsActionType(string type) => _actionTypes.Contains(type);

    /// <summary>Entities of type <paramref name="descendant"/> can be <c>in</c> an entity of type <paramref name="ancestor"/>.</summary>
    internal bool CanBeIn(string descendant, string ancestor) =>
        string.Equals(descendant, ancestor, StringComparison.Ordinal)
        || (_entityAncestors.TryGetValue(descendant, out var ancestors) && ancestors.Contains(ancestor));

    /// <summary>Action <paramref name="action"/> is <paramref name="group"/> or a transitive member of it.</summary>
    internal bool ActionIsIn(EntityUid action, EntityUid group) =>
        action == group || (_actionAncestors.TryGetValue(action, out var ancestors) && ancestors.Contains(group));

    private static FrozenSet<T> Closure<T>(T start, Func<T, IReadOnlyList<T>> parents)
        where T : notnull
    {
        var seen = new HashSet<T>();
        var pending = new Stack<T>();
        foreach (var parent in parents(start))
        {
            pending.Push(parent);
        }

        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (seen.Add(next))
            {
                foreach (var parent in parents(next))
                {
                    pending.Push(parent);
                }
            }
        }

        return seen.ToFrozenSet();
    }
}
