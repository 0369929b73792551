using System.Diagnostics;

namespace Gatehouse.Cli.Tests;

/// <summary>The real `gatehouse` executable, as agents and scripts run it: arguments in, exit code out.</summary>
public sealed class ProcessTests
{
    private static string GatehouseDll => Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");

    private static (int ExitCode, string Stdout) Run(string stdin, params string[] args) => Run(System.Text.Encoding.UTF8.GetBytes(stdin), args);

    private static (int ExitCode, string Stdout) Run(byte[] stdin, params string[] args)
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

        using var process = Process.Start(start)!;
        process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue("gatehouse did not exit");
        return (process.ExitCode, stdout);
    }

    [Theory]
    [InlineData("npm test", 0)]
    [InlineData("railway volume delete --volume vol_8f2c", 2)]
    [InlineData("git push --force origin main", 3)]
    public void Gatehouse_Check_ExitCodeContract(string command, int expected) =>
        Run(string.Empty, "check", command).ExitCode.ShouldBe(expected);

    [Fact]
    public void Gatehouse_InvalidUtf8OnStdin_IsAnsweredAndNotAllowedWhenItDeletes()
    {
        byte[] garbage = [0xC3, 0x28, 0xFF, 0xFE, (byte)' ', .. "&& rm -rf /"u8];

        var (exitCode, _) = Run(garbage, "check", "-");

        // The garbage makes the line unparseable (approval) or leaves rm -rf / visible (deny): never allow, never a crash.
        exitCode.ShouldBeOneOf(2, 3);
    }

    [Fact]
    public void Gatehouse_InvalidUtf8BatchLine_GetsItsOwnAnswer()
    {
        byte[] input = [.. "{\"id\":\"1\",\"input\":\"ls \xFF\"}\n"u8, 0xFF, 0xFE, (byte)'\n', .. "{\"id\":\"3\",\"input\":\"ls\"}\n"u8];

        var (exitCode, stdout) = Run(input, "check", "--batch", "-");

        exitCode.ShouldBe(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
    }

    [Fact]
    public void Gatehouse_BatchFromStdin_AnswersEveryLine()
    {
        var (exitCode, stdout) = Run("{\"id\":\"1\",\"input\":\"ls\"}\n{\"id\":\"2\",\"input\":\"dropdb prod\"}\n", "check", "--batch", "-");

        exitCode.ShouldBe(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }
}
