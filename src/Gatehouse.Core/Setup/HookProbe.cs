using System.Diagnostics;
using System.Text;

namespace Gatehouse.Core.Setup;

/// <summary>Runs a configured hook exactly as the agent would: the command through the shell, or a POST to the URL.</summary>
internal static class HookProbe
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, string? Failure);

    public static Result RunCommand(string command, string payload, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd.exe" : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start);
        if (process is null)
        {
            return new Result(-1, string.Empty, string.Empty, "the shell could not be started");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(payload);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The hook exited without reading its input; its exit code still tells.
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, string.Empty, string.Empty, $"no answer within {timeout.TotalSeconds:0} s");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), null);
    }

    public static Result Post(string url, string payload, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = timeout };
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = client.PostAsync(new Uri(url), content).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            return response.IsSuccessStatusCode
                ? new Result(0, body, string.Empty, null)
                : new Result(-1, body, string.Empty, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return new Result(-1, string.Empty, string.Empty, "no answer: " + exception.Message);
        }
    }
}
