using System.Diagnostics;
using System.Text.Json;
using Gatehouse.Tests.Shared;

namespace Gatehouse.Core.Tests.Oracles;

/// <summary>One statement as PostgreSQL's parser sees it.</summary>
internal sealed record OracleStatement(string Kind, string Text);

/// <summary>The parser's answer for one corpus entry.</summary>
internal sealed record OracleAnswer(bool Ok, string? Error, IReadOnlyList<OracleStatement> Statements);

/// <summary>
/// Runs tests/oracles/sql-oracle.mjs (libpg_query) once over the whole corpus. A missing node or
/// node_modules is an error that fails every oracle test, locally and on CI: the oracle never silently passes.
/// </summary>
internal static class SqlOracleProcess
{
    private static readonly Lazy<IReadOnlyDictionary<string, OracleAnswer>> Answers = new(Run);

    public static IReadOnlyDictionary<string, OracleAnswer> All => Answers.Value;

    private static Dictionary<string, OracleAnswer> Run()
    {
        var directory = SqlOracleCorpus.OracleDirectory;
        NpmInstallation.Ensure(directory, "libpg-query");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("sql-oracle.mjs");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Node.js (`node`) is required for the SQL oracle tests and could not be started: {ex.Message}", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            foreach (var entry in SqlOracleCorpus.Entries)
            {
                process.StandardInput.WriteLine(JsonSerializer.Serialize(new { id = entry.Id, sql = entry.Sql }));
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("the SQL oracle did not finish within two minutes");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the SQL oracle failed (exit {process.ExitCode}): {stderr.Result}");
            }

            return Parse(stdout.Result);
        }
    }

    private static Dictionary<string, OracleAnswer> Parse(string output)
    {
        var answers = new Dictionary<string, OracleAnswer>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString() ?? throw new InvalidDataException("oracle answer without id: " + line);
            var statements = new List<OracleStatement>();
            foreach (var statement in root.GetProperty("statements").EnumerateArray())
            {
                statements.Add(new OracleStatement(statement.GetProperty("kind").GetString() ?? "", statement.GetProperty("text").GetString() ?? ""));
            }

            var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
            answers.Add(id, new OracleAnswer(root.GetProperty("ok").GetBoolean(), error, statements));
        }

        return answers;
    }
}
