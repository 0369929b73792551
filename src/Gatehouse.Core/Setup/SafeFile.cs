using System.Text;

namespace Gatehouse.Core.Setup;

/// <summary>Writes a file so that a crash leaves either the old or the new content, never half of one, keeping its permissions.</summary>
internal static class SafeFile
{
    public static void WriteAtomically(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.gatehouse-{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
        }

        File.Move(temporary, path, overwrite: true);
    }
}
