using System.Text.Json;
using Gatehouse.Cedar.Json;

namespace Gatehouse.Cedar.Schema;

/// <summary>
/// Reads Cedar's JSON schema format (<c>{"Ns": {"entityTypes": …, "actions": …, "commonTypes": …}}</c>) into
/// raw declarations. Unknown keys and ill-typed values are errors naming the JSON path.
/// </summary>
internal static class JsonSchemaReader
{
    private const int MaxTypeDepth = 256;

    public static IReadOnlyList<RawNamespace> Read(string json) => JsonInput.Read(json, "schema", ReadRoot);

    private static IReadOnlyList<RawNamespace> ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("$", "a schema is a JSON object of namespaces");
        }

        var namespaces = new List<RawNamespace>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in root.EnumerateObject())
        {
            if (!seen.Add(ns.Name))
            {
                throw Fail("$", $"namespace `{ns.Name}` appears twice");
            }

            namespaces.Add(ReadNamespace(ns.Name, ns.Value));
        }

        return namespaces;
    }

    private static RawNamespace ReadNamespace(string name, JsonElement body)
    {
        var path = name.Length == 0 ? "$[\"\"]" : "$." + name;
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, "a namespace is a JSON object");
        }

        var ns = new RawNamespace(name);
        foreach (var section in body.EnumerateObject())
        {
            var here = path + "." + section.Name;
            switch (section.Name)
            {
                case "entityTypes":
                    foreach (var entity in Members(section.Value, here))
                    {
                        ns.EntityTypes.Add(ReadEntityType(entity.Name, entity.Value, here + "." + entity.Name));
                    }

                    break;
                case "actions":
                    foreach (var action in Members(section.Value, here))
                    {
                        ns.Actions.Add(ReadAction(action.Name, action.Value, here + "." + action.Name));
                    }

                    break;
                case "commonTypes":
                    foreach (var common in Members(section.Value, here))
                    {
                        ns.CommonTypes.Add(new RawCommonType(common.Name, ReadType(common.Value, here + "." + common.Name, 0), 0, 0));
                    }

                    break;
                case "annotations":
                    break;
                default:
                    throw Fail(here, $"unknown namespace key `{section.Name}`");
            }
        }

        return ns;
    }

    private static RawEntityType ReadEntityType(string name, JsonElement body, string path)
    {
        var memberOf = new List<string>();
        RawType? shape = null;
        RawType? tags = null;
        List<string>? enumIds = null;
        foreach (var field in Members(body, path))
        {
            var here = path + "." + field.Name;
            switch (field.Name)
            {
                case "memberOfTypes":
                    memberOf.AddRange(Strings(field.Value, here));
                    break;
                case "shape":
                    shape = ReadType(field.Value, here, 0);
                    break;
                case "tags":
                    tags = ReadType(field.Value, here, 0);
                    break;
                case "enum":
                    enumIds = Strings(field.Value, here);
                    if (enumIds.Count == 0)
                    {
                        throw Fail(here, "an enumeration needs at least one id");
                    }

                    break;
                case "annotations":
                    break;
                default:
                    throw Fail(here, $"unknown entity type key `{field.Name}`");
            }
        }

        return new RawEntityType(name, memberOf, shape, tags, enumIds, 0, 0);
    }

    private static RawAction ReadAction(string name, JsonElement body, string path)
    {
        var memberOf = new List<RawActionRef>();
        var principals = new List<string>();
        var resources = new List<string>();
        RawType? context = null;
        foreach (var field in Members(body, path))
        {
            var here = path + "." + field.Name;
            switch (field.Name)
            {
                case "memberOf":
                    if (field.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw Fail(here, "memberOf is an array");
                    }

                    foreach (var parent in field.Value.EnumerateArray())
                    {
                        memberOf.Add(ReadActionRef(parent, here));
                    }

                    break;
                case "appliesTo":
                    if (field.Value.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }

                    foreach (var part in Members(field.Value, here))
                    {
                        var partPath = here + "." + part.Name;
                        switch (part.Name)
                        {
                            case "principalTypes": principals.AddRange(Strings(part.Value, partPath)); break;
                            case "resourceTypes": resources.AddRange(Strings(part.Value, partPath)); break;
                            case "context": context = ReadType(part.Value, partPath, 0); break;
                            default: throw Fail(partPath, $"unknown appliesTo key `{part.Name}`");
                        }
                    }

                    break;
                case "attributes":
                    throw Fail(here, "action attributes are not supported");
                case "annotations":
                    break;
                default:
                    throw Fail(here, $"unknown action key `{field.Name}`");
            }
        }

        return new RawAction(name, memberOf, principals, resources, context, 0, 0);
    }

    private static RawActionRef ReadActionRef(JsonElement parent, string path)
    {
        string? id = null;
        string? type = null;
        foreach (var field in Members(parent, path))
        {
            switch (field.Name)
            {
                case "id": id = String(field.Value, path + ".id"); break;
                case "type": type = String(field.Value, path + ".type"); break;
                default: throw Fail(path, $"unknown action reference key `{field.Name}`");
            }
        }

        return id is null ? throw Fail(path, "an action reference needs an `id`") : new RawActionRef(type, id);
    }

    private static RawType ReadType(JsonElement body, string path, int depth)
    {
        if (depth > MaxTypeDepth)
        {
            throw Fail(path, "type nests too deeply");
        }

        string? kind = null;
        string? name = null;
        JsonElement? element = null;
        JsonElement? attributes = null;
        var open = false;
        foreach (var field in Members(body, path))
        {
            switch (field.Name)
            {
                case "type": kind = String(field.Value, path + ".type"); break;
                case "name": name = String(field.Value, path + ".name"); break;
                case "element": element = field.Value; break;
                case "attributes": attributes = field.Value; break;
                case "additionalAttributes":
                    open = field.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw Fail(path + ".additionalAttributes", "expected true or false"),
                    };
                    break;
                case "required" or "annotations":
                    break;
                default:
                    throw Fail(path, $"unknown type key `{field.Name}`");
            }
        }

        switch (kind)
        {
            case null: throw Fail(path, "a type needs a `type` key");
            case "Long": return new RawType(RawTypeKind.Long, null, null, null, false, 0, 0);
            case "String": return new RawType(RawTypeKind.String, null, null, null, false, 0, 0);
            case "Boolean": return new RawType(RawTypeKind.Bool, null, null, null, false, 0, 0);
            case "Set":
                return element is { } e
                    ? new RawType(RawTypeKind.Set, null, ReadType(e, path + ".element", depth + 1), null, false, 0, 0)
                    : throw Fail(path, "a Set type needs an `element`");
            case "Record":
                var list = new List<RawAttribute>();
                if (attributes is { } attrs)
                {
                    foreach (var attribute in Members(attrs, path + ".attributes"))
                    {
                        var attributePath = path + ".attributes." + attribute.Name;
                        var required = true;
                        if (attribute.Value.ValueKind == JsonValueKind.Object && attribute.Value.TryGetProperty("required", out var flag))
                        {
                            required = flag.ValueKind switch
                            {
                                JsonValueKind.True => true,
                                JsonValueKind.False => false,
                                _ => throw Fail(attributePath + ".required", "expected true or false"),
                            };
                        }

                        list.Add(new RawAttribute(attribute.Name, ReadType(attribute.Value, attributePath, depth + 1), required));
                    }
                }

                return new RawType(RawTypeKind.Record, null, null, list, open, 0, 0);
            case "Entity":
                return new RawType(RawTypeKind.EntityName, name ?? throw Fail(path, "an Entity type needs a `name`"), null, null, false, 0, 0);
            case "Extension":
                return new RawType(RawTypeKind.Extension, name ?? throw Fail(path, "an Extension type needs a `name`"), null, null, false, 0, 0);
            case "EntityOrCommon":
                return new RawType(RawTypeKind.Named, name ?? throw Fail(path, "an EntityOrCommon type needs a `name`"), null, null, false, 0, 0);
            default:
                return new RawType(RawTypeKind.CommonName, kind, null, null, false, 0, 0);
        }
    }

    private static JsonElement.ObjectEnumerator Members(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw Fail(path, "expected a JSON object");

    private static List<string> Strings(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(path, "expected an array of strings");
        }

        var result = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            result.Add(String(item, path));
        }

        return result;
    }

    private static string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Fail(path, "expected a string");

    private static CedarException Fail(string path, string message) => new($"invalid schema JSON at {path}: {message}");
}
