using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Core.Setup;

/// <summary>One array in a settings file that must hold exactly <see cref="Desired"/> as Gatehouse's entries.</summary>
internal sealed record SettingsEdit(string[] Path, Func<JsonElement, bool> IsOurs, JsonObject[] Desired);
