using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Storage;
using RunRate.Web.Meta;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// One workspace's in-memory revenue models (<see cref="RevenueModel"/>), one per reporting currency asked for,
/// and the picker values of <c>/api/meta</c>, all tagged with the store revision they reflect. Unfiltered monthly
/// reports (the overview's KPI card, MRR chart, ARR bridge and cohorts) read them in microseconds whatever the
/// ledger's size. A line written through the API updates them in place (<see cref="LineWritten"/>); any other
/// change of the store's revision (an import, a CRM write, another process) makes the next request reload them,
/// in one pass over the store for every currency held.
/// </summary>
internal sealed class LiveModels
{
    private readonly object _gate = new();
    private readonly Dictionary<CurrencyCode, RevenueModel?> _models = [];
    private LedgerFacets? _facets;
    private long _revision = -1;
    private long _builds;
    private long _applied;

    /// <summary>
    /// Held by the API's line writes of this workspace for read-revision, write, read-revision. The store runs writes one at
    /// a time anyway (SQLite's write lock, PostgreSQL's revision row), so this costs no throughput; without it two
    /// concurrent API writes each saw the revision move by two and every write under load forced a full rebuild.
    /// </summary>
    public Lock WriteGate { get; } = new();

    /// <summary>Loads from the store so far (one pass over the whole ledger each).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>Line writes applied in place.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>
    /// The report from the live model, or null when the request needs the snapshot path: a filter, a ledger the
    /// model cannot hold, or one that fails conversion (the snapshot path then reports the located error).
    /// </summary>
    public BridgeReport? TryReport(ILedgerStore store, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Filter.IsEmpty)
        {
            return null;
        }

        lock (_gate)
        {
            if (IsCurrent(store, request.Currency))
            {
                return _models[request.Currency]?.Report(request);
            }
        }

        // Behind the store: first let this server's API writes in flight land (they hold the write gate, then hand
        // their change over), so only a change made elsewhere costs a reload. The order write gate, then models,
        // is the writers' order too.
        lock (WriteGate)
        {
            lock (_gate)
            {
                Refresh(store, request.Currency);
                return _models[request.Currency]?.Report(request);
            }
        }
    }

    /// <summary>The picker values and revision of <c>GET /api/meta</c>.</summary>
    public MetaResponse Meta(ILedgerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (_gate)
        {
            if (IsCurrent(store, CurrencyCode.Usd))
            {
                return _facets!.Describe(_revision);
            }
        }

        lock (WriteGate)
        {
            lock (_gate)
            {
                Refresh(store, CurrencyCode.Usd);
                return _facets!.Describe(_revision);
            }
        }
    }

    /// <summary>
    /// Applies a line write made through the API: <paramref name="revisionBefore"/> was read before the write and
    /// <paramref name="revisionAfter"/> after it. Everything moves to the new revision only when nothing else was
    /// committed in between (the revision grew by exactly one) and every model takes the change; otherwise all is
    /// dropped and reloaded on demand.
    /// </summary>
    public void LineWritten(long revisionBefore, long revisionAfter, RevenueLine? before, RevenueLine? after)
    {
        lock (_gate)
        {
            if (_facets is null || _revision != revisionBefore || revisionAfter != revisionBefore + 1
                || !_models.Values.All(m => m is null || m.TryApply(before, after)))
            {
                Drop();
                return;
            }

            // A model that could not be built stays null: its currency keeps answering from the snapshot.
            if (after is not null)
            {
                _facets.Add(after);
            }

            _revision = revisionAfter;
            Interlocked.Increment(ref _applied);
        }
    }

    private void Drop()
    {
        _models.Clear();
        _facets = null;
        _revision = -1;
    }

    private bool IsCurrent(ILedgerStore store, CurrencyCode currency) =>
        _facets is not null && _models.ContainsKey(currency) && _revision == store.Revision();

    private void Refresh(ILedgerStore store, CurrencyCode currency)
    {
        var revision = store.Revision();
        if (_facets is not null && _revision == revision && _models.ContainsKey(currency))
        {
            return;
        }

        // Loaded under the lock: concurrent requests wait for one pass instead of each reading the ledger.
        var currencies = _revision == revision ? [currency] : _models.Keys.Append(currency).Distinct().ToList();
        var builders = currencies.Select(RevenueModel.CreateBuilder).ToList();
        var facets = new LedgerFacets();
        var read = store.StreamLedger(
            rate =>
            {
                facets.Add(rate);
                builders.ForEach(b => b.Add(rate));
            },
            customer =>
            {
                facets.Add(customer);
                builders.ForEach(b => b.Add(customer));
            },
            line =>
            {
                facets.Add(line);
                builders.ForEach(b => b.Add(line));
            });
        if (_revision != read)
        {
            _models.Clear();
        }

        for (var i = 0; i < currencies.Count; i++)
        {
            _models[currencies[i]] = TryBuild(builders[i]);
        }

        _facets = facets;
        _revision = read;
        Interlocked.Increment(ref _builds);
    }

    private static RevenueModel? TryBuild(RevenueModelBuilder builder)
    {
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is LedgerConversionException or NotSupportedException)
        {
            return null;
        }
    }
}
