using RunRate.Engine.Ledger;
using RunRate.Ingest.Backup;

namespace RunRate.Storage.Backup;

/// <summary>Everything an export of a store holds: the ledger and the rest (<see cref="CrmBackup"/>).</summary>
public sealed record StoreContents(RevenueLedger Ledger, CrmBackup Crm, long Revision);

/// <summary>
/// Reads a whole store for an export. The parts come through the store's usual reads, which are separate read
/// transactions; every write moves the store's revision, so the read is repeated until the revision was the same
/// before and after: the parts then belong to one and the same state of the store.
/// </summary>
public static class StoreBackup
{
    private const int MaxAttempts = 20;

    /// <summary>A consistent copy of everything <c>runrate export</c> writes.</summary>
    /// <exception cref="StoreException">The store kept changing during <see cref="MaxAttempts"/> reads.</exception>
    public static StoreContents Read(ILedgerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var before = store.Revision();
            var snapshot = store.LoadSnapshot();
            var crm = store.Crm.Load();
            var links = crm.Deals.SelectMany(d => store.Crm.DealLines(d.Id).Select(line => new DealLineLink(d.Id, line))).ToList();
            var payments = store.Crm.PaymentRecords();
            var events = store.Crm.BillingEvents(int.MaxValue)
                .OrderBy(e => e.ReceivedAt).ThenBy(e => e.EventId, StringComparer.Ordinal)
                .Select(e => new ProcessedWebhookEvent(e.EventId, e.Type, e.ReceivedAt, e.Summary))
                .ToList();
            var scenarios = store.Scenarios.List();
            if (snapshot.Revision == before && store.Revision() == before)
            {
                return new StoreContents(snapshot.Ledger, new CrmBackup(crm with { Payments = [] }, [.. links], [.. payments], [.. events], [.. scenarios]), before);
            }
        }

        throw new StoreException($"The store {store.Location} kept changing while it was being exported; try again when it is quieter.");
    }
}
