using System.Text;
using System.Text.Json;
using Gatehouse.Core.Analysis;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// Turns one agent tool call into the actions it performs: a shell tool's command through the shell classifier, a file
/// read or write through the catalog's path rules (credential files, Gatehouse and hook settings), anything else by its
/// name and arguments (<see cref="ToolCallClassifier"/>).
/// </summary>
internal static class ToolActionMapper
{
    public static Classification Map(HookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = HookTools.KindOf(request.ToolName, request.IsMcp);
        return kind switch
        {
            HookToolKind.Shell => MapShell(request),
            HookToolKind.Read or HookToolKind.Search => MapRead(request, kind),
            HookToolKind.Write => MapFileChange(request, Verb.Update),
            HookToolKind.Patch => MapPatch(request),
            HookToolKind.Delete => MapFileChange(request, Verb.Delete),
            HookToolKind.ReadOnly => MapReadOnly(request),
            _ => Wrap(ToolCallClassifier.Classify(request.ToolName, request.McpServer, request.Input), "tool>" + request.ToolName),
        };
    }

    /// <summary>The command line a shell tool would run, for the log and for classification.</summary>
    public static string? CommandOf(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in HookTools.CommandFields)
        {
            if (!input.TryGetProperty(field, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                return JoinArgv(value);
            }
        }

        return null;
    }

    private static Classification MapShell(HookRequest request)
    {
        var command = CommandOf(request.Input) ?? throw new HookPayloadException($"the {request.ToolName} call carries no command");
        var directory = FirstString(request.Input, HookTools.DirectoryFields);
        if (directory is not null && !string.Equals(directory, request.WorkingDirectory, StringComparison.Ordinal))
        {
            // The tool runs the command elsewhere (Gemini dir_path, Codex workdir): `rm -rf *` in / is not `rm -rf *` in the project.
            command = $"cd {ShellQuote(directory)} && {command}";
        }

        return ActionClassifier.Classify(InputKind.Shell, command);
    }

    private static Classification MapRead(HookRequest request, HookToolKind kind)
    {
        var actions = new List<AgentAction>(2);
        foreach (var path in PathsOf(request.Input))
        {
            actions.Add(ReadAction(request.ToolName, Relative(path, request.WorkingDirectory)));
        }

        if (actions.Count == 0 && kind == HookToolKind.Read)
        {
            throw new HookPayloadException($"the {request.ToolName} call names no file");
        }

        // A search with no path searches the workspace: a read, and credential files are what the path check is for.
        return Wrap(actions, "tool>" + request.ToolName);
    }

    /// <summary>A write, edit or delete of the files the call names; a call that names none is malformed.</summary>
    private static Classification MapFileChange(HookRequest request, Verb verb)
    {
        var actions = new List<AgentAction>(1);
        foreach (var path in PathsOf(request.Input))
        {
            actions.Add(FileChange(request.ToolName, Relative(path, request.WorkingDirectory), verb));
        }

        if (actions.Count == 0)
        {
            throw new HookPayloadException($"the {request.ToolName} call names no file");
        }

        return Wrap(actions, "tool>" + request.ToolName);
    }

    private static Classification MapPatch(HookRequest request)
    {
        var patch = FirstString(request.Input, ["input", "patch", "command", "cmd"])
            ?? (request.Input.ValueKind == JsonValueKind.Object && request.Input.TryGetProperty("command", out var argv) && argv.ValueKind == JsonValueKind.Array ? JoinArgv(argv) : null)
            ?? throw new HookPayloadException("the apply_patch call carries no patch");
        var actions = new List<AgentAction>(2);
        foreach (var (path, verb) in ApplyPatchFiles.Parse(patch))
        {
            actions.Add(FileChange(request.ToolName, Relative(path, request.WorkingDirectory), verb));
        }

        if (actions.Count == 0)
        {
            // A patch whose files cannot be seen could touch any of them.
            actions.Add(ActionFactory.ParseError(request.ToolName, "the patch names no file in a form Gatehouse reads"));
        }

        return Wrap(actions, "tool>" + request.ToolName);
    }

    private static Classification MapReadOnly(HookRequest request)
    {
        List<AgentAction> actions = [ActionFactory.Simple(request.ToolName, "hook.read-only-tool", Verb.Read, "workspace", null, Risk.None, true, $"{request.ToolName} observes or plans without changing anything")];
        return Wrap(actions, "tool>" + request.ToolName);
    }

    public static AgentAction ReadAction(string tool, string path)
    {
        if (CredentialPaths.IsCredential(path))
        {
            return ActionFactory.Simple(tool, "hook.credential-read", Verb.Read, "credential", path, Risk.Medium, false, $"reads {path}, a file that holds credentials", Tags.CredentialAccess);
        }

        return ActionFactory.Simple(tool, "hook.file-read", Verb.Read, "file", path, Risk.None, true, $"reads {path}");
    }

    /// <summary>
    /// A write, edit or delete judged by the same path rules as <c>rm</c>, <c>tee</c> and redirections: Gatehouse's
    /// own files and hook settings are tampering (critical), credential files need a human, workspace files are routine.
    /// </summary>
    public static AgentAction FileChange(string tool, string path, Verb verb)
    {
        var scope = PathClassifier.ClassifyStatic(path.Length == 0 ? "." : path);
        var verbText = verb == Verb.Delete ? "deletes" : "writes";
        if (scope == PathScope.Protected)
        {
            return ActionFactory.Simple(tool, "hook.tampering", verb, "file", path, Risk.Critical, false, $"{verbText} {path}, which configures Gatehouse or the agent's hooks", PathRisk.TagsFor(scope));
        }

        if (CredentialPaths.IsCredential(path))
        {
            return ActionFactory.Simple(tool, "hook.credential-write", verb, "credential", path, Risk.High, false, $"{verbText} {path}, a file that holds credentials", Tags.CredentialAccess);
        }

        var risk = verb == Verb.Delete ? PathRisk.ForDeletion(scope) : PathRisk.ForWrite(scope);
        var rule = verb == Verb.Delete ? "hook.file-delete" : "hook.file-write";
        return ActionFactory.Simple(tool, rule, verb, "file", path, risk, verb != Verb.Delete, $"{verbText} {path}", PathRisk.TagsFor(scope));
    }

    private static List<string> PathsOf(JsonElement input)
    {
        var paths = new List<string>(1);
        if (input.ValueKind != JsonValueKind.Object)
        {
            return paths;
        }

        foreach (var field in HookTools.PathFields)
        {
            if (input.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } path)
            {
                paths.Add(path);
            }
        }

        // Gemini's read_many_files takes a list of paths or globs.
        if (input.TryGetProperty("paths", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } path)
                {
                    paths.Add(path);
                }
            }
        }

        return paths;
    }

    /// <summary>A path under the working directory, written relative to it, so the path rules see a workspace file.</summary>
    internal static string Relative(string path, string? workingDirectory)
    {
        var posix = path.Replace('\\', '/');
        if (string.IsNullOrEmpty(workingDirectory) || !posix.StartsWith('/'))
        {
            return posix;
        }

        var root = workingDirectory.Replace('\\', '/').TrimEnd('/');
        if (root.Length == 0)
        {
            return posix;
        }

        if (string.Equals(posix, root, StringComparison.Ordinal))
        {
            return ".";
        }

        return posix.StartsWith(root + "/", StringComparison.Ordinal) ? posix[(root.Length + 1)..] : posix;
    }

    private static string? FirstString(JsonElement input, ReadOnlySpan<string> fields)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in fields)
        {
            if (input.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Codex sends argv (<c>["bash","-lc","…"]</c>): the script of a shell's -c, else the words quoted back into a line.</summary>
    private static string JoinArgv(JsonElement array)
    {
        var words = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            words.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
        }

        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(ShellQuote(word));
        }

        return builder.ToString();
    }

    internal static string ShellQuote(string word)
    {
        if (word.Length > 0 && word.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") < 0)
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static Classification Wrap(IReadOnlyList<AgentAction> actions, string segment) => new(actions, [new Segment(segment, segment)]);
}
