using System.Text;
using Gatehouse.Core.Hooks;

namespace Gatehouse.Cli;

/// <summary>
/// <c>gatehouse hook claude|cursor|codex|gemini|copilot</c>: the agent's pre-tool payload on stdin, its decision on
/// stdout/stderr and the exit code. Nothing here reads an environment variable or file that could switch enforcement off.
/// </summary>
internal static class HookCommand
{
    /// <summary>Payloads larger than this are not a tool call any agent sends; they are blocked rather than parsed.</summary>
    private const int MaxPayloadChars = 8 * 1024 * 1024;

    public static int Run(IReadOnlyList<string> arguments, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        if (arguments.Count != 1 || !HookHandler.TryParseAgent(arguments[0], out var agent))
        {
            // A misconfigured hook must still block: exit 2 blocks in every agent that honours an exit code.
            stderr.WriteLine("gatehouse hook: expected one agent: claude, cursor, codex, gemini or copilot. The tool call was blocked.");
            stderr.WriteLine(Usage.Hook);
            return 2;
        }

        var payload = ReadPayload(stdin);
        var log = new DecisionLog(DecisionLog.DefaultPath(), DecisionLog.DefaultMaxBytes, TimeProvider.System);
        var handler = new HookHandler(HookDeciderFactory.Create(Directory.GetCurrentDirectory()), log, TimeProvider.System);
        var reply = handler.Handle(agent, payload ?? string.Empty);
        if (reply.Stdout.Length > 0)
        {
            var bytes = new UTF8Encoding(false).GetBytes(reply.Stdout);
            stdout.Write(bytes);
            stdout.Flush();
        }

        if (reply.Stderr.Length > 0)
        {
            stderr.WriteLine(reply.Stderr);
        }

        return reply.ExitCode;
    }

    /// <summary>Reads stdin up to the limit; an oversized payload becomes an empty one, which the handler blocks.</summary>
    private static string? ReadPayload(TextReader stdin)
    {
        var builder = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = stdin.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (builder.Length + read > MaxPayloadChars)
            {
                return null;
            }

            builder.Append(buffer, 0, read);
        }

        return builder.ToString();
    }
}
