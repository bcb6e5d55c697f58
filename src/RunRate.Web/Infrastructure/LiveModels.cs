using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Storage;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// One workspace's in-memory revenue models (<see cref="RevenueModel"/>), one per reporting currency asked for,
/// each tagged with the store revision it reflects. Unfiltered monthly reports (the overview's KPI card, MRR
/// chart, ARR bridge and cohorts) read them in microseconds whatever the ledger's size. A line written through
/// the API updates them in place (<see cref="LineWritten"/>); any other change of the store's revision (an
/// import, a CRM write, another process) makes the next report rebuild the model from the store.
/// </summary>
internal sealed class LiveModels
{
    private readonly object _gate = new();
    private readonly Dictionary<CurrencyCode, Entry> _models = [];
    private long _builds;
    private long _applied;

    /// <summary>Models built from the store so far (a full load each).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>Line writes applied to a model in place.</summary>
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

        var model = Current(store, request.Currency);
        return model?.Report(request);
    }

    /// <summary>
    /// Applies a line write made through the API: <paramref name="revisionBefore"/> was read before the write and
    /// <paramref name="revisionAfter"/> after it. The models move to the new revision only when nothing else was
    /// committed in between (the revision grew by exactly one); otherwise they are dropped and rebuilt on demand.
    /// </summary>
    public void LineWritten(long revisionBefore, long revisionAfter, RevenueLine? before, RevenueLine? after)
    {
        lock (_gate)
        {
            foreach (var (currency, entry) in _models.ToList())
            {
                if (entry.Model is { } model && entry.Revision == revisionBefore && revisionAfter == revisionBefore + 1
                    && model.TryApply(before, after))
                {
                    _models[currency] = entry with { Revision = revisionAfter };
                    Interlocked.Increment(ref _applied);
                }
                else
                {
                    _models.Remove(currency);
                }
            }
        }
    }

    private RevenueModel? Current(ILedgerStore store, CurrencyCode currency)
    {
        lock (_gate)
        {
            var revision = store.Revision();
            if (_models.TryGetValue(currency, out var entry) && entry.Revision == revision)
            {
                return entry.Model;
            }

            // Built under the lock: concurrent requests wait for one build instead of each loading the ledger.
            var (model, read) = Build(store, currency);
            Interlocked.Increment(ref _builds);
            _models[currency] = new Entry(model, read);
            return read == revision || model is null ? model : Current(store, currency);
        }
    }

    private static (RevenueModel? Model, long Revision) Build(ILedgerStore store, CurrencyCode currency)
    {
        var snapshot = store.LoadSnapshot();
        try
        {
            return (RevenueModel.Build(snapshot.Ledger, currency), snapshot.Revision);
        }
        catch (Exception e) when (e is LedgerConversionException or NotSupportedException)
        {
            return (null, snapshot.Revision);
        }
    }

    private sealed record Entry(RevenueModel? Model, long Revision);
}
