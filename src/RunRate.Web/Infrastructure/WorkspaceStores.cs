using System.Collections.Concurrent;
using RunRate.Storage.Workspaces;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// One <see cref="LedgerStores"/> per workspace, created (and its store migrated) on first use and kept
/// for the server's life, so each workspace has its own snapshot cache. The default workspace is opened
/// at startup. Which workspaces exist is the access store's business, checked before a key gets here.
/// </summary>
internal sealed class WorkspaceStores
{
    private readonly ConcurrentDictionary<string, Lazy<LedgerStores>> _stores = new(StringComparer.Ordinal);

    public WorkspaceStores(string location)
    {
        Location = location;
        Get(Workspace.Default);
    }

    /// <summary>The server's store location.</summary>
    public string Location { get; }

    /// <summary>The workspaces opened so far.</summary>
    public IReadOnlyList<string> Opened => [.. _stores.Keys];

    /// <summary>The stores of <paramref name="workspace"/> (a valid key).</summary>
    public LedgerStores Get(string workspace)
    {
        Workspace.Check(workspace);
        return _stores.GetOrAdd(workspace, key => new Lazy<LedgerStores>(() => new LedgerStores(Location, key))).Value;
    }
}
