using System.Collections.Frozen;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>How bad it is to destroy a path, judged from its literal text alone.</summary>
internal readonly record struct PathAssessment(Risk Risk, string? Id, IReadOnlyList<string> Tags);

internal static class PathRisk
{
    /// <summary>Top-level directories whose loss breaks the machine: deleting anything in them is critical.</summary>
    private static readonly FrozenSet<string> SystemRoots = new[]
    {
        "bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "sys", "usr", "System", "Library",
        "Applications", "private", "Windows", "Program Files",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Top-level directories that hold data or homes: the directory itself is critical, its contents high.</summary>
    private static readonly FrozenSet<string> DataRoots = new[]
    {
        "home", "Users", "root", "var", "srv", "opt", "mnt", "media", "data", "snap", "nix", "run", "Volumes",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] CredentialMarkers =
    [
        ".aws/credentials", ".aws/config", ".ssh/id_", ".ssh/authorized_keys", ".netrc", ".pgpass", ".docker/config.json", ".kube/config",
        ".git-credentials", ".npmrc", ".pypirc", ".config/gcloud", ".azure/", "/etc/shadow", ".gnupg", ".vault-token", ".terraformrc",
        "credentials.json", ".config/gh/hosts.yml", "service-account", ".my.cnf", "id_rsa", "id_ed25519",
    ];

    private static readonly string[] TamperingMarkers =
    [
        ".claude/settings", ".cursor/hooks", ".cursor/rules", ".codex/", ".gemini/settings", ".github/copilot", "gatehouse",
    ];

    public static PathAssessment ForDeletion(string? path)
    {
        if (path is null || !DynamicText.HasLiteralContent(path))
        {
            return new PathAssessment(Risk.High, null, [Model.Tags.DynamicTarget]);
        }

        var rendered = DynamicText.Render(path, "{dynamic}");
        if (DynamicText.IsDynamic(path))
        {
            return new PathAssessment(Risk.High, rendered, [Model.Tags.DynamicTarget]);
        }

        var p = Normalize(path);
        var tags = new List<string>(2);
        if (IsTampering(p))
        {
            tags.Add(Model.Tags.Tampering);
        }

        if (p is "/" or "~" or "/*" or "~/*" or "$HOME" || IsWindowsRoot(p))
        {
            tags.Add(Model.Tags.SystemPath);
            return new PathAssessment(Risk.Critical, path, tags);
        }

        if (p.StartsWith("~/", StringComparison.Ordinal) || p.StartsWith("$HOME/", StringComparison.Ordinal))
        {
            return new PathAssessment(Risk.High, path, tags);
        }

        if (p.StartsWith('/'))
        {
            return Absolute(path, p, tags);
        }

        if (p.Length > 2 && p[1] == ':' && (p[2] == '\\' || p[2] == '/'))
        {
            return new PathAssessment(Risk.High, path, tags);
        }

        var first = FirstSegment(p);
        if (first is "." or ".." or "*" or ".git" || p.Contains("/../", StringComparison.Ordinal) || p.EndsWith("/..", StringComparison.Ordinal))
        {
            return new PathAssessment(Risk.High, path, tags);
        }

        if (tags.Count > 0)
        {
            return new PathAssessment(Risk.High, path, tags);
        }

        tags.Add(Model.Tags.WorkspaceLocal);
        return new PathAssessment(Risk.Low, path, tags);
    }

    private static PathAssessment Absolute(string original, string p, List<string> tags)
    {
        var first = FirstSegment(p[1..]);
        var depth = p.Count(static c => c == '/');
        var temporaryRoot = p.StartsWith("/tmp/", StringComparison.Ordinal) || p.StartsWith("/var/tmp/", StringComparison.Ordinal)
            || p.StartsWith("/private/tmp/", StringComparison.Ordinal) || p.StartsWith("/dev/shm/", StringComparison.Ordinal);
        if (temporaryRoot && !p.EndsWith("/*", StringComparison.Ordinal))
        {
            tags.Add(Model.Tags.Temporary);
            return new PathAssessment(tags.Contains(Model.Tags.Tampering) ? Risk.High : Risk.Low, original, tags);
        }

        if (SystemRoots.Contains(first) || (DataRoots.Contains(first) && depth <= 1) || p is "/tmp" or "/var/tmp")
        {
            tags.Add(Model.Tags.SystemPath);
            return new PathAssessment(Risk.Critical, original, tags);
        }

        // A user's home (/home/alice, /Users/alice) or a database's data directory is as bad as the root.
        if ((first is "home" or "Users" && depth == 2)
            || p.StartsWith("/var/lib/", StringComparison.Ordinal) && depth <= 3
            || first == "root" && depth <= 2)
        {
            tags.Add(Model.Tags.SystemPath);
            return new PathAssessment(Risk.Critical, original, tags);
        }

        return new PathAssessment(Risk.High, original, tags);
    }

    private static bool IsWindowsRoot(string p) => p.Length is 2 or 3 && char.IsAsciiLetter(p[0]) && p[1] == ':' && (p.Length == 2 || p[2] is '\\' or '/');

    private static string FirstSegment(string p)
    {
        var slash = p.IndexOf('/');
        return slash < 0 ? p : p[..slash];
    }

    /// <summary>Collapses duplicate and trailing slashes and <c>./</c> prefixes so equivalent spellings compare equal.</summary>
    public static string Normalize(string path)
    {
        var p = path.Trim();
        while (p.Contains("//", StringComparison.Ordinal))
        {
            p = p.Replace("//", "/", StringComparison.Ordinal);
        }

        p = p.Replace("/./", "/", StringComparison.Ordinal);
        while (p.Length > 2 && p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        if (p.Length > 1 && p.EndsWith("/.", StringComparison.Ordinal))
        {
            p = p[..^2];
        }

        while (p.Length > 1 && p.EndsWith('/'))
        {
            p = p[..^1];
        }

        if (p is "./" or "")
        {
            p = ".";
        }

        return p.StartsWith("$HOME", StringComparison.Ordinal) || p.StartsWith("${HOME}", StringComparison.Ordinal)
            ? "~" + p[(p[1] == '{' ? 7 : 5)..]
            : p;
    }

    public static bool IsCredential(string path)
    {
        if (DynamicText.IsDynamic(path) && !DynamicText.HasLiteralContent(path))
        {
            return false;
        }

        foreach (var marker in CredentialMarkers)
        {
            if (path.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return name is ".env" || name.StartsWith(".env.", StringComparison.Ordinal);
    }

    public static bool IsTampering(string path)
    {
        foreach (var marker in TamperingMarkers)
        {
            if (path.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A literal absolute path under a system directory (<c>/etc/hosts</c>).</summary>
    public static bool IsSystem(string path)
    {
        if (DynamicText.IsDynamic(path))
        {
            return false;
        }

        var p = Normalize(path);
        return p == "/" || (p.StartsWith('/') && SystemRoots.Contains(FirstSegment(p[1..])));
    }
}
