using System.Text.Json;

namespace Gatehouse.Cedar.Json;

/// <summary>Reads Cedar's entities JSON: <c>[{"uid": …, "attrs": {…}, "parents": […], "tags": {…}}]</c>.</summary>
internal static class EntitiesJsonReader
{
    public static List<Entity> Read(string json) => JsonInput.Read(json, "entities", ReadRoot);

    private static List<Entity> ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new CedarException("invalid entities JSON: expected an array of entities");
        }

        var entities = new List<Entity>();
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            entities.Add(ReadEntity(element, $"entity #{index++}"));
        }

        return entities;
    }

    private static Entity ReadEntity(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("uid", out var uidJson))
        {
            throw new CedarException($"{where}: expected an object with a \"uid\"");
        }

        var uid = CedarJsonReader.ReadUid(uidJson, where);
        where = $"entity {uid}";
        // Like the official engine: "attrs" and "parents" are required, "tags" optional, other fields ignored.
        if (!json.TryGetProperty("attrs", out _) || !json.TryGetProperty("parents", out _))
        {
            throw new CedarException($"{where}: \"attrs\" and \"parents\" are required");
        }

        var attributes = ReadRecord(json, "attrs", where);
        var tags = ReadRecord(json, "tags", where);
        var parents = new List<EntityUid>();
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "parents":
                    if (property.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new CedarException($"{where}: \"parents\" must be an array");
                    }

                    foreach (var parent in property.Value.EnumerateArray())
                    {
                        parents.Add(CedarJsonReader.ReadUid(parent, where + " parents"));
                    }

                    break;
                default:
                    break;
            }
        }

        return new Entity(uid, attributes, parents, tags);
    }

    private static IReadOnlyDictionary<string, CedarValue> ReadRecord(JsonElement json, string name, string where)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return CedarRecord.Empty.Fields;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new CedarException($"{where}: \"{name}\" must be an object");
        }

        var fields = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (!fields.TryAdd(property.Name, CedarJsonReader.ReadValue(property.Value, $"{where} {name}.{property.Name}", 1)))
            {
                throw new CedarException($"{where}: duplicate key '{property.Name}' in \"{name}\"");
            }
        }

        return fields;
    }
}
