
namespace Gatehouse.Core.Hooks;

/// <summary>
/// The built-in tools of Claude Code, Cursor, Codex CLI, Gemini CLI and Copilot CLI, and where each keeps its arguments.
/// A tool missing here is classified by name and arguments and never allowed when it could change anything.
/// </summary>
internal static class HookTools
{
    private static readonly Dictionary<string, HookToolKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        // Shell: Claude/Codex Bash, Cursor's shell event, Codex exec_command/local_shell/shell, Gemini run_shell_command, Copilot bash/powershell.
        ["Bash"] = HookToolKind.Shell,
        ["Shell"] = HookToolKind.Shell,
        ["exec_command"] = HookToolKind.Shell,
        ["local_shell"] = HookToolKind.Shell,
        ["container.exec"] = HookToolKind.Shell,
        ["run_shell_command"] = HookToolKind.Shell,
        ["powershell"] = HookToolKind.Shell,
        ["run_terminal_cmd"] = HookToolKind.Shell,
        ["terminal"] = HookToolKind.Shell,

        ["Read"] = HookToolKind.Read,
        ["NotebookRead"] = HookToolKind.Read,
        ["read_file"] = HookToolKind.Read,
        ["read_many_files"] = HookToolKind.Read,
        ["view"] = HookToolKind.Read,

        ["Grep"] = HookToolKind.Search,
        ["search_file_content"] = HookToolKind.Search,
        ["grep_search"] = HookToolKind.Search,
        ["codebase_search"] = HookToolKind.Search,

        ["Write"] = HookToolKind.Write,
        ["Edit"] = HookToolKind.Write,
        ["MultiEdit"] = HookToolKind.Write,
        ["NotebookEdit"] = HookToolKind.Write,
        ["write_file"] = HookToolKind.Write,
        ["replace"] = HookToolKind.Write,
        ["create"] = HookToolKind.Write,
        ["str_replace_editor"] = HookToolKind.Write,
        ["str_replace"] = HookToolKind.Write,
        ["insert"] = HookToolKind.Write,
        ["edit_file"] = HookToolKind.Write,
        ["search_replace"] = HookToolKind.Write,

        ["apply_patch"] = HookToolKind.Patch,

        ["delete_file"] = HookToolKind.Delete,

        ["Glob"] = HookToolKind.ReadOnly,
        ["LS"] = HookToolKind.ReadOnly,
        ["WebSearch"] = HookToolKind.ReadOnly,
        ["WebFetch"] = HookToolKind.ReadOnly,
        ["TodoWrite"] = HookToolKind.ReadOnly,
        ["TodoRead"] = HookToolKind.ReadOnly,
        ["Task"] = HookToolKind.ReadOnly,
        ["ExitPlanMode"] = HookToolKind.ReadOnly,
        ["BashOutput"] = HookToolKind.ReadOnly,
        ["KillShell"] = HookToolKind.ReadOnly,
        ["KillBash"] = HookToolKind.ReadOnly,
        ["list_directory"] = HookToolKind.ReadOnly,
        ["glob"] = HookToolKind.ReadOnly,
        ["google_web_search"] = HookToolKind.ReadOnly,
        ["web_fetch"] = HookToolKind.ReadOnly,
        ["web_search"] = HookToolKind.ReadOnly,
        ["list_dir"] = HookToolKind.ReadOnly,
        ["file_search"] = HookToolKind.ReadOnly,
        ["update_plan"] = HookToolKind.ReadOnly,
        ["view_image"] = HookToolKind.ReadOnly,
    };

    /// <summary>Where tools keep the file they act on, across agents (Claude file_path, Gemini absolute_path, Copilot path, notebooks).</summary>
    public static readonly string[] PathFields = ["file_path", "path", "absolute_path", "notebook_path", "filePath", "target_file", "dir_path"];

    /// <summary>Where shell tools keep the command: Codex's exec_command uses <c>cmd</c>, the rest <c>command</c>.</summary>
    public static readonly string[] CommandFields = ["command", "cmd"];

    /// <summary>Where shell tools keep the directory the command runs in.</summary>
    public static readonly string[] DirectoryFields = ["dir_path", "workdir", "cwd", "directory"];

    public static HookToolKind KindOf(string toolName, bool isMcp) =>
        !isMcp && Kinds.TryGetValue(toolName, out var kind) ? kind : HookToolKind.Unknown;
}
