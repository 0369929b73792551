using System.Runtime.InteropServices;
using Gatehouse.Core.Setup;

namespace Gatehouse.Cli;

/// <summary>
/// The absolute command that runs this very gatehouse, for agents' hook settings: the published executable itself,
/// or the dotnet host with gatehouse.dll when not published. Never a bare name looked up through PATH.
/// </summary>
internal static class GatehouseLauncher
{
    public static string Current()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");
        var process = Environment.ProcessPath;
        var processName = process is null ? null : Path.GetFileNameWithoutExtension(process);
        if (process is not null && processName == "gatehouse")
        {
            return ShellWords.Quote(process);
        }

        var host = processName == "dotnet" ? process! : DotnetHost();
        return ShellWords.Quote(host) + " " + ShellWords.Quote(dll);
    }

    /// <summary>The dotnet host that runs this runtime (under a test host the process is not gatehouse itself).</summary>
    private static string DotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        return Path.Combine(root ?? "/usr/bin", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
    }
}
