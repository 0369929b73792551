using System.Text;
using System.Text.Json;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// The local decision log: one JSON line per hook decision, secrets redacted, rotated by size into
/// <c>decisions.jsonl.1</c> … <c>.N</c>. Writing never throws: a full disk or a read-only directory must not turn a
/// deny into a crash, and a crash must never turn into an allow.
/// </summary>
public sealed class DecisionLog
{
    /// <summary>How many rotated files are kept besides the current one.</summary>
    public const int RetainedFiles = 5;

    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private const string FileName = "decisions.jsonl";

    private readonly string _path;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;

    public DecisionLog(string path, long maxBytes, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 256);
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _maxBytes = maxBytes;
        _time = time;
    }

    public string Path => _path;

    /// <summary>The last write failure, for <c>gatehouse doctor</c>; null when the last append succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// <c>$XDG_STATE_HOME/gatehouse/decisions.jsonl</c>, else <c>~/.local/state/gatehouse/decisions.jsonl</c>.
    /// The location only says where records go; nothing in the environment can switch enforcement off.
    /// </summary>
    public static string DefaultPath()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !System.IO.Path.IsPathRooted(state))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            state = System.IO.Path.Combine(string.IsNullOrEmpty(home) ? System.IO.Path.GetTempPath() : home, ".local", "state");
        }

        return System.IO.Path.Combine(state, "gatehouse", FileName);
    }

    public void Append(DecisionLogEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            var line = Serialize(e);
            var directory = System.IO.Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            RotateIfFull(line.Length);

            // One write per line on an append-only handle: concurrent hook processes (Codex runs hooks in parallel) do not interleave lines.
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            stream.Write(line);
            LastError = null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException or ArgumentException or JsonException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            LastError = $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first, reading back through rotated files as needed.</summary>
    public IReadOnlyList<DecisionLogEntry> ReadRecent(int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var newestFirst = new List<DecisionLogEntry>(Math.Min(count, 1024));
        for (var generation = 0; generation <= RetainedFiles && newestFirst.Count < count; generation++)
        {
            var file = generation == 0 ? _path : $"{_path}.{generation}";
            string[] lines;
            try
            {
                if (!File.Exists(file))
                {
                    continue;
                }

                lines = File.ReadAllLines(file, Encoding.UTF8);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            for (var i = lines.Length - 1; i >= 0 && newestFirst.Count < count; i--)
            {
                if (DecisionLogFormat.TryParse(lines[i]) is { } entry)
                {
                    newestFirst.Add(entry);
                }
            }
        }

        newestFirst.Reverse();
        return newestFirst;
    }

    private byte[] Serialize(DecisionLogEntry e)
    {
        var redacted = e with
        {
            // An entry built without a clock is stamped when written.
            Time = e.Time == default ? _time.GetUtcNow() : e.Time,
            Input = SecretRedactor.Redact(e.Input),
            Intent = e.Intent is null ? null : SecretRedactor.Redact(e.Intent),
            Reason = SecretRedactor.Redact(e.Reason),
            Classification = SecretRedactor.Redact(e.Classification),
        };
        return DecisionLogFormat.ToJsonLine(redacted);
    }

    private void RotateIfFull(int incoming)
    {
        var current = new FileInfo(_path);
        if (!current.Exists || current.Length + incoming <= _maxBytes)
        {
            return;
        }

        var oldest = $"{_path}.{RetainedFiles}";
        if (File.Exists(oldest))
        {
            File.Delete(oldest);
        }

        for (var generation = RetainedFiles - 1; generation >= 1; generation--)
        {
            var from = $"{_path}.{generation}";
            if (File.Exists(from))
            {
                File.Move(from, $"{_path}.{generation + 1}", overwrite: true);
            }
        }

        try
        {
            File.Move(_path, $"{_path}.1", overwrite: true);
        }
        catch (FileNotFoundException)
        {
            // Another hook process rotated first; its fresh file is where this line goes.
        }
    }
}
