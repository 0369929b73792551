using System.Diagnostics;

namespace Gatehouse.Cli.Tests.Hooks;

/// <summary>Runs the real <c>gatehouse</c> executable with stdin, a private state directory, and the agent's view of the result.</summary>
internal static class GatehouseProcess
{
    private static string GatehouseDll => Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");

    public static (int ExitCode, string Stdout, string Stderr) Run(string stateDirectory, string stdin, params string[] args) =>
        Run(stateDirectory, System.Text.Encoding.UTF8.GetBytes(stdin), args);

    public static (int ExitCode, string Stdout, string Stderr) Run(string stateDirectory, byte[] stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(GatehouseDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["XDG_STATE_HOME"] = stateDirectory;

        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        process.WaitForExit(120_000).ShouldBeTrue("gatehouse did not exit");
        return (process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderrTask.GetAwaiter().GetResult());
    }
}
