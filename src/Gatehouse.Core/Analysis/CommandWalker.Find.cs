using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary><c>find</c>: a search that can delete (<c>-delete</c>) and run commands on what it finds (<c>-exec</c>).</summary>
internal sealed partial class CommandWalker
{
    /// <summary>Primaries that take one argument, so it is not mistaken for an action.</summary>
    private static readonly HashSet<string> FindValuePrimaries = new(StringComparer.Ordinal)
    {
        "-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-type", "-xtype", "-user", "-group", "-perm", "-size",
        "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-newer", "-anewer", "-cnewer", "-maxdepth", "-mindepth",
        "-printf", "-fprint", "-fprint0", "-fls", "-samefile", "-inum", "-links", "-uid", "-gid", "-wholename", "-iwholename",
        "-lname", "-ilname", "-context", "-used", "-fstype", "-regextype", "-newermt", "-newerct", "-newerat", "-files0-from",
    };

    /// <summary>
    /// Primaries that narrow what is matched: with one, <c>find . … -delete</c> no longer means "the whole workspace".
    /// <c>-type f</c> is not one of them: it still matches every file.
    /// </summary>
    private static readonly HashSet<string> FindFilters = new(StringComparer.Ordinal)
    {
        "-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-user", "-group", "-perm", "-size", "-mtime", "-mmin",
        "-atime", "-amin", "-ctime", "-cmin", "-newer", "-empty", "-samefile", "-inum", "-links", "-wholename", "-iwholename",
        "-newermt", "-lname", "-ilname",
    };

    private bool TryInvokeFind(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, WalkScope scope)
    {
        if (program is not ("find" or "gfind"))
        {
            return false;
        }

        var i = 0;
        while (i < arguments.Count && arguments[i].StaticValue is { } option && (option is "-H" or "-L" or "-P" || option.StartsWith("-O", StringComparison.Ordinal)))
        {
            i++;
        }

        if (i < arguments.Count && arguments[i].StaticValue is "-D")
        {
            i += 2;
        }

        var roots = new List<Word>();
        while (i < arguments.Count && !IsFindExpressionStart(arguments[i]))
        {
            roots.Add(arguments[i++]);
        }

        if (roots.Count == 0)
        {
            roots.Add(WordFactory.Literal("."));
        }

        var deletes = false;
        var filtered = false;
        var templates = new List<List<Word>>();
        while (i < arguments.Count)
        {
            var primary = arguments[i].StaticValue;
            i++;
            if (primary is null)
            {
                continue;
            }

            filtered |= FindFilters.Contains(primary);
            if (primary is "-name" or "-iname" or "-path" or "-ipath" or "-wholename" && i < arguments.Count && arguments[i].StaticValue is { } pattern
                && CredentialPaths.IsCredential(pattern.Replace('*', 'x').Replace('?', 'x')))
            {
                // Searching the disk for key and credential files is credential hunting, whatever is done with them.
                Emit(ActionFactory.Simple("find", "find.credential-search", Verb.Read, "credential", pattern, Risk.Medium, true, $"searches for credential files ({pattern})", Tags.CredentialAccess), scope);
            }

            if (primary == "-delete")
            {
                deletes = true;
            }
            else if (primary is "-fprint" or "-fprint0" or "-fls" or "-fprintf" && i < arguments.Count)
            {
                // The list goes into a file find creates or truncates: judged like any other file write.
                EmitFindOutput(arguments[i], scope);
                i += primary == "-fprintf" ? 2 : 1;
            }
            else if (primary is "-exec" or "-execdir" or "-ok" or "-okdir")
            {
                var template = new List<Word>();
                while (i < arguments.Count && arguments[i].StaticValue is not (";" or "+"))
                {
                    template.Add(arguments[i++]);
                }

                i++;
                templates.Add(template);
            }
            else if (FindValuePrimaries.Contains(primary))
            {
                i++;
            }
        }

        var findScope = scope.Enter("find");
        foreach (var root in roots)
        {
            if (deletes)
            {
                var pathScope = PathClassifier.Classify(root);
                if (filtered)
                {
                    // A filter limits the deletion to matching files under the root, not the root itself.
                    pathScope = pathScope switch
                    {
                        PathScope.WorkspaceRoot => PathScope.Workspace,
                        PathScope.Home => PathScope.HomeSubpath,
                        _ => pathScope,
                    };
                }

                Emit(
                    ActionFactory.Simple("find", "find.delete", Verb.Delete, "file", root.Text, PathRisk.ForDeletion(pathScope), false, $"find -delete removes matching files under {root.Text}", [Tags.Recursive, .. PathRisk.TagsFor(pathScope)]),
                    scope);
            }

            foreach (var template in templates)
            {
                var words = template.Select(w => SubstituteFound(w, root)).ToList();
                InvokeWords(words, origin, StdinSource.None, findScope);
            }
        }

        if (!deletes && templates.Count == 0)
        {
            Emit(ActionFactory.Simple("find", "find.search", Verb.Read, "file", roots[0].Text, Risk.None, true, "searches for files"), scope);
        }

        return true;
    }

    private void EmitFindOutput(Word file, WalkScope scope)
    {
        var pathScope = PathClassifier.ClassifyWriteTarget(file);
        Emit(
            ActionFactory.Simple("find", "find.output-file", Verb.Update, "file", file.Text, PathRisk.ForWrite(pathScope), pathScope != PathScope.Protected, $"find writes its results into {file.Text}", PathRisk.TagsFor(pathScope)),
            scope);
    }

    private static bool IsFindExpressionStart(Word word)
    {
        var value = word.StaticValue;
        return value is not null && value.Length > 0 && (value[0] == '-' || value is "(" or "!" or ")" or ",");
    }

    /// <summary>Replaces <c>{}</c> in an -exec word with "a file under the root", so the inner command sees where it acts.</summary>
    private static Word SubstituteFound(Word word, Word root)
    {
        var text = word.StaticValue;
        if (text is null || !text.Contains("{}", StringComparison.Ordinal))
        {
            return word;
        }

        return text == "{}" ? WordFactory.Under(root) : WordFactory.Literal(text.Replace("{}", root.Text.TrimEnd('/') + "/found", StringComparison.Ordinal));
    }
}
