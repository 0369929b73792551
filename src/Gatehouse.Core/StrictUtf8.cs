using System.Text;

namespace Gatehouse.Core;

/// <summary>UTF-8 that throws on invalid bytes instead of substituting U+FFFD: a mangled name must not load.</summary>
internal static class StrictUtf8
{
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
