using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Gatehouse.Tests.Shared;

namespace Gatehouse.Core.Tests.Oracles;

public sealed record GraphQLOracleField(string Name, string? Alias);

public sealed record GraphQLOracleOperation(string Type, string? Name, IReadOnlyList<GraphQLOracleField> RootFields);

public sealed record GraphQLOracleResult(bool Ok, string? Error, IReadOnlyList<GraphQLOracleOperation> Operations, int? Selected);

/// <summary>
/// Runs tests/oracles/graphql/graphql-oracle.mjs (graphql-js under Node.js) once over the whole corpus. A missing
/// Node.js, missing node_modules or a broken oracle throws with the fix in the message, so no row can pass without it.
/// </summary>
public static class GraphQLOracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OracleDirectory => Path.Combine(RepositoryRoot, "tests", "oracles", "graphql");

    public static IReadOnlyDictionary<string, GraphQLOracleResult> Run(IReadOnlyList<GraphQLOracleCase> cases)
    {
        var script = Path.Combine(OracleDirectory, "graphql-oracle.mjs");
        NpmInstallation.Ensure(OracleDirectory, "graphql");

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = OracleDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("`node` did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Node.js (`node`) is required for the GraphQL oracle tests and could not be started: {exception.Message}", exception);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using (var input = process.StandardInput)
            {
                foreach (var item in cases)
                {
                    input.Write("{\"id\":");
                    input.Write(AsciiJsonString.Encode(item.Id));
                    input.Write(",\"document\":");
                    input.Write(AsciiJsonString.Encode(item.Document));
                    if (item.OperationName is not null)
                    {
                        input.Write(",\"operationName\":");
                        input.Write(AsciiJsonString.Encode(item.OperationName));
                    }

                    input.Write("}\n");
                }
            }

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The GraphQL oracle did not finish within {Timeout}.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The GraphQL oracle exited with {process.ExitCode}: {stderr.Result}");
            }

            var results = new Dictionary<string, GraphQLOracleResult>(StringComparer.Ordinal);
            foreach (var line in stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var (id, result) = ParseLine(line);
                results.Add(id, result);
            }

            if (results.Count != cases.Count)
            {
                throw new InvalidOperationException($"The GraphQL oracle answered {results.Count} of {cases.Count} documents. stderr: {stderr.Result}");
            }

            return results;
        }
    }

    private static (string Id, GraphQLOracleResult Result) ParseLine(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var id = root.GetProperty("id").GetString()!;
        var ok = root.GetProperty("ok").GetBoolean();
        if (!ok)
        {
            return (id, new GraphQLOracleResult(false, root.GetProperty("error").GetString(), [], null));
        }

        var operations = new List<GraphQLOracleOperation>();
        foreach (var operation in root.GetProperty("operations").EnumerateArray())
        {
            var fields = new List<GraphQLOracleField>();
            foreach (var field in operation.GetProperty("rootFields").EnumerateArray())
            {
                fields.Add(new GraphQLOracleField(field.GetProperty("name").GetString()!, field.GetProperty("alias").GetString()));
            }

            operations.Add(new GraphQLOracleOperation(operation.GetProperty("type").GetString()!, operation.GetProperty("name").GetString(), fields));
        }

        var selected = root.GetProperty("selected");
        return (id, new GraphQLOracleResult(true, null, operations, selected.ValueKind == JsonValueKind.Null ? null : selected.GetInt32()));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gatehouse.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Gatehouse.slnx above {AppContext.BaseDirectory}; the oracle tests run from a repository checkout.");
    }
}
