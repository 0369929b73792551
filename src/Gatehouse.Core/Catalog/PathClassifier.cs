using System.Text;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// Says where a path word points without touching the filesystem. The working directory is taken to be
/// the workspace. Dynamic parts are reasoned about conservatively: an unknown value may be empty, so
/// <c>$HOME/$X</c> is the home directory and <c>/$X</c> is the root.
/// </summary>
/// <remarks>
/// <c>${VAR:?}</c> aborts the command when VAR is unset or empty, so <c>"${DIR:?}/"</c> can never become
/// <c>/</c>. Its value is still unknown; we treat a guarded prefix followed by a remainder that does not
/// climb out with <c>..</c> as a workspace path, because that is the idiom scripts use for project directories.
/// </remarks>
internal static partial class PathClassifier
{
    private const char DynamicMarker = '\u0001';

    private static readonly HashSet<string> RegenerableNames = new(
        [
            "node_modules", "build", "dist", "out", "target", "bin", "obj", ".cache", "__pycache__", "coverage",
            ".next", ".nuxt", ".turbo", ".pytest_cache", ".mypy_cache", ".ruff_cache", "tmp", ".tmp", ".gradle",
            ".venv", "venv", ".tox", ".parcel-cache", ".svelte-kit", ".angular", ".eslintcache", ".nyc_output",
            "htmlcov", ".terraform", "vendor",
        ],
        StringComparer.Ordinal);

    /// <summary>Build output that is safe to delete wherever it is (not <c>bin</c>, <c>lib</c> or <c>tmp</c>, which also name system directories).</summary>
    private static readonly HashSet<string> BuildOutputNames = new(
        [
            "node_modules", "build", "dist", "target", "__pycache__", "coverage", ".next", ".nuxt", ".turbo", ".pytest_cache",
            ".mypy_cache", ".ruff_cache", ".parcel-cache", ".svelte-kit", ".angular", ".nyc_output", "htmlcov", ".eslintcache",
        ],
        StringComparer.Ordinal);

    private static readonly string[][] HomeCaches =
    [
        [".cache"], [".npm"], [".pnpm-store"], [".yarn", "cache"], [".cargo", "registry"], [".cargo", "git"], [".gradle", "caches"],
        [".gradle", "wrapper"], [".m2", "repository"], ["Library", "Caches"], ["go", "pkg", "mod"], [".nuget", "packages"],
        [".bun", "install", "cache"], [".deno"], ["AppData", "Local", "Temp"], [".local", "share", "pnpm", "store"],
        [".composer", "cache"], [".ivy2", "cache"], [".sbt", "boot"], [".pub-cache"], [".rustup", "downloads"], [".expo"],
        ["Library", "Developer", "Xcode", "DerivedData"], ["Library", "Developer", "CoreSimulator", "Caches"],
        [".android", "cache"], [".bundle", "cache"], [".cocoapods", "repos"], [".electron"], [".node-gyp"],
    ];

    private static readonly HashSet<string> EnvTemplates = new(
        [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults"], StringComparer.Ordinal);

    private static readonly string[] RegenerableSuffixes = [".pyc", ".pyo", ".log", ".o", ".class", ".egg-info", ".tsbuildinfo"];

    private static readonly HashSet<string> SystemTopLevel = new(
        [
            "bin", "boot", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "opt", "proc", "root", "sbin", "srv",
            "sys", "usr", "var", "snap", "System", "Library", "Applications", "Users", "private", "Windows", "Program Files",
            "Program Files (x86)", "ProgramData", "PerfLogs", "Recovery",
        ],
        StringComparer.Ordinal);

    private static readonly string[] DevicePrefixes =
        ["sd", "hd", "vd", "xvd", "nvme", "disk", "mmcblk", "md", "mapper/", "dm-", "loop", "rdisk", "sr"];

    private static readonly HashSet<string> HarmlessDevices = new(
        ["null", "zero", "stdout", "stderr", "stdin", "tty", "random", "urandom", "full"],
        StringComparer.Ordinal);

    public static PathScope Classify(Word path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new StringBuilder();
        var guarded = false;
        for (var i = 0; i < path.Parts.Count; i++)
        {
            switch (path.Parts[i])
            {
                case LiteralPart literal:
                    builder.Append(literal.Text);
                    break;
                case TildePart tilde:
                    builder.Append(tilde.User is null ? "~" : "/home/" + tilde.User);
                    break;
                case ParameterPart { Name: "HOME", Operator: null or ":-" or "-" }:
                    builder.Append('~');
                    break;
                case ParameterPart { Name: "TMPDIR" or "TMP" or "TEMP", Operator: null or ":-" or "-" }:
                    builder.Append("/tmp");
                    break;
                case ParameterPart { Name: "PWD", Operator: null or ":-" or "-" }:
                    builder.Append('.');
                    break;
                case ParameterPart { Operator: ":?" or "?" } when i == 0:
                    guarded = true;
                    break;
                case ParameterPart { Name: "env", Operator: null } when i + 1 < path.Parts.Count
                    && path.Parts[i + 1] is LiteralPart { Text: [':', ..] } next
                    && WindowsPaths.ExpandEnvironmentReference(next.Text[1..]) is { } expanded:
                    // PowerShell's $env:USERPROFILE: the agent is on Windows, the value is the profile directory.
                    builder.Append(expanded);
                    i++;
                    break;
                default:
                    builder.Append(DynamicMarker);
                    break;
            }
        }

        var text = WindowsPaths.ToPosix(builder.ToString(), DynamicMarker);

        // xargs -I{} / find -exec / parallel placeholders: the real path arrives at run time.
        if (text.Contains("{}", StringComparison.Ordinal))
        {
            return PathScope.Dynamic;
        }

        if (guarded)
        {
            return ClassifyGuarded(text);
        }

        var dynamicAt = text.IndexOf(DynamicMarker, StringComparison.Ordinal);
        if (dynamicAt < 0)
        {
            return ClassifyStatic(text);
        }

        if (dynamicAt == 0)
        {
            // $XDG_CACHE_HOME/gatehouse/…: whatever the variable holds, the word names Gatehouse's own directory.
            return path.Parts[0] is ParameterPart { Name: var variable } && IsXdgGatehouseWord(variable, text[1..])
                ? PathScope.Protected
                : PathScope.Dynamic;
        }

        // The unknown value may be empty: what the static prefix names is what could be destroyed.
        return ClassifyStatic(text[..dynamicAt]);
    }

    private static PathScope ClassifyGuarded(string remainder)
    {
        if (remainder.Contains(DynamicMarker, StringComparison.Ordinal))
        {
            return PathScope.Dynamic;
        }

        var relative = remainder.TrimStart('/');
        if (relative.Length == 0)
        {
            return PathScope.Workspace;
        }

        var scope = ClassifyRelative(relative);
        return scope == PathScope.WorkspaceRoot ? PathScope.Workspace : scope;
    }

    internal static PathScope ClassifyStatic(string text)
    {
        if (text.Length == 0)
        {
            return PathScope.Dynamic;
        }

        if (IsEnforcementControl(text))
        {
            return PathScope.Protected;
        }

        if (text[0] == '~')
        {
            return ClassifyHome(text);
        }

        return text[0] == '/' ? ClassifyAbsolute(text) : ClassifyRelative(text);
    }

    private static PathScope ClassifyHome(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            // "~" alone, or "~user" written literally: a whole home directory.
            return PathScope.Home;
        }

        var segments = Normalize(text[(slash + 1)..], out var escapes);
        if (escapes)
        {
            return PathScope.SystemRoot;
        }

        if (segments.Count == 0 || IsWholeDirectoryGlob(segments))
        {
            return PathScope.Home;
        }

        return IsHomeCache(segments) || IsBuildOutput(segments[^1]) ? PathScope.HomeRegenerable : PathScope.HomeSubpath;
    }

    /// <summary>Package and build caches below home: every tool refills them on the next run.</summary>
    private static bool IsHomeCache(List<string> segments)
    {
        foreach (var cache in HomeCaches)
        {
            if (segments.Count < cache.Length)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < cache.Length && matches; i++)
            {
                matches = string.Equals(segments[i], cache[i], StringComparison.Ordinal);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static PathScope ClassifyAbsolute(string text)
    {
        var segments = Normalize(text, out _);
        if (segments.Count == 0 || IsWholeDirectoryGlob(segments))
        {
            return PathScope.SystemRoot;
        }

        var top = segments[0];
        if (top.AsSpan().IndexOfAny("*?[") >= 0)
        {
            // /[e]tc, /?tc, /e* may expand to a system directory.
            return PathScope.System;
        }

        if (IsTemporaryRoot(segments))
        {
            // The temp directory itself: services keep sockets and locks there.
            return PathScope.System;
        }

        if (segments.Count >= 2 && IsBuildOutput(segments[^1]))
        {
            return PathScope.WorkspaceRegenerable;
        }

        if (string.Equals(top, "tmp", StringComparison.Ordinal)
            || (segments.Count >= 2 && string.Equals(top, "var", StringComparison.Ordinal) && (segments[1] is "tmp" or "folders"))
            || (segments.Count >= 2 && string.Equals(top, "private", StringComparison.Ordinal) && segments[1] is "tmp")
            || (segments.Count >= 3 && string.Equals(top, "private", StringComparison.Ordinal) && segments[1] is "var" && segments[2] is "tmp" or "folders")
            || (segments.Count >= 2 && string.Equals(top, "dev", StringComparison.Ordinal) && segments[1] is "shm"))
        {
            return PathScope.Temporary;
        }

        if (string.Equals(top, "dev", StringComparison.Ordinal) && segments.Count >= 2)
        {
            var device = string.Join('/', segments.Skip(1));
            if (HarmlessDevices.Contains(device) || device.StartsWith("fd/", StringComparison.Ordinal))
            {
                return PathScope.Temporary;
            }

            foreach (var prefix in DevicePrefixes)
            {
                if (device.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return PathScope.Device;
                }
            }

            return PathScope.System;
        }

        if (!SystemTopLevel.Contains(top))
        {
            return PathScope.OutsideWorkspace;
        }

        if (segments.Count <= 2 || (segments.Count == 3 && string.Equals(segments[2], "*", StringComparison.Ordinal)))
        {
            return PathScope.SystemRoot;
        }

        // Deep paths under /home or /Users are someone's files, not the operating system.
        return top is "home" or "Users" ? PathScope.OutsideWorkspace : PathScope.System;
    }

    /// <summary>
    /// Where a write lands: like <see cref="Classify(Word)"/>, except that the temp directory itself is a temporary place to
    /// write into (<c>tar -x -C /tmp</c>, <c>curl --output-dir /tmp</c>) even though removing it is a system change.
    /// </summary>
    public static PathScope ClassifyWriteTarget(Word path)
    {
        var scope = Classify(path);
        return scope == PathScope.System && path.StaticValue is { } text && text.StartsWith('/')
            && IsTemporaryRoot(Normalize(WindowsPaths.ToPosix(text, DynamicMarker), out _))
            ? PathScope.Temporary
            : scope;
    }

    private static bool IsTemporaryRoot(List<string> segments) =>
        segments switch
        {
            ["tmp"] or ["var", "tmp"] or ["private", "tmp"] or ["private", "var", "tmp"] => true,
            _ => false,
        };

    private static bool IsBuildOutput(string segment) => BuildOutputNames.Contains(segment);

    private static bool IsWorkspaceData(string segment) =>
        ((segment.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
                || segment.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)
                || segment.EndsWith(".sqlite3", StringComparison.OrdinalIgnoreCase))
            && !NamesThrowawayData(segment))
        || string.Equals(segment, ".env", StringComparison.Ordinal)
        || (segment.StartsWith(".env.", StringComparison.Ordinal) && !EnvTemplates.Contains(segment));

    /// <summary><c>test.sqlite3</c>, <c>dev.db</c>: a database file whose name says it is a test or development copy.</summary>
    private static bool NamesThrowawayData(string fileName)
    {
        foreach (var word in fileName.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("test", StringComparison.OrdinalIgnoreCase) || word.Equals("testing", StringComparison.OrdinalIgnoreCase)
                || word.Equals("dev", StringComparison.OrdinalIgnoreCase) || word.Equals("development", StringComparison.OrdinalIgnoreCase)
                || word.Equals("tmp", StringComparison.OrdinalIgnoreCase) || word.Equals("cache", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static PathScope ClassifyRelative(string text)
    {
        var segments = Normalize(text, out var escapes);
        if (escapes)
        {
            return PathScope.OutsideWorkspace;
        }

        if (segments.Count == 0 || IsWholeDirectoryGlob(segments))
        {
            return PathScope.WorkspaceRoot;
        }

        if (string.Equals(segments[0], ".git", StringComparison.Ordinal)
            && (segments.Count == 1 || segments[1] is "*" or "objects" or "refs"))
        {
            return PathScope.WorkspaceRoot;
        }

        foreach (var segment in segments)
        {
            if (IsRegenerable(segment))
            {
                return PathScope.WorkspaceRegenerable;
            }
        }

        return IsWorkspaceData(segments[^1]) ? PathScope.WorkspaceData : PathScope.Workspace;
    }

    private static bool IsRegenerable(string segment)
    {
        if (RegenerableNames.Contains(segment))
        {
            return true;
        }

        foreach (var suffix in RegenerableSuffixes)
        {
            if (segment.Length > suffix.Length && segment.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWholeDirectoryGlob(List<string> segments) =>
        segments.Count == 1 && segments[0] is "*" or "**" or ".*" or "*.*" or ".[!.]*" or "{*,.*}";

    /// <summary>Splits into segments, dropping <c>.</c> and empty ones and resolving <c>..</c> lexically.</summary>
    private static List<string> Normalize(string path, out bool escapes)
    {
        escapes = false;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || string.Equals(segment, ".", StringComparison.Ordinal))
            {
                continue;
            }

            if (string.Equals(segment, "..", StringComparison.Ordinal))
            {
                if (segments.Count == 0)
                {
                    escapes = true;
                }
                else
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return segments;
    }
}
