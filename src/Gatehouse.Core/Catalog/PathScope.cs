namespace Gatehouse.Core.Catalog;

/// <summary>Where a filesystem path points, ordered loosely from harmless to catastrophic for a delete.</summary>
internal enum PathScope
{
    /// <summary>Inside the workspace and rebuilt by tooling: build output, caches, dependencies, logs.</summary>
    WorkspaceRegenerable,
    /// <summary>Inside the workspace (relative, not escaping with <c>..</c>): recoverable from version control.</summary>
    Workspace,
    /// <summary>The whole workspace (<c>.</c>, <c>*</c>) or its history (<c>.git</c>).</summary>
    WorkspaceRoot,
    /// <summary>/tmp, /var/tmp, $TMPDIR, and harmless sinks such as /dev/null.</summary>
    Temporary,
    /// <summary>Something below the home directory.</summary>
    HomeSubpath,
    /// <summary>The home directory itself (<c>~</c>, <c>$HOME/</c>, <c>~/*</c>).</summary>
    Home,
    /// <summary>An absolute path that is neither system, home nor temporary.</summary>
    OutsideWorkspace,
    /// <summary>Deep inside a system directory (<c>/var/lib/postgresql/data</c>).</summary>
    System,
    /// <summary>The filesystem root, a top-level system directory or one of its immediate children.</summary>
    SystemRoot,
    /// <summary>A block device (<c>/dev/sda</c>, <c>/dev/nvme0n1</c>).</summary>
    Device,
    /// <summary>Built from a variable or substitution whose value is unknown.</summary>
    Dynamic,
    /// <summary>A package or build cache below the home directory (<c>~/.cache</c>, <c>~/.npm</c>, <c>~/.m2/repository</c>): rebuilt on demand.</summary>
    HomeRegenerable,
    /// <summary>A workspace file that no build recreates and git usually does not hold: a local database or an <c>.env</c> with secrets.</summary>
    WorkspaceData,
    /// <summary>
    /// Gatehouse's own configuration, policies, state or binary, or an agent's hook settings: changing or removing it
    /// switches enforcement off, so it is tampering wherever the command that touches it comes from.
    /// </summary>
    Protected,
}
