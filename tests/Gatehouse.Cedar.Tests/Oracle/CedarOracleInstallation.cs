using Gatehouse.Tests.Shared;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// Installs cedar-wasm from tests/oracles/cedar's committed lockfile the first time a test needs it, so
/// `dotnet test` alone runs the differential tests on a machine with Node.js and npm. Without them the tests
/// fail with the reason: an oracle that cannot run never lets a comparison pass.
/// </summary>
internal static class CedarOracleInstallation
{
    public const string Package = "@cedar-policy/cedar-wasm";

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
        NpmInstallation.Ensure(directory, Package);
        return directory;
    }
}
