using System.Globalization;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;

namespace RunRate.Storage.Audit;

/// <summary>
/// An import through an <see cref="AuditedLedgerStore"/>: counts what it writes and, once committed, records
/// one <c>ledger.import</c> entry with the mode and the counts (the rows themselves are the files imported).
/// A session disposed without commit records nothing. A backup restore's CRM goes through to the inner session and
/// adds one <c>crm.restore</c> entry with its counts.
/// </summary>
internal sealed class AuditedImportSession(ILedgerImportSession inner, bool replace, AuditRecorder audit) : ILedgerImportSession, Ingest.Backup.ICrmRestoreSession
{
    private Ingest.Backup.CrmBackup? _restored;

    private int _customers;
    private long _lines;
    private int _rates;
    private int _costMonths;
    private int _costs;

    public bool IsCustomerStored(string customerId) => inner.IsCustomerStored(customerId);

    public void Upsert(Customer customer)
    {
        inner.Upsert(customer);
        _customers++;
    }

    public void Upsert(FxRate rate)
    {
        inner.Upsert(rate);
        _rates++;
    }

    public void Upsert(RevenueLine line)
    {
        inner.Upsert(line);
        _lines++;
    }

    public void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        inner.ReplaceCosts(month, costs);
        _costMonths++;
        _costs += costs.Count;
    }

    public void RestoreCrm(Ingest.Backup.CrmBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        if (inner is not Ingest.Backup.ICrmRestoreSession restore)
        {
            throw new InvalidOperationException("This store cannot restore CRM data in an import transaction.");
        }

        restore.RestoreCrm(backup);
        _restored = backup;
    }

    public void Commit()
    {
        // Both entries are armed before the inner commit and written inside its transaction (after the rows, before COMMIT),
        // so a committed import always has its entries and a rolled back or killed one has none.
        Func<AuditEntry?> restore = () => _restored is not { } crm ? null : audit.Entry(
            "crm.restore",
            null,
            null,
            AuditJson.Facts(("contacts", crm.Crm.Contacts.Length), ("deals", crm.Crm.Deals.Length), ("activities", crm.Crm.Activities.Length), ("targets", crm.Crm.Targets.Length), ("scenarios", crm.Scenarios.Length), ("payments", crm.Payments.Length), ("webhook_events", crm.WebhookEvents.Length)),
            string.Create(CultureInfo.InvariantCulture, $"restored the CRM: {crm.Crm.Contacts.Length} contacts, {crm.Crm.Deals.Length} deals, {crm.Crm.Activities.Length} activities, {crm.Scenarios.Length} scenarios"));
        var mode = replace ? "replace" : "merge";
        Func<AuditEntry?> import = () => audit.Entry(
            "ledger.import",
            null,
            null,
            AuditJson.Facts(("mode", mode), ("customers", _customers), ("lines", _lines), ("fx_rates", _rates), ("cost_months", _costMonths), ("costs", _costs)),
            string.Create(CultureInfo.InvariantCulture, $"{mode}: {_customers} customers, {_lines} lines, {_rates} FX rates, {_costs} costs in {_costMonths} months"));
        audit.Within(() => audit.Within(() => { inner.Commit(); return true; }, done => done, import), done => done, restore);
    }

    public void Dispose() => inner.Dispose();
}
