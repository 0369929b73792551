using System.Text.Json.Serialization;

namespace Gatehouse.Core.Http;

/// <summary>Source-generated JSON for the one thing the HTTP parsers serialize: a string value.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class HttpieJsonContext : JsonSerializerContext;
