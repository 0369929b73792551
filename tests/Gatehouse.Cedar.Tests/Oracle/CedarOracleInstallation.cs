using System.ComponentModel;
using System.Diagnostics;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// Installs cedar-wasm from tests/oracles/cedar's committed lockfile the first time a test needs it, so
/// `dotnet test` alone runs the differential tests on a machine with Node.js and npm. Without them the tests
/// fail with the reason: an oracle that cannot run never lets a comparison pass.
/// </summary>
internal static class CedarOracleInstallation
{
    public const string Package = "@cedar-policy/cedar-wasm";

    private static readonly Lock Gate = new();

    /// <summary>tests/oracles/cedar, found by walking up from the test binaries to the repository root.</summary>
    public static string Directory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "oracles", "cedar");
                if (File.Exists(Path.Combine(candidate, "cedar-oracle.mjs")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("tests/oracles/cedar/cedar-oracle.mjs not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Ensure()
    {
        var directory = Directory;
        lock (Gate)
        {
            if (System.IO.Directory.Exists(Path.Combine(directory, "node_modules", Package)))
            {
                return directory;
            }

            var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            try
            {
                using var process = Process.Start(start) ?? throw new InvalidOperationException("`npm` did not start.");
                var stderr = process.StandardError.ReadToEndAsync();
                process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"`npm ci` in {directory} failed: {stderr.Result}");
                }
            }
            catch (Win32Exception exception)
            {
                throw new InvalidOperationException($"Node.js and npm are needed to install cedar-wasm in {directory}: {exception.Message}", exception);
            }

            if (!System.IO.Directory.Exists(Path.Combine(directory, "node_modules", Package)))
            {
                throw new InvalidOperationException($"`npm ci` in {directory} did not install {Package}.");
            }

            return directory;
        }
    }
}
