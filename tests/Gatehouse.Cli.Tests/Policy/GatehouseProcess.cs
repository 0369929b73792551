using System.Diagnostics;

namespace Gatehouse.Cli.Tests.Policy;

/// <summary>Runs the real `gatehouse` executable from the repository root, so example paths resolve as a reader would type them.</summary>
internal static class GatehouseProcess
{
    private static string GatehouseDll => Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");

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

    public static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(GatehouseDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue("gatehouse did not exit");
        return (process.ExitCode, stdout, stderr.Result);
    }
}
