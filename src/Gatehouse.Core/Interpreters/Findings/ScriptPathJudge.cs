using System.Collections.Frozen;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Interpreters.Findings;

/// <summary>How bad it is to destroy a path, judged from its literal text alone.</summary>
internal readonly record struct PathAssessment(Risk Risk, string? Id, IReadOnlyList<string> Tags);

internal static class ScriptPathJudge
{
    /// <summary>Top-level directories whose loss breaks the machine: deleting anything in them is critical.</summary>
    private static readonly FrozenSet<string> SystemRoots = new[]
    {
        "bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "sys", "usr", "System", "Library",
        "Applications", "private", "Windows", "Program Files",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] TamperingMarkers =
    [
        ".claude/settings", ".cursor/hooks", ".cursor/rules", ".codex/", ".gemini/settings", ".github/copilot", "gatehouse",
    ];

    /// <summary>
    /// Classifies the path with the shell classifier's <see cref="PathClassifier"/> and its risk mapping, so
    /// every classifier agrees; unknown pieces become an unset shell variable, which the classifier treats as
    /// possibly empty (<c>/srv/{dynamic}</c> may be <c>/srv/</c>).
    /// </summary>
    public static PathAssessment ForDeletion(string? path)
    {
        if (path is null || !DynamicText.HasLiteralContent(path))
        {
            return new PathAssessment(Risk.High, null, [Model.Tags.DynamicTarget]);
        }

        var rendered = DynamicText.Render(path, "{dynamic}");
        var normalized = Normalize(path);
        var scope = IsWindowsDrivePath(normalized)
            ? (normalized.Length <= 3 ? PathScope.SystemRoot : PathScope.OutsideWorkspace)
            : PathClassifier.Classify(ToWord(normalized));
        var tags = new List<string>(SharedPathPolicy.Tags(scope));
        var risk = SharedPathPolicy.DeletionRisk(scope);
        if (IsTampering(normalized))
        {
            // Removing an agent guard's configuration disables the guard: never a routine clean-up.
            tags.Add(Model.Tags.Tampering);
            tags.Remove(Model.Tags.WorkspaceLocal);
            risk = risk < Risk.High ? Risk.High : risk;
        }

        return new PathAssessment(risk, rendered, tags);
    }

    /// <summary>The path as a shell word: literal text, with each unknown piece an unset variable.</summary>
    private static Word ToWord(string path)
    {
        var parts = new List<WordPart>(3);
        var pieces = path.Split(DynamicText.Marker);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                parts.Add(new ParameterPart("GATEHOUSE_DYNAMIC", null, null, true));
            }

            if (pieces[i].Length > 0)
            {
                parts.Add(new LiteralPart(pieces[i], QuoteKind.None));
            }
        }

        return new Word(parts, 0, 0);
    }

    private static bool IsWindowsDrivePath(string p) => p.Length >= 2 && char.IsAsciiLetter(p[0]) && p[1] == ':' && (p.Length == 2 || p[2] is '\\' or '/');

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

        // One list of credential locations for every classifier: the catalog's.
        return CredentialPaths.IsCredential(path);
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
