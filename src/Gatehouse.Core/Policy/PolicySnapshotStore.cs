namespace Gatehouse.Core.Policy;

/// <summary>
/// Holds the snapshot deciders use and replaces it as a whole: a reload builds and validates a
/// complete new snapshot, then swaps one reference. A broken file never half-applies — the last good
/// snapshot stays in force and <see cref="LastError"/> says why the new one was refused.
/// </summary>
public sealed class PolicySnapshotStore : IDisposable
{
    private readonly Func<PolicySnapshot> _load;
    private readonly Lock _reloadGate = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private PolicySnapshot _current;
    private string? _lastError;

    /// <summary>Loads the first snapshot now; a failure here throws, because there is no good snapshot to keep.</summary>
    public PolicySnapshotStore(Func<PolicySnapshot> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        _load = load;
        _current = load();
    }

    /// <summary>A store for <see cref="PolicyLoader.Load"/> of these paths (null policy path: the default set).</summary>
    public static PolicySnapshotStore ForPaths(string? policyPath, string? inventoryPath, string? contextPath, TimeProvider time) =>
        new(() => PolicyLoader.Load(policyPath, inventoryPath, contextPath, time)) { PolicyPath = policyPath, InventoryPath = inventoryPath, ContextPath = contextPath };

    public PolicySnapshot Current => Volatile.Read(ref _current);

    /// <summary>Why the most recent reload was refused; null after a successful one.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Raised after every reload attempt, with the error when it was refused.</summary>
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    private string? PolicyPath { get; init; }

    private string? InventoryPath { get; init; }

    private string? ContextPath { get; init; }

    /// <summary>Builds a new snapshot and swaps it in; on failure keeps the current one. Returns whether it swapped.</summary>
    public bool Reload()
    {
        PolicyReloadedEventArgs outcome;
        lock (_reloadGate)
        {
            try
            {
                var next = _load();
                Volatile.Write(ref _current, next);
                Volatile.Write(ref _lastError, null);
                outcome = new PolicyReloadedEventArgs(next, null);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Reloads run on file-watcher threads: any failure keeps the last good snapshot rather than ending the process.
                Volatile.Write(ref _lastError, exception.Message);
                outcome = new PolicyReloadedEventArgs(Current, exception.Message);
            }
        }

        Reloaded?.Invoke(this, outcome);
        return outcome.Error is null;
    }

    /// <summary>Reloads whenever a policy file, the inventory or the context changes on disk (stores made by <see cref="ForPaths"/>).</summary>
    public void Watch()
    {
        lock (_reloadGate)
        {
            if (_watchers.Count > 0)
            {
                return;
            }

            if (PolicyPath is not null)
            {
                _watchers.Add(Directory.Exists(PolicyPath) ? WatcherFor(PolicyPath, "*.cedar") : WatcherFor(Path.GetDirectoryName(Path.GetFullPath(PolicyPath))!, Path.GetFileName(PolicyPath)));
            }

            foreach (var file in (ReadOnlySpan<string?>)[InventoryPath, ContextPath])
            {
                if (file is not null)
                {
                    _watchers.Add(WatcherFor(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileName(file)));
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_reloadGate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }
    }

    private FileSystemWatcher WatcherFor(string directory, string filter)
    {
        var watcher = new FileSystemWatcher(directory, filter)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Reload();
        watcher.Created += (_, _) => Reload();
        watcher.Deleted += (_, _) => Reload();
        watcher.Renamed += (_, _) => Reload();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
