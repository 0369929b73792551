using System.Diagnostics;

namespace Gatehouse.Cli;

/// <summary>
/// Where a hook process spends its start-up, for measuring only: with <c>GATEHOUSE_STARTUP_TRACE=1</c> each phase prints
/// its wall time and how many methods the JIT compiled so far to stderr. It changes no decision and no output on stdout.
/// </summary>
internal sealed class StartupTrace
{
    private readonly TextWriter? _writer;
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _last;

    private StartupTrace(TextWriter? writer)
    {
        _writer = writer;
        _last = _start;
    }

    public static StartupTrace For(TextWriter stderr) =>
        new(Environment.GetEnvironmentVariable("GATEHOUSE_STARTUP_TRACE") == "1" ? stderr : null);

    public bool Enabled => _writer is not null;

    public void Mark(string phase)
    {
        if (_writer is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _writer.WriteLine(
            $"trace {phase,-16} {Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds,7:0.00} ms  total {Stopwatch.GetElapsedTime(_start, now).TotalMilliseconds,7:0.00} ms  "
            + $"jitted {System.Runtime.JitInfo.GetCompiledMethodCount(),5}  jit-time {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,6:0.0} ms  "
            + $"since-start {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds,6:0} ms");
        _last = Stopwatch.GetTimestamp();
    }
}
