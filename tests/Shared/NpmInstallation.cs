using System.ComponentModel;
using System.Diagnostics;

namespace Gatehouse.Tests.Shared;

/// <summary>
/// Installs a reference implementation's npm packages from its committed lockfile the first time a test needs
/// them, so `dotnet test` alone runs the oracle tests on a machine with Node.js and npm. Without them the tests
/// fail with the reason: an oracle that cannot run never lets a comparison pass.
/// </summary>
internal static class NpmInstallation
{
    private static readonly Lock Gate = new();

    /// <summary>Runs <c>npm ci</c> in <paramref name="directory"/> unless <paramref name="package"/> is already in its node_modules.</summary>
    public static void Ensure(string directory, string package)
    {
        lock (Gate)
        {
            if (Directory.Exists(Path.Combine(directory, "node_modules", package)))
            {
                return;
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
                throw new InvalidOperationException($"Node.js and npm are needed to install {package} in {directory}: {exception.Message}", exception);
            }

            if (!Directory.Exists(Path.Combine(directory, "node_modules", package)))
            {
                throw new InvalidOperationException($"`npm ci` in {directory} did not install {package}.");
            }
        }
    }
}
