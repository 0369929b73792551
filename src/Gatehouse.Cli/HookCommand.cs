using System.Text;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Policy;

namespace Gatehouse.Cli;

/// <summary>
/// <c>gatehouse hook claude|cursor|codex|gemini|copilot</c>: the agent's pre-tool payload on stdin, its decision on
/// stdout/stderr and the exit code. Nothing here reads an environment variable or file that could switch enforcement off.
/// </summary>
internal static class HookCommand
{
    /// <summary>Payloads larger than this are not a tool call any agent sends; they are blocked rather than parsed.</summary>
    private const int MaxPayloadChars = 8 * 1024 * 1024;

    /// <param name="ownsProcess">
    /// True when this is the whole <c>gatehouse</c> process (not a test calling in): the decision then runs on this thread
    /// under a <see cref="HookWatchdog"/> that may end the process, instead of on the thread pool under a timed wait.
    /// </param>
    public static int Run(IReadOnlyList<string> arguments, TextReader stdin, Stream stdout, TextWriter stderr, bool ownsProcess = false)
    {
        var trace = StartupTrace.For(stderr);
        trace.Mark("entered");
        if (arguments.Count != 1 || !HookHandler.TryParseAgent(arguments[0], out var agent))
        {
            // A misconfigured hook must still block: exit 2 blocks in every agent that honours an exit code.
            stderr.WriteLine("gatehouse hook: expected one agent: claude, cursor, codex, gemini or copilot. The tool call was blocked.");
            stderr.WriteLine(Usage.Hook);
            return 2;
        }

        // The time limit covers the whole call, reading stdin and loading policies included: an agent that times a hook out
        // itself lets the tool call through, so a hook that hangs anywhere must still answer with a block in time.
        HookWatchdog? watchdog = null;
        HookHandler? handler = null;
        IDecider? decider = null;
        if (ownsProcess)
        {
            // The catalog's index and the policies load on a second thread while this one reads the payload, parses it and
            // classifies the call: the two halves are independent, and the classification then finds the index ready.
            decider = BackgroundLoadedDecider.Start(() =>
            {
                _ = Gatehouse.Core.Catalog.ToolCatalog.Default;
                return HookDeciderFactory.ForCurrentDirectory();
            });

            watchdog = new HookWatchdog();
            watchdog.Start(
                HookHandler.DefaultBudget,
                progress => Write(OverBudgetHandler(Volatile.Read(ref handler)).OverBudget(agent, progress), stdout, stderr),
                Environment.Exit);
        }

        string? payload;
        try
        {
            payload = ReadPayload(stdin);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or DecoderFallbackException)
        {
            // No payload is a payload the handler blocks.
            payload = null;
        }

        trace.Mark("payload-read");
        if (trace.Enabled)
        {
            _ = Gatehouse.Core.Catalog.ToolCatalog.Default.Knows("git");
            trace.Mark("catalog-loaded");
        }

        Volatile.Write(ref handler, new HookHandler(decider ?? HookDeciderFactory.ForCurrentDirectory(), OpenLog(), TimeProvider.System));
        trace.Mark("handler-ready");
        HookReply reply;
        if (watchdog is not null)
        {
            if (handler.HandleInline(agent, payload ?? string.Empty, watchdog.Progress) is not { } decided)
            {
                // The watchdog claimed the call first: it is writing the blocking answer and will end the process.
                Thread.Sleep(Timeout.Infinite);
                return 2;
            }

            reply = decided;
        }
        else
        {
            reply = handler.Handle(agent, payload ?? string.Empty);
        }

        trace.Mark("handled");
        var exitCode = Write(reply, stdout, stderr);
        trace.Mark("written");
        return exitCode;
    }

    /// <summary>
    /// Who writes an over-budget answer: the call's handler once it exists, else (the time ran out reading stdin or loading
    /// policies) one made for the purpose, whose decider is never asked.
    /// </summary>
    private static HookHandler OverBudgetHandler(HookHandler? handler) =>
        handler ?? new HookHandler(new PolicyFailureDecider("the hook ran out of time before its policies were loaded"), OpenLog(), TimeProvider.System);

    /// <summary>The decision log, or none when it cannot be opened: a missing log never keeps a call from being decided.</summary>
    private static DecisionLog? OpenLog()
    {
        try
        {
            return new DecisionLog(DecisionLog.DefaultPath(), DecisionLog.DefaultMaxBytes, TimeProvider.System);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Writes the reply; returns its exit code, or 2 when it could not be written.</summary>
    private static int Write(HookReply reply, Stream stdout, TextWriter stderr)
    {
        try
        {
            if (reply.Stdout.Length > 0)
            {
                stdout.Write(new UTF8Encoding(false).GetBytes(reply.Stdout));
                stdout.Flush();
            }

            if (reply.Stderr.Length > 0)
            {
                stderr.WriteLine(reply.Stderr);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // Program.Main would exit 1, which Claude Code, Cursor and Gemini treat as "proceed": a reply that could not be
            // written must still block wherever an exit code can.
            return 2;
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
