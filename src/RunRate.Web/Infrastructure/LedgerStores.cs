using RunRate.Storage;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// Opens the served store. Each request opens its own connection (SQLite connections are not
/// shared between threads); reports reuse the last loaded snapshot while the revision is unchanged,
/// so the dashboard's burst of requests after a change loads the ledger once.
/// </summary>
internal sealed class LedgerStores
{
    private LedgerSnapshot? _latest;

    /// <summary>Creates (or migrates) the store once, at startup, so that requests never race to do it.</summary>
    public LedgerStores(string path)
    {
        Path = path;
        using var store = Open();
    }

    /// <summary>The actor of open demo mode, until requests carry a signed-in user.</summary>
    public const string DemoActor = "demo";

    /// <summary>The actor of Stripe's signed webhook calls.</summary>
    public const string StripeActor = "webhook:stripe";

    public string Path { get; }

    /// <summary>Opens the store, creating it (empty) when missing; every write through it is recorded in the audit log as <paramref name="actor"/>.</summary>
    public ILedgerStore Open(string? actor = DemoActor) => StoreFactory.Open(Path, create: true, actor: actor);

    /// <summary>The current ledger: the cached snapshot when the store's revision has not moved.</summary>
    public LedgerSnapshot Snapshot(ILedgerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cached = Volatile.Read(ref _latest);
        if (cached is not null && cached.Revision == store.Revision())
        {
            return cached;
        }

        var fresh = store.LoadSnapshot();
        Volatile.Write(ref _latest, fresh);
        return fresh;
    }

    /// <summary>Opens the store just long enough to read the current ledger.</summary>
    public LedgerSnapshot Snapshot()
    {
        using var store = Open();
        return Snapshot(store);
    }
}
