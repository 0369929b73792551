namespace Gatehouse.Cli.Tests;

/// <summary>The real `gatehouse` executable, as agents and scripts run it: arguments in, exit code out.</summary>
public sealed class ProcessTests
{
    [Theory]
    [InlineData("npm test", 0)]
    [InlineData("railway volume delete --volume vol_8f2c", 2)]
    [InlineData("git push --force origin main", 3)]
    public void Gatehouse_Check_ExitCodeContract(string command, int expected) =>
        GatehouseRunner.Run("check", command).ExitCode.ShouldBe(expected);

    [Fact]
    public void Gatehouse_InvalidUtf8OnStdin_IsAnsweredAndNotAllowedWhenItDeletes()
    {
        byte[] garbage = [0xC3, 0x28, 0xFF, 0xFE, (byte)' ', .. "&& rm -rf /"u8];

        var (exitCode, _, _) = GatehouseRunner.Run(garbage, ["check", "-"]);

        // The garbage makes the line unparseable (approval) or leaves rm -rf / visible (deny): never allow, never a crash.
        exitCode.ShouldBeOneOf(2, 3);
    }

    [Fact]
    public void Gatehouse_InvalidUtf8BatchLine_GetsItsOwnAnswer()
    {
        byte[] input = [.. "{\"id\":\"1\",\"input\":\"ls \xFF\"}\n"u8, 0xFF, 0xFE, (byte)'\n', .. "{\"id\":\"3\",\"input\":\"ls\"}\n"u8];

        var (exitCode, stdout, _) = GatehouseRunner.Run(input, ["check", "--batch", "-"]);

        exitCode.ShouldBe(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
    }

    [Fact]
    public void Gatehouse_BatchFromStdin_AnswersEveryLine()
    {
        var (exitCode, stdout, _) = GatehouseRunner.Run("{\"id\":\"1\",\"input\":\"ls\"}\n{\"id\":\"2\",\"input\":\"dropdb prod\"}\n", ["check", "--batch", "-"]);

        exitCode.ShouldBe(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }
}
