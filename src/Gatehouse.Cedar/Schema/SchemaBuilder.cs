using System.Collections.Frozen;

namespace Gatehouse.Cedar.Schema;

/// <summary>
/// Resolves the declarations of one or more namespaces into a <see cref="CedarSchema"/>: every type name is
/// looked up as a common type, then an entity type (current namespace first, then the empty namespace), then a
/// built-in; references to undeclared types or actions, duplicates and action-hierarchy cycles are errors.
/// </summary>
internal sealed class SchemaBuilder
{
    private const int MaxTypeDepth = 256;

    private readonly string? _source;
    private readonly Dictionary<string, (RawCommonType Type, string Namespace)> _commonTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RawEntityType Type, string Namespace)> _entityTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityUid, (RawAction Action, string Namespace)> _actions = [];
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    private SchemaBuilder(string? source) => _source = source;

    public static CedarSchema Build(IReadOnlyList<RawNamespace> namespaces, string? source)
    {
        var builder = new SchemaBuilder(source);
        return builder.Run(namespaces);
    }

    private CedarSchema Run(IReadOnlyList<RawNamespace> namespaces)
    {
        foreach (var ns in namespaces)
        {
            foreach (var common in ns.CommonTypes)
            {
                if (!_commonTypes.TryAdd(Qualify(ns.Name, common.Name), (common, ns.Name)))
                {
                    throw Error($"common type `{Qualify(ns.Name, common.Name)}` is declared twice", common.Line, common.Column);
                }
            }

            foreach (var entity in ns.EntityTypes)
            {
                if (!_entityTypes.TryAdd(Qualify(ns.Name, entity.Name), (entity, ns.Name)))
                {
                    throw Error($"entity type `{Qualify(ns.Name, entity.Name)}` is declared twice", entity.Line, entity.Column);
                }
            }

            foreach (var action in ns.Actions)
            {
                var uid = new EntityUid(Qualify(ns.Name, "Action"), action.Name);
                if (!_actions.TryAdd(uid, (action, ns.Name)))
                {
                    throw Error($"action `{uid}` is declared twice", action.Line, action.Column);
                }
            }
        }

        var entityTypes = new Dictionary<string, SchemaEntityType>(StringComparer.Ordinal);
        foreach (var (name, (raw, ns)) in _entityTypes)
        {
            var parents = new List<string>();
            foreach (var parent in raw.MemberOf)
            {
                parents.Add(ResolveEntityName(parent, ns, raw.Line, raw.Column));
            }

            var shape = raw.Shape is null ? SchemaType.EmptyRecord : Resolve(raw.Shape, ns, 0);
            if (shape.Kind != SchemaTypeKind.Record)
            {
                throw Error($"the shape of entity type `{name}` must be a record, not {shape}", raw.Line, raw.Column);
            }

            var tags = raw.Tags is null ? null : Resolve(raw.Tags, ns, 0);
            entityTypes[name] = new SchemaEntityType(name, parents, shape, tags, raw.EnumIds);
        }

        var actions = new Dictionary<EntityUid, SchemaAction>();
        foreach (var (uid, (raw, ns)) in _actions)
        {
            var parents = new List<EntityUid>();
            foreach (var parent in raw.MemberOf)
            {
                parents.Add(ResolveActionRef(parent, ns, raw));
            }

            var principals = new List<string>();
            foreach (var principal in raw.Principals)
            {
                principals.Add(ResolveEntityName(principal, ns, raw.Line, raw.Column));
            }

            var resources = new List<string>();
            foreach (var resource in raw.Resources)
            {
                resources.Add(ResolveEntityName(resource, ns, raw.Line, raw.Column));
            }

            var context = raw.Context is null ? SchemaType.EmptyRecord : Resolve(raw.Context, ns, 0);
            if (context.Kind != SchemaTypeKind.Record)
            {
                throw Error($"the context of action `{uid}` must be a record, not {context}", raw.Line, raw.Column);
            }

            actions[uid] = new SchemaAction(uid, parents, principals, resources, context);
        }

        CheckActionCycles(actions);
        return new CedarSchema(entityTypes.ToFrozenDictionary(StringComparer.Ordinal), actions.ToFrozenDictionary());
    }

    private static void CheckActionCycles(Dictionary<EntityUid, SchemaAction> actions)
    {
        var state = new Dictionary<EntityUid, int>();
        foreach (var uid in actions.Keys)
        {
            Visit(uid);
        }

        void Visit(EntityUid start)
        {
            if (state.GetValueOrDefault(start) == 2)
            {
                return;
            }

            // Iterative depth-first search: a long chain of action groups must not exhaust the stack.
            var stack = new Stack<(EntityUid Uid, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (uid, next) = stack.Pop();
                var parents = actions[uid].MemberOf;
                if (next < parents.Count)
                {
                    stack.Push((uid, next + 1));
                    var parent = parents[next];
                    var parentState = state.GetValueOrDefault(parent);
                    if (parentState == 1)
                    {
                        throw new CedarException($"schema error: action hierarchy has a cycle through `{parent}`");
                    }

                    if (parentState == 0)
                    {
                        state[parent] = 1;
                        stack.Push((parent, 0));
                    }
                }
                else
                {
                    state[uid] = 2;
                }
            }
        }
    }

    private EntityUid ResolveActionRef(RawActionRef reference, string ns, RawAction owner)
    {
        var candidates = reference.Type is null
            ? [Qualify(ns, "Action")]
            : new[] { Qualify(ns, reference.Type), reference.Type };
        foreach (var type in candidates)
        {
            var uid = new EntityUid(type, reference.Id);
            if (_actions.ContainsKey(uid))
            {
                return uid;
            }
        }

        throw Error($"action `{Qualify(ns, "Action")}::\"{owner.Name}\"` is a member of undeclared action `{new EntityUid(reference.Type ?? Qualify(ns, "Action"), reference.Id)}`", owner.Line, owner.Column);
    }

    private string ResolveEntityName(string name, string ns, int line, int column)
    {
        var qualified = Qualify(ns, name);
        if (_entityTypes.ContainsKey(qualified))
        {
            return qualified;
        }

        if (_entityTypes.ContainsKey(name))
        {
            return name;
        }

        throw Error($"undeclared entity type `{name}`", line, column);
    }

    private SchemaType Resolve(RawType raw, string ns, int depth)
    {
        if (depth > MaxTypeDepth)
        {
            throw Error("type nests too deeply", raw.Line, raw.Column);
        }

        switch (raw.Kind)
        {
            case RawTypeKind.Bool: return SchemaType.Bool;
            case RawTypeKind.Long: return SchemaType.Long;
            case RawTypeKind.String: return SchemaType.String;
            case RawTypeKind.Extension:
                return IsExtensionName(raw.Name!)
                    ? SchemaType.Extension(raw.Name!)
                    : throw Error($"unknown extension type `{raw.Name}`", raw.Line, raw.Column);
            case RawTypeKind.Set:
                return SchemaType.Set(Resolve(raw.Element!, ns, depth + 1));
            case RawTypeKind.Record:
                var attributes = new Dictionary<string, SchemaAttribute>(StringComparer.Ordinal);
                foreach (var attribute in raw.Attributes!)
                {
                    if (!attributes.TryAdd(attribute.Name, new SchemaAttribute(Resolve(attribute.Type, ns, depth + 1), attribute.Required)))
                    {
                        throw Error($"attribute `{attribute.Name}` is declared twice", attribute.Type.Line, attribute.Type.Column);
                    }
                }

                return SchemaType.Record(attributes, raw.IsOpen);
            case RawTypeKind.EntityName:
                return SchemaType.Entity(ResolveEntityName(raw.Name!, ns, raw.Line, raw.Column));
            default:
                return ResolveName(raw, ns, depth);
        }
    }

    private SchemaType ResolveName(RawType raw, string ns, int depth)
    {
        var name = raw.Name!;
        var candidates = name.Contains("::", StringComparison.Ordinal) ? new[] { name } : [Qualify(ns, name), name];
        foreach (var candidate in candidates)
        {
            if (_commonTypes.TryGetValue(candidate, out var common))
            {
                if (!_resolving.Add(candidate))
                {
                    throw Error($"common type `{candidate}` refers to itself", raw.Line, raw.Column);
                }

                try
                {
                    return Resolve(common.Type.Type, common.Namespace, depth + 1);
                }
                finally
                {
                    _resolving.Remove(candidate);
                }
            }

            if (raw.Kind == RawTypeKind.Named && _entityTypes.ContainsKey(candidate))
            {
                return SchemaType.Entity(candidate);
            }
        }

        var builtin = name.StartsWith("__cedar::", StringComparison.Ordinal) ? name["__cedar::".Length..] : name;
        switch (builtin)
        {
            case "Bool" or "Boolean": return SchemaType.Bool;
            case "Long": return SchemaType.Long;
            case "String": return SchemaType.String;
            default:
                if (IsExtensionName(builtin))
                {
                    return SchemaType.Extension(builtin);
                }

                throw Error($"undeclared type `{name}`", raw.Line, raw.Column);
        }
    }

    private static bool IsExtensionName(string name) => name is "ipaddr" or "decimal" or "datetime" or "duration";

    internal static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "::" + name;

    private CedarParseException Error(string message, int line, int column) =>
        new([new CedarDiagnostic("schema error: " + message, line, column, _source)]);
}
