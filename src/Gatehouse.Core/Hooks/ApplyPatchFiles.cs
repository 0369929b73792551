using Gatehouse.Core.Model;

namespace Gatehouse.Core.Hooks;

/// <summary>The files an apply_patch envelope (<c>*** Add File:</c>, <c>*** Update File:</c>, <c>*** Delete File:</c>, <c>*** Move to:</c>) or a unified diff touches.</summary>
internal static class ApplyPatchFiles
{
    public static List<(string Path, Verb Verb)> Parse(string patch)
    {
        var files = new List<(string, Verb)>();
        string? removedFrom = null;
        foreach (var rawLine in patch.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (Header(line, "*** Add File:") is { } added)
            {
                files.Add((added, Verb.Create));
            }
            else if (Header(line, "*** Update File:") is { } updated)
            {
                files.Add((updated, Verb.Update));
            }
            else if (Header(line, "*** Delete File:") is { } deleted)
            {
                files.Add((deleted, Verb.Delete));
            }
            else if (Header(line, "*** Move to:") is { } moved)
            {
                files.Add((moved, Verb.Update));
            }
            else if (Header(line, "--- ") is { } from)
            {
                removedFrom = StripDiffPrefix(from);
            }
            else if (Header(line, "+++ ") is { } to)
            {
                var target = StripDiffPrefix(to);
                if (target == "/dev/null")
                {
                    if (removedFrom is not null and not "/dev/null")
                    {
                        files.Add((removedFrom, Verb.Delete));
                    }
                }
                else
                {
                    files.Add((target, removedFrom == "/dev/null" ? Verb.Create : Verb.Update));
                }

                removedFrom = null;
            }
        }

        return files;
    }

    private static string? Header(ReadOnlySpan<char> line, string marker)
    {
        if (!line.StartsWith(marker, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[marker.Length..].Trim();
        return rest.Length == 0 ? null : rest.ToString();
    }

    /// <summary><c>a/src/x.cs</c> → <c>src/x.cs</c>; a tab-separated timestamp after the name is dropped.</summary>
    private static string StripDiffPrefix(string path)
    {
        var tab = path.IndexOf('\t', StringComparison.Ordinal);
        var name = tab < 0 ? path : path[..tab];
        return name.StartsWith("a/", StringComparison.Ordinal) || name.StartsWith("b/", StringComparison.Ordinal) ? name[2..] : name;
    }
}
