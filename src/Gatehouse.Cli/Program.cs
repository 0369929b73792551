using System.Reflection;
using System.Text;

namespace Gatehouse.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "hook" && !OperatingSystem.IsWindows())
            {
                // The hook runs once per agent tool call, so it talks to file descriptors 0-2 directly: the Console class
                // first sets up the terminal and probes the locale's encodings, about 3 ms of every call. Stdin decodes
                // strictly; a payload that is not UTF-8 is blocked.
                using var stdin = new StreamReader(StandardStream(0, FileAccess.Read), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
                using var stdout = StandardStream(1, FileAccess.Write);
                using var stderr = new StreamWriter(StandardStream(2, FileAccess.Write), new UTF8Encoding(false)) { AutoFlush = true };
                return Run(args, stdin, stdout, stderr, ownsProcess: true);
            }

            return Run(args, Console.In, Console.OpenStandardOutput(), Console.Error, ownsProcess: true);
        }
        catch (Exception exception)
        {
            // Whatever went wrong, the caller must not read it as an allow.
            Console.Error.WriteLine($"gatehouse: internal error: {exception.Message}");

            // Agents read exit 1 from a hook as "proceed"; exit 2 blocks in every agent that honours an exit code.
            return args.Length > 0 && args[0] == "hook" ? 2 : ExitCodes.Error;
        }
    }

    /// <summary>A stream over one of the process's standard descriptors, left open when the stream is disposed.</summary>
    private static FileStream StandardStream(int descriptor, FileAccess access) =>
        new(new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);

    /// <param name="ownsProcess">True from <see cref="Main"/>: commands may then use process-wide means (the hook's watchdog).</param>
    internal static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr, bool ownsProcess = false)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stderr.WriteLine(Usage.Main);
            return args.Length == 0 ? ExitCodes.Error : ExitCodes.Allow;
        }

        switch (args[0])
        {
            case "check" when args.Length > 1 && args[1] is "-h" or "--help":
                stderr.WriteLine(Usage.Check);
                return ExitCodes.Allow;
            case "check":
                return CheckCommand.Run(args[1..], stdin, stdout, stderr);
            case "init" or "doctor" or "serve" when args.Length > 1 && args[1] is "-h" or "--help":
                stderr.WriteLine(args[0] switch { "init" => Usage.Init, "doctor" => Usage.Doctor, _ => Usage.Serve });
                return ExitCodes.Allow;
            case "init":
                return RunWithWriter(stdout, writer => InitCommand.Run(args[1..], writer, stderr, TimeProvider.System));
            case "doctor":
                return RunWithWriter(stdout, writer => DoctorCommand.Run(args[1..], writer, stderr));
            case "serve":
                return RunWithWriter(stdout, writer => ServeCommand.Run(args[1..], writer, stderr));
            case "hook" when args.Length > 1 && args[1] is "-h" or "--help":
                stderr.WriteLine(Usage.Hook);
                return ExitCodes.Allow;
            case "hook":
                return HookCommand.Run(args[1..], stdin, stdout, stderr, ownsProcess);
            case "log" when args.Length > 1 && args[1] is "-h" or "--help":
                stderr.WriteLine(Usage.Log);
                return ExitCodes.Allow;
            case "log":
                return LogCommand.Run(args[1..], stdout, stderr);
            case "cedar":
                return CedarCommand.Run(args[1..], stdout, stderr);
            case "policy":
                return PolicyCommand.Run(args[1..], stdout, stderr);
            case "version" or "--version":
                var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
                using (var writer = new StreamWriter(stdout, leaveOpen: true))
                {
                    writer.WriteLine($"gatehouse {version}");
                }

                return ExitCodes.Allow;
            default:
                stderr.WriteLine($"gatehouse: unknown command '{args[0]}'.");
                stderr.WriteLine(Usage.Main);
                return ExitCodes.Error;
        }
    }

    private static int RunWithWriter(Stream stdout, Func<TextWriter, int> run)
    {
        using var writer = new StreamWriter(stdout, leaveOpen: true);
        return run(writer);
    }
}
