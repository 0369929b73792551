using System.Text.Json.Serialization;

namespace Gatehouse.Core.Setup;

/// <summary>Source-generated JSON for the doctor's payloads: no reflection.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class CanaryJsonContext : JsonSerializerContext;
