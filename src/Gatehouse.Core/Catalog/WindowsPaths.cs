namespace Gatehouse.Core.Catalog;

/// <summary>
/// Rewrites Windows path spellings into the POSIX shape <see cref="PathClassifier"/> reasons about: drive letters become
/// the root, <c>%USERPROFILE%</c> and <c>$env:USERPROFILE</c> become home, backslashes become slashes. Agents on Windows
/// emit these, and an unquoted <c>C:\Windows</c> reaches us as <c>C:Windows</c> after the POSIX parser drops the escape.
/// </summary>
internal static class WindowsPaths
{
    private static readonly (string Name, string Expansion)[] KnownVariables =
    [
        ("USERPROFILE", "~"), ("HOMEPATH", "~"), ("HOME", "~"), ("APPDATA", "~/AppData/Roaming"), ("LOCALAPPDATA", "~/AppData/Local"),
        ("TEMP", "/tmp"), ("TMP", "/tmp"), ("SystemRoot", "/Windows"), ("windir", "/Windows"), ("ProgramData", "/ProgramData"),
        ("ProgramFiles(x86)", "/Program Files (x86)"), ("ProgramFiles", "/Program Files"), ("SystemDrive", "/"), ("PUBLIC", "/Users/Public"),
    ];

    /// <summary>Expands <c>NAME</c> followed by an optional remainder (<c>USERPROFILE\Documents</c>), or null for an unknown variable.</summary>
    public static string? ExpandEnvironmentReference(string reference)
    {
        foreach (var (name, expansion) in KnownVariables)
        {
            if (reference.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                var rest = reference[name.Length..].TrimStart('\\', '/');
                return rest.Length == 0 ? expansion : expansion.TrimEnd('/') + "/" + rest;
            }
        }

        return null;
    }

    /// <summary>The POSIX spelling of <paramref name="text"/>; an unknown <c>%VAR%</c> becomes <paramref name="dynamicMarker"/>.</summary>
    public static string ToPosix(string text, char dynamicMarker)
    {
        if (text.Length == 0)
        {
            return text;
        }

        if (text[0] == '%')
        {
            var close = text.IndexOf('%', 1);
            if (close > 1)
            {
                var name = text[1..close];
                var rest = text[(close + 1)..];
                text = IsKnown(name, out var expansion) ? expansion + "/" + rest.TrimStart('\\', '/') : dynamicMarker + rest;
            }
        }
        else if (text.Length >= 2 && text[1] == ':' && char.IsAsciiLetter(text[0]))
        {
            // C:\, C:Windows (escape eaten), C:/Users: the drive is a filesystem root.
            text = "/" + text[2..].TrimStart('\\', '/');
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            text = text.Replace('\\', '/');
        }

        // PowerShell separates array elements with commas: Remove-Item .\bin, .\obj
        return text.Length > 1 && text[^1] == ',' ? text[..^1] : text;
    }

    private static bool IsKnown(string name, out string expansion)
    {
        foreach (var (known, value) in KnownVariables)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                expansion = value;
                return true;
            }
        }

        expansion = string.Empty;
        return false;
    }
}
