using System.Diagnostics;
using System.Text;

namespace Gatehouse.Cli.Tests;

/// <summary>What a finished <c>gatehouse</c> process left behind.</summary>
internal readonly record struct GatehouseResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real <c>gatehouse</c> executable as agents and scripts do: arguments, stdin, environment and working directory in; exit code and both streams out.</summary>
internal static class GatehouseRunner
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private static string GatehouseDll => Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");

    /// <summary>
    /// A published executable to test instead of the build output (CI sets it to the trimmed ReadyToRun binary users
    /// install, so trimming can never remove something only a test would notice); null runs <c>dotnet gatehouse.dll</c>.
    /// </summary>
    private static string? PublishedBinary =>
        Environment.GetEnvironmentVariable("GATEHOUSE_TEST_BINARY") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>The repository checkout the tests were built from, so example paths resolve as a reader would type them.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Gatehouse.slnx")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Gatehouse.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>How to start the executable under test with <paramref name="args"/>, both output streams redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var published = PublishedBinary;
        var start = new ProcessStartInfo(published ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (published is null)
        {
            start.ArgumentList.Add(GatehouseDll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    public static GatehouseResult Run(params string[] args) => Run(stdin: [], args: args);

    public static GatehouseResult Run(
        string stdin,
        string[] args,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null) =>
        Run(Encoding.UTF8.GetBytes(stdin), args, workingDirectory, environment, timeout);

    public static GatehouseResult Run(
        byte[] stdin,
        string[] args,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = StartInfo(args);
        start.RedirectStandardInput = true;
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;

        // Both streams drain while stdin is written, so a chatty process can never block on a full pipe.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("gatehouse did not exit: " + string.Join(' ', args));
        }

        return new GatehouseResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
