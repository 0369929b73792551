namespace Gatehouse.Core.Hooks;

/// <summary>What a named agent tool does, as far as Gatehouse needs to know to classify its arguments.</summary>
internal enum HookToolKind
{
    /// <summary>Not a built-in tool of any supported agent: classified by its name and arguments like an MCP tool.</summary>
    Unknown,
    /// <summary>Runs a shell command line.</summary>
    Shell,
    /// <summary>Reads a file's content.</summary>
    Read,
    /// <summary>Searches file contents (the matched lines are returned, so a credential file searched is a credential read).</summary>
    Search,
    /// <summary>Creates, overwrites or edits a file.</summary>
    Write,
    /// <summary>An apply_patch envelope naming the files it adds, updates, deletes and moves.</summary>
    Patch,
    /// <summary>Deletes a file.</summary>
    Delete,
    /// <summary>Observes or plans only: listings, globs, web search, to-do lists, sub-agents whose own tools are hooked.</summary>
    ReadOnly,
}
