using Gatehouse.Core.Hooks;

namespace Gatehouse.Core.Tests.Hooks;

public sealed class DecisionLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gatehouse-log-" + Guid.NewGuid().ToString("N"));

    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string LogPath => Path.Combine(_directory, "state", "decisions.jsonl");

    private static DecisionLogEntry Entry(int n, string input = "ls") =>
        new(Noon.AddSeconds(n), "claude", "s-1", "/p", "Bash", input, "read file x (shell>ls, none)", "allow", ["fs.list"], "Allowed", "list files " + n);

    [Fact]
    public void Append_ThenReadRecent_RoundTripsEveryField()
    {
        var log = new DecisionLog(LogPath, 1_000_000, TimeProvider.System);

        log.Append(Entry(1));
        var entries = log.ReadRecent(10);

        entries.Count.ShouldBe(1);
        var expected = Entry(1);
        entries[0].Rules.ShouldBe(expected.Rules);
        (entries[0] with { Rules = expected.Rules }).ShouldBe(expected);
    }

    [Fact]
    public void Append_InputWithSecrets_IsStoredRedacted()
    {
        var log = new DecisionLog(LogPath, 1_000_000, TimeProvider.System);

        log.Append(Entry(1, "curl -H 'Authorization: Bearer tok_abcdefghijkl' https://x") with { Intent = "use password=hunter2" });
        var text = File.ReadAllText(LogPath);

        text.ShouldNotContain("tok_abcdefghijkl");
        text.ShouldNotContain("hunter2");
        text.ShouldContain("[REDACTED]");
    }

    [Fact]
    public void Append_PastMaxBytes_RotatesAndKeepsRetainedFiles()
    {
        var log = new DecisionLog(LogPath, 1024, TimeProvider.System);

        for (var i = 0; i < 200; i++)
        {
            log.Append(Entry(i));
        }

        new FileInfo(LogPath).Length.ShouldBeLessThanOrEqualTo(1024);
        File.Exists($"{LogPath}.{DecisionLog.RetainedFiles}").ShouldBeTrue();
        File.Exists($"{LogPath}.{DecisionLog.RetainedFiles + 1}").ShouldBeFalse();
        var recent = log.ReadRecent(8);
        recent.Count.ShouldBe(8);
        recent[^1].Time.ShouldBe(Noon.AddSeconds(199));
        recent[0].Time.ShouldBe(Noon.AddSeconds(192));
    }

    [Fact]
    public void ReadRecent_SpansRotatedFiles_OldestFirst()
    {
        var log = new DecisionLog(LogPath, 600, TimeProvider.System);
        for (var i = 0; i < 10; i++)
        {
            log.Append(Entry(i));
        }

        var all = log.ReadRecent(10);

        all.Select(e => e.Time).ShouldBe(all.Select(e => e.Time).Order());
        all[^1].Time.ShouldBe(Noon.AddSeconds(9));
    }

    [Fact]
    public void Append_UnwritableLocation_DoesNotThrowAndReportsTheError()
    {
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "file");
        File.WriteAllText(blocker, "x");
        var log = new DecisionLog(Path.Combine(blocker, "decisions.jsonl"), 1024, TimeProvider.System);

        Should.NotThrow(() => log.Append(Entry(1)));

        log.LastError.ShouldNotBeNull();
        log.ReadRecent(5).ShouldBeEmpty();
    }

    [Fact]
    public void ReadRecent_TornOrForeignLines_AreSkipped()
    {
        var log = new DecisionLog(LogPath, 1_000_000, TimeProvider.System);
        log.Append(Entry(1));
        File.AppendAllText(LogPath, "{\"time\":\"2026-11-22T12:00:0\nnot json\n");
        log.Append(Entry(2));

        log.ReadRecent(10).Count.ShouldBe(2);
    }

    [Fact]
    public void Append_EntryWithoutTime_IsStampedByTheClock()
    {
        var log = new DecisionLog(LogPath, 1_000_000, new FixedClock(Noon));

        log.Append(Entry(0) with { Time = default });

        log.ReadRecent(1)[0].Time.ShouldBe(Noon);
    }

    [Fact]
    public void DefaultPath_EndsInStateDirectory() =>
        DecisionLog.DefaultPath().Replace('\\', '/').ShouldEndWith("gatehouse/decisions.jsonl");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
