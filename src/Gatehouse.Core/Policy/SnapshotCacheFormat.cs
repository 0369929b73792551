using System.Text.Json;
using Gatehouse.Core.Inventory;

namespace Gatehouse.Core.Policy;

/// <summary>What a cache entry holds: the sources it was compiled from and the parsed forms that skip the YAML readers.</summary>
/// <param name="Sources">The exact texts the entry was compiled from.</param>
/// <param name="Inventory">The inventory as declared (cross-references are checked again on every load), or null for none.</param>
/// <param name="Context">The policy context as written (before names are made canonical), or null for none.</param>
internal sealed record CachedSnapshot(PolicySources Sources, InventoryDocument? Inventory, PolicyContext? Context);

/// <summary>
/// The on-disk form of a <see cref="CachedSnapshot"/>: one JSON document, written with <see cref="Utf8JsonWriter"/> and
/// read back with <see cref="JsonDocument"/> (both already loaded on the hook path, so the cache costs no new code to start).
/// Anything unexpected in a file reads as "no entry": the caller then compiles from the sources as if there were no cache.
/// </summary>
internal static class SnapshotCacheFormat
{
    /// <summary>Bumped whenever the layout or the meaning of a field changes, so an older entry is never misread.</summary>
    public const int Version = 1;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 16 };

    public static byte[] Write(string buildIdentity, CachedSnapshot entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("build", buildIdentity);
            WriteSources(writer, entry.Sources);
            if (entry.Inventory is { } inventory)
            {
                writer.WritePropertyName("inventory");
                WriteInventory(writer, inventory);
            }

            if (entry.Context is { } context)
            {
                writer.WritePropertyName("context");
                WriteContext(writer, context);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The entry in <paramref name="utf8"/>, or null when it is malformed or from another format or build.</summary>
    public static CachedSnapshot? TryRead(ReadOnlyMemory<byte> utf8, string buildIdentity)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, ReadOptions);
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version || root.GetProperty("build").GetString() != buildIdentity)
            {
                return null;
            }

            var sources = ReadSources(root);
            var inventory = root.TryGetProperty("inventory", out var inventoryElement) ? ReadInventory(inventoryElement) : null;
            var context = root.TryGetProperty("context", out var contextElement) ? ReadContext(contextElement) : null;
            return new CachedSnapshot(sources, inventory, context);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteSources(Utf8JsonWriter writer, PolicySources sources)
    {
        writer.WriteString("policySource", sources.PolicySource);
        writer.WriteStartArray("policies");
        foreach (var (name, text) in sources.PolicyFiles)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(name);
            writer.WriteStringValue(text);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        WriteOptional(writer, "inventoryPath", sources.InventoryPath);
        WriteOptional(writer, "inventoryText", sources.InventoryText);
        WriteOptional(writer, "contextPath", sources.ContextPath);
        WriteOptional(writer, "contextText", sources.ContextText);
    }

    private static PolicySources ReadSources(JsonElement root)
    {
        var files = new List<(string, string)>();
        foreach (var file in root.GetProperty("policies").EnumerateArray())
        {
            files.Add((String(file[0]), String(file[1])));
        }

        return new PolicySources(
            files,
            String(root.GetProperty("policySource")),
            Optional(root, "inventoryPath"),
            Optional(root, "inventoryText"),
            Optional(root, "contextPath"),
            Optional(root, "contextText"));
    }

    private static void WriteInventory(Utf8JsonWriter writer, InventoryDocument inventory)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("environments");
        foreach (var environment in inventory.Environments)
        {
            writer.WriteStartObject();
            WriteLocated(writer, "name", environment.Name);
            WriteLocatedList(writer, "aliases", environment.Aliases);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("resources");
        foreach (var resource in inventory.Resources)
        {
            writer.WriteStartObject();
            WriteLocated(writer, "id", resource.Id);
            WriteLocated(writer, "kind", resource.Kind);
            WriteLocatedList(writer, "names", resource.Names);
            WriteLocatedList(writer, "environments", resource.Environments);
            writer.WriteStartArray("relations");
            foreach (var relation in resource.Relations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("kind", (int)relation.Kind);
                WriteLocated(writer, "target", relation.Target);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteOptional(writer, "description", resource.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("credentials");
        foreach (var credential in inventory.Credentials)
        {
            writer.WriteStartObject();
            WriteLocated(writer, "id", credential.Id);
            WriteLocatedList(writer, "resources", credential.Resources);
            WriteLocatedList(writer, "environments", credential.Environments);
            WriteLocatedList(writer, "variables", credential.EnvironmentVariables);
            WriteLocatedList(writer, "profiles", credential.Profiles);
            WriteLocatedList(writer, "files", credential.Files);
            WriteOptional(writer, "description", credential.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static InventoryDocument ReadInventory(JsonElement element)
    {
        var environments = new List<EnvironmentDeclaration>();
        foreach (var environment in element.GetProperty("environments").EnumerateArray())
        {
            environments.Add(new EnvironmentDeclaration(ReadLocated(environment.GetProperty("name")), ReadLocatedList(environment, "aliases")));
        }

        var resources = new List<ResourceDeclaration>();
        foreach (var resource in element.GetProperty("resources").EnumerateArray())
        {
            var relations = new List<RelationDeclaration>();
            foreach (var relation in resource.GetProperty("relations").EnumerateArray())
            {
                var kind = (InventoryRelationKind)relation.GetProperty("kind").GetInt32();
                if (kind is < InventoryRelationKind.AttachedTo or > InventoryRelationKind.FailureDomain)
                {
                    throw new FormatException("unknown relation kind");
                }

                relations.Add(new RelationDeclaration(kind, ReadLocated(relation.GetProperty("target"))));
            }

            resources.Add(new ResourceDeclaration(
                ReadLocated(resource.GetProperty("id")),
                ReadLocated(resource.GetProperty("kind")),
                ReadLocatedList(resource, "names"),
                ReadLocatedList(resource, "environments"),
                relations,
                Optional(resource, "description")));
        }

        var credentials = new List<CredentialDeclaration>();
        foreach (var credential in element.GetProperty("credentials").EnumerateArray())
        {
            credentials.Add(new CredentialDeclaration(
                ReadLocated(credential.GetProperty("id")),
                ReadLocatedList(credential, "resources"),
                ReadLocatedList(credential, "environments"),
                ReadLocatedList(credential, "variables"),
                ReadLocatedList(credential, "profiles"),
                ReadLocatedList(credential, "files"),
                Optional(credential, "description")));
        }

        return new InventoryDocument(environments, resources, credentials);
    }

    private static void WriteContext(Utf8JsonWriter writer, PolicyContext context)
    {
        writer.WriteStartArray();
        foreach (var freeze in context.CodeFreezes)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("environments");
            foreach (var environment in freeze.Environments)
            {
                writer.WriteStringValue(environment);
            }

            writer.WriteEndArray();
            if (freeze.From is { } from)
            {
                writer.WriteString("from", from);
            }

            if (freeze.Until is { } until)
            {
                writer.WriteString("until", until);
            }

            writer.WriteString("reason", freeze.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static PolicyContext ReadContext(JsonElement element)
    {
        var freezes = new List<CodeFreeze>();
        foreach (var freeze in element.EnumerateArray())
        {
            var environments = new List<string>();
            foreach (var environment in freeze.GetProperty("environments").EnumerateArray())
            {
                environments.Add(String(environment));
            }

            DateTimeOffset? from = freeze.TryGetProperty("from", out var fromElement) ? fromElement.GetDateTimeOffset() : null;
            DateTimeOffset? until = freeze.TryGetProperty("until", out var untilElement) ? untilElement.GetDateTimeOffset() : null;
            freezes.Add(new CodeFreeze(environments, from, until, String(freeze.GetProperty("reason"))));
        }

        return new PolicyContext(freezes);
    }

    private static void WriteLocated(Utf8JsonWriter writer, string name, Located located)
    {
        writer.WriteStartArray(name);
        WriteLocatedValue(writer, located);
        writer.WriteEndArray();
    }

    private static void WriteLocatedValue(Utf8JsonWriter writer, Located located)
    {
        writer.WriteStringValue(located.Value);
        writer.WriteNumberValue(located.Line);
        writer.WriteNumberValue(located.Column);
    }

    private static void WriteLocatedList(Utf8JsonWriter writer, string name, IReadOnlyList<Located> list)
    {
        writer.WriteStartArray(name);
        foreach (var located in list)
        {
            writer.WriteStartArray();
            WriteLocatedValue(writer, located);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static Located ReadLocated(JsonElement element) =>
        element.GetArrayLength() == 3
            ? new Located(String(element[0]), element[1].GetInt64(), element[2].GetInt64())
            : throw new FormatException("a located value is [value, line, column]");

    private static List<Located> ReadLocatedList(JsonElement parent, string name)
    {
        var list = new List<Located>();
        foreach (var item in parent.GetProperty(name).EnumerateArray())
        {
            list.Add(ReadLocated(item));
        }

        return list;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var element) ? String(element) : null;

    private static string String(JsonElement element) =>
        element.GetString() ?? throw new FormatException("expected a string");
}
