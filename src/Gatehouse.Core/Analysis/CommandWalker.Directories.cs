using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// The working directory as the command line changes it: <c>cd / &amp;&amp; rm -rf *</c> deletes the root, not
/// the workspace. Relative deletion targets are re-judged against the directory the line has moved to.
/// </summary>
internal sealed partial class CommandWalker
{
    /// <summary>The directory the line has moved to; null while it is still the workspace the agent started in.</summary>
    private string? _workingDirectory;

    /// <summary>The line moved to a directory only known at run time (<c>cd "$DIR"</c>, <c>cd -</c>, <c>popd</c>).</summary>
    private bool _workingDirectoryUnknown;

    private bool TryChangeDirectory(string program, IReadOnlyList<Word> arguments)
    {
        if (program is not ("cd" or "pushd" or "popd" or "chdir"))
        {
            return false;
        }

        var start = SkipOptions(arguments, 0, []);
        if (program == "popd" || (start < arguments.Count && arguments[start].StaticValue == "-"))
        {
            // The previous directory is not tracked through the stack; assume nothing about it.
            MoveTo(null);
            return true;
        }

        if (start >= arguments.Count)
        {
            MoveTo("~");
            return true;
        }

        var target = arguments[start];
        MoveTo(ResolveWord(target) ?? WordFactory.PathText(target));
        return true;
    }

    private void MoveTo(string? directory)
    {
        if (directory is null)
        {
            _workingDirectoryUnknown = true;
            _workingDirectory = null;
            return;
        }

        if (directory.StartsWith('/') || directory.StartsWith('~') || _workingDirectory is null)
        {
            _workingDirectory = directory;
        }
        else
        {
            _workingDirectory = _workingDirectory.TrimEnd('/') + "/" + directory;
        }

        _workingDirectoryUnknown = _workingDirectoryUnknown && !(directory.StartsWith('/') || directory.StartsWith('~'));
    }

    /// <summary>Re-judges a relative deletion target against the directory the line moved to.</summary>
    private AgentAction RelativeToWorkingDirectory(AgentAction action)
    {
        if ((_workingDirectory is null && !_workingDirectoryUnknown)
            || action.Verb != Verb.Delete
            || action.Target.Kind is not ("file" or "directory")
            || action.Target.Id is not { Length: > 0 } id
            || id[0] is '/' or '~' or '$')
        {
            return action;
        }

        PathScope scope;
        string joined;
        if (_workingDirectoryUnknown)
        {
            scope = PathScope.Dynamic;
            joined = "$PWD/" + id;
        }
        else
        {
            var relative = id.StartsWith("./", StringComparison.Ordinal) ? id[2..] : id == "." ? string.Empty : id;
            joined = relative.Length == 0 ? _workingDirectory! : _workingDirectory!.TrimEnd('/') + "/" + relative;
            scope = PathClassifier.Classify(WordFactory.Literal(joined));
        }

        return action with
        {
            Target = action.Target with { Id = joined },
            Risk = PathRisk.ForDeletion(scope),
            Tags = [.. action.Tags.Where(t => t is not (Tags.WorkspaceLocal or Tags.Temporary or Tags.SystemPath or Tags.DynamicTarget)), .. PathRisk.TagsFor(scope)],
        };
    }
}
