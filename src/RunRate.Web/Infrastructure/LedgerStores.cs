using RunRate.Engine.Metrics;
using RunRate.Storage;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// Opens one workspace's store. Each request opens its own connection (SQLite connections are not
/// shared between threads); reports reuse the last loaded snapshot while the revision is unchanged,
/// so the dashboard's burst of requests after a change loads the ledger once. <see cref="WorkspaceStores"/>
/// keeps one per workspace (holding its snapshot cache); endpoints receive a per-request copy bound to the
/// request's actor (<see cref="As"/>), which shares that cache and writes as that actor.
/// </summary>
internal sealed class LedgerStores
{
    private readonly SnapshotCache _cache;
    private readonly LiveModels _models;

    /// <summary>Creates (or migrates) the store once, at startup, so that requests never race to do it.</summary>
    public LedgerStores(string path, string workspace = RunRate.Storage.Workspaces.Workspace.Default)
    {
        Path = path;
        Workspace = workspace;
        _cache = new SnapshotCache();
        _models = new LiveModels();
        using var store = Open();
    }

    private LedgerStores(LedgerStores shared, string? actor)
    {
        Path = shared.Path;
        Workspace = shared.Workspace;
        _cache = shared._cache;
        _models = shared._models;
        Actor = actor;
    }

    /// <summary>The store location (SQLite file or PostgreSQL connection) of the whole server.</summary>
    public string Path { get; }

    /// <summary>The workspace these stores open.</summary>
    public string Workspace { get; }

    /// <summary>Who writes through these stores (recorded in the audit log); null for the server itself.</summary>
    public string? Actor { get; }

    /// <summary>The same workspace and snapshot cache, writing as <paramref name="actor"/>.</summary>
    public LedgerStores As(string? actor) => new(this, actor);

    /// <summary>The actor of open demo mode.</summary>
    public const string DemoActor = "demo";

    /// <summary>The actor of Stripe's signed webhook calls.</summary>
    public const string StripeActor = "webhook:stripe";

    /// <summary>
    /// Opens the store, creating it (empty) when missing; every write through it is recorded in the audit log as
    /// <paramref name="actor"/>, by default the request's actor (<see cref="Actor"/>).
    /// </summary>
    public ILedgerStore Open(string? actor = null) => StoreFactory.Open(Path, create: true, Workspace, actor: actor ?? Actor);

    /// <summary>The current ledger: the cached snapshot when the store's revision has not moved.</summary>
    public LedgerSnapshot Snapshot(ILedgerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cached = Volatile.Read(ref _cache.Latest);
        if (cached is not null && cached.Revision == store.Revision())
        {
            return cached;
        }

        var fresh = store.LoadSnapshot();
        Volatile.Write(ref _cache.Latest, fresh);
        return fresh;
    }

    /// <summary>The workspace's live in-memory models (unfiltered monthly reports, updated line by line).</summary>
    public LiveModels Models => _models;

    /// <summary>
    /// The monthly bridge of <paramref name="request"/>: from the live model when the request is unfiltered
    /// (O(months), however large the ledger), else computed from the snapshot. Both give the same figures.
    /// </summary>
    public BridgeReport Bridge(ReportRequest request)
    {
        using var store = Open();
        return _models.TryReport(store, request) ?? RevenueEngine.Compute(Snapshot(store).Ledger, request);
    }

    /// <summary>The picker values and revision of <c>GET /api/meta</c>, kept with the live models.</summary>
    public Meta.MetaResponse Meta()
    {
        using var store = Open();
        return _models.Meta(store);
    }

    /// <summary>Opens the store just long enough to read the current ledger.</summary>
    public LedgerSnapshot Snapshot()
    {
        using var store = Open();
        return Snapshot(store);
    }

    private sealed class SnapshotCache
    {
#pragma warning disable SA1401 // a field, so that Volatile can read and write it
        public LedgerSnapshot? Latest;
#pragma warning restore SA1401
    }
}
