using System.Text;
using Gatehouse.Cedar;

namespace Gatehouse.Cli;

/// <summary>
/// <c>gatehouse cedar authorize|validate</c>: Gatehouse's Cedar engine from a shell, with the official
/// <c>cedar</c> CLI's options and exit codes (authorize: 0 Allow, 2 Deny, 1 error; validate: 0 valid, 1 not).
/// </summary>
internal static class CedarCommand
{
    public static int Run(IReadOnlyList<string> arguments, Stream stdout, TextWriter stderr)
    {
        if (arguments.Count == 0 || arguments[0] is "-h" or "--help")
        {
            stderr.WriteLine(Usage.Cedar);
            return arguments.Count == 0 ? ExitCodes.Error : ExitCodes.Allow;
        }

        var options = CedarOptions.Parse([.. arguments.Skip(1)], out var error);
        if (options is null)
        {
            stderr.WriteLine($"gatehouse cedar: {error}");
            stderr.WriteLine(Usage.Cedar);
            return ExitCodes.Error;
        }

        using var output = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
        try
        {
            return arguments[0] switch
            {
                "authorize" => CedarAuthorizeCommand.Run(options, output),
                "validate" => CedarValidateCommand.Run(options, output),
                _ => Unknown(arguments[0], stderr),
            };
        }
        catch (CedarException exception)
        {
            output.Flush();
            stderr.WriteLine($"gatehouse cedar: {exception.Message}");
            return ExitCodes.Error;
        }
        catch (IOException exception)
        {
            output.Flush();
            stderr.WriteLine($"gatehouse cedar: {exception.Message}");
            return ExitCodes.Error;
        }
        catch (UnauthorizedAccessException exception)
        {
            output.Flush();
            stderr.WriteLine($"gatehouse cedar: {exception.Message}");
            return ExitCodes.Error;
        }
        catch (MissingOptionException exception)
        {
            output.Flush();
            stderr.WriteLine($"gatehouse cedar {arguments[0]}: {exception.Message}");
            stderr.WriteLine(Usage.Cedar);
            return ExitCodes.Error;
        }
    }

    /// <summary>Reads a file as strict UTF-8: invalid bytes are an error, never silently replaced.</summary>
    internal static string ReadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CedarException($"{path}: not valid UTF-8");
        }
    }

    internal static string Required(CedarOptions options, string name) =>
        options[name] ?? throw new MissingOptionException($"{name} FILE is required");

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"gatehouse cedar: unknown command '{command}'.");
        stderr.WriteLine(Usage.Cedar);
        return ExitCodes.Error;
    }
}

/// <summary>A required option is missing or options conflict: a usage error.</summary>
internal sealed class MissingOptionException(string message) : Exception(message);
