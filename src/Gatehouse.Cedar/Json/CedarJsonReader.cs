using System.Text.Json;

namespace Gatehouse.Cedar.Json;

/// <summary>
/// Cedar's JSON value format, read without a schema the way the official engine does: objects are records
/// unless they are exactly an <c>__entity</c> or <c>__extn</c> escape (so a bare <c>{"type","id"}</c> is a record).
/// </summary>
internal static class CedarJsonReader
{
    public const int MaxDepth = 256;

    public static CedarValue ReadValue(JsonElement json, string where, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CedarException($"{where}: value is nested too deeply (more than {MaxDepth} levels)");
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.True:
                return CedarValue.Of(true);
            case JsonValueKind.False:
                return CedarValue.Of(false);
            case JsonValueKind.String:
                return CedarValue.Of(json.GetString()!);
            case JsonValueKind.Number:
                if (!json.TryGetInt64(out var number))
                {
                    throw new CedarException($"{where}: {json.GetRawText()} is not a 64-bit integer");
                }

                return CedarValue.Of(number);
            case JsonValueKind.Array:
                var items = new List<CedarValue>();
                foreach (var item in json.EnumerateArray())
                {
                    items.Add(ReadValue(item, where, depth + 1));
                }

                return CedarSet.Of(items);
            case JsonValueKind.Object:
                return ReadObject(json, where, depth);
            default:
                throw new CedarException($"{where}: {json.ValueKind.ToString().ToLowerInvariant()} is not a Cedar value");
        }
    }

    private static CedarValue ReadObject(JsonElement json, string where, int depth)
    {
        if (TrySingleProperty(json, out var name, out var inner))
        {
            if (name == "__entity")
            {
                return CedarValue.Of(ReadTypeAndId(inner, where));
            }

            if (name == "__extn")
            {
                return ReadExtension(inner, where);
            }

            if (name == "__expr")
            {
                throw new CedarException($"{where}: the __expr escape is no longer supported; use __entity or __extn");
            }
        }

        var fields = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (!fields.TryAdd(property.Name, ReadValue(property.Value, where, depth + 1)))
            {
                throw new CedarException($"{where}: duplicate key '{property.Name}'");
            }
        }

        return fields.Count == 0 ? CedarRecord.Empty : CedarRecord.Wrap(fields);
    }

    private static bool TrySingleProperty(JsonElement json, out string name, out JsonElement value)
    {
        name = string.Empty;
        value = default;
        var count = 0;
        foreach (var property in json.EnumerateObject())
        {
            if (++count > 1)
            {
                return false;
            }

            name = property.Name;
            value = property.Value;
        }

        return count == 1;
    }

    /// <summary><c>{"fn", "arg"}</c>, or <c>{"fn", "args": […]}</c> where a method's receiver comes first.</summary>
    private static CedarValue ReadExtension(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("fn", out var fn) || fn.ValueKind != JsonValueKind.String)
        {
            throw new CedarException($"{where}: __extn must be an object {{\"fn\": \"…\", \"arg\": …}}");
        }

        var arguments = new List<CedarValue>();
        if (json.TryGetProperty("arg", out var arg))
        {
            arguments.Add(ReadValue(arg, where, 1));
        }
        else if (json.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in args.EnumerateArray())
            {
                arguments.Add(ReadValue(item, where, 1));
            }
        }
        else
        {
            throw new CedarException($"{where}: __extn needs \"arg\" or \"args\"");
        }

        return Evaluation.ExtensionCalls.TryCall(fn.GetString()!, arguments)
            ?? throw new CedarException($"{where}: invalid extension value {fn.GetString()}({string.Join(", ", arguments)})");
    }

    /// <summary>An entity uid: <c>{"type","id"}</c> or <c>{"__entity": {"type","id"}}</c>.</summary>
    public static EntityUid ReadUid(JsonElement json, string where)
    {
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("__entity", out var inner))
        {
            return ReadTypeAndId(inner, where);
        }

        return ReadTypeAndId(json, where);
    }

    private static EntityUid ReadTypeAndId(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !json.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            throw new CedarException($"{where}: expected an entity uid {{\"type\": \"…\", \"id\": \"…\"}}");
        }

        var typeName = type.GetString()!;
        CheckTypeName(typeName, where);
        return new EntityUid(typeName, id.GetString()!);
    }

    private static void CheckTypeName(string typeName, string where)
    {
        foreach (var part in typeName.Split("::"))
        {
            if (part.Length == 0 || !(char.IsAsciiLetter(part[0]) || part[0] == '_') || !part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                || Syntax.Reserved.Identifiers.Contains(part))
            {
                throw new CedarException($"{where}: '{typeName}' is not a valid entity type name");
            }
        }
    }
}
