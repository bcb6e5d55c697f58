using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Storage.Crm;
using RunRate.Storage.Forecast;

namespace RunRate.Storage.Audit;

/// <summary>
/// A store that records every successful write of one actor in the workspace's audit log: one entry per
/// write whose outcome is <see cref="WriteOutcome.Done"/> (or per committed import), with the record as
/// it was just before (read through the inner store) and as written. Failed outcomes append nothing.
/// The entry is appended inside the write's own transaction (see <see cref="PendingAudit"/>): the change and its
/// entry commit together or not at all, even when the process is killed, and a failing append rolls the write back
/// and surfaces as the <see cref="StoreException"/> of the call. Reads pass straight through.
/// </summary>
internal sealed class AuditedLedgerStore : ILedgerStore
{
    private readonly ILedgerStore _inner;
    private readonly AuditRecorder _audit;

    public AuditedLedgerStore(ILedgerStore inner, string actor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _inner = inner;
        _audit = new AuditRecorder(inner.Audit, actor, clock);
        Crm = new AuditedCrmStore(inner.Crm, _audit);
        Scenarios = new AuditedScenarioStore(inner.Scenarios, _audit);
    }

    /// <summary>The store the writes go to.</summary>
    public ILedgerStore Inner => _inner;

    /// <summary>Who the entries name.</summary>
    public string Actor => _audit.Actor;

    public ICrmStore Crm { get; }

    public IScenarioStore Scenarios { get; }

    public IAuditLog Audit => _inner.Audit;

    public string Location => _inner.Location;

    public ILedgerImportSession Begin(bool replace) => new AuditedImportSession(_inner.Begin(replace), replace, _audit);

    public RevenueLedger Load() => _inner.Load();

    public IReadOnlyList<ImportRecord> Imports() => _inner.Imports();

    public long Revision() => _inner.Revision();

    public LedgerSnapshot LoadSnapshot() => _inner.LoadSnapshot();

    public long StreamLedger(Action<FxRate> onFx, Action<Customer> onCustomer, Action<RevenueLine> onLine) => _inner.StreamLedger(onFx, onCustomer, onLine);

    public Customer? FindCustomer(CustomerId id) => _inner.FindCustomer(id);

    public RevenueLine? FindLine(LineId id) => _inner.FindLine(id);

    public WriteOutcome SaveCustomer(Customer customer, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var before = AuditJson.Of(_inner.FindCustomer(customer.Id));
        return _audit.Record(() => _inner.SaveCustomer(customer, mode), "customer." + AuditRecorder.Verb(mode), customer.Id.Value, before, () => AuditJson.Of(customer));
    }

    public WriteOutcome DeleteCustomer(CustomerId id)
    {
        var before = AuditJson.Of(_inner.FindCustomer(id));
        return _audit.Record(() => _inner.DeleteCustomer(id), "customer.delete", id.Value, before, () => null);
    }

    public WriteOutcome SaveLine(RevenueLine line, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(line);
        var before = AuditJson.Of(_inner.FindLine(line.Id));
        return _audit.Record(() => _inner.SaveLine(line, mode), "line." + AuditRecorder.Verb(mode), line.Id.Value, before, () => AuditJson.Of(line));
    }

    public WriteOutcome DeleteLine(LineId id)
    {
        var before = AuditJson.Of(_inner.FindLine(id));
        return _audit.Record(() => _inner.DeleteLine(id), "line.delete", id.Value, before, () => null);
    }

    public WriteOutcome EndLine(LineId id, DateOnly end)
    {
        var found = _inner.FindLine(id);
        // The entry is built inside the write's transaction, where the store cannot be read again: ending changes
        // exactly the end date, so the line after is the line before with its new end.
        return _audit.Record(() => _inner.EndLine(id, end), "line.end", id.Value, AuditJson.Of(found), () => AuditJson.Of(found is null ? null : found with { End = end }));
    }

    public void Dispose() => _inner.Dispose();
}
