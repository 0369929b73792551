using System.Text.Json;

namespace Gatehouse.Cedar.Json;

/// <summary>Writes values in Cedar's JSON format, escaping entities and extension values.</summary>
internal static class CedarJsonWriter
{
    public static void Write(Utf8JsonWriter writer, CedarValue value)
    {
        switch (value)
        {
            case CedarBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            case CedarLong l:
                writer.WriteNumberValue(l.Value);
                break;
            case CedarString s:
                writer.WriteStringValue(s.Value);
                break;
            case CedarEntityRef e:
                writer.WriteStartObject();
                writer.WritePropertyName("__entity");
                WriteUid(writer, e.Uid);
                writer.WriteEndObject();
                break;
            case CedarSet set:
                writer.WriteStartArray();
                foreach (var item in set.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case CedarRecord record:
                writer.WriteStartObject();
                foreach (var (key, field) in record.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case CedarExtensionValue extension:
                writer.WriteStartObject();
                writer.WriteStartObject("__extn");
                writer.WriteString("fn", extension.Constructor);
                writer.WriteString("arg", extension.Text);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
        }
    }

    public static void WriteUid(Utf8JsonWriter writer, EntityUid uid)
    {
        writer.WriteStartObject();
        writer.WriteString("type", uid.Type);
        writer.WriteString("id", uid.Id);
        writer.WriteEndObject();
    }
}
