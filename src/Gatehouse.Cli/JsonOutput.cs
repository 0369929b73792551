using System.Text.Encodings.Web;

namespace Gatehouse.Cli;

internal static class JsonOutput
{
    /// <summary>
    /// Commands are full of quotes, ampersands and angle brackets; escaping them as \u0026 makes the
    /// output unreadable and buys nothing, since it is never embedded in HTML.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
