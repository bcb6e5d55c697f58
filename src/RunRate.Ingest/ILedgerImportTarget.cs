using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest;

/// <summary>
/// Where an import writes: implemented by storage. Ingest validates and orchestrates; storage only
/// has to offer one transaction, so the all-or-nothing rule lives in a single place.
/// </summary>
public interface ILedgerImportTarget
{
    /// <summary>Starts a transaction; with <paramref name="replace"/> the stored ledger (costs included) is emptied inside it first.</summary>
    ILedgerImportSession Begin(bool replace);
}

/// <summary>One import transaction. Disposing without <see cref="Commit"/> rolls everything back.</summary>
public interface ILedgerImportSession : IDisposable
{
    /// <summary>True when the customer is already in the store (lines may refer to stored customers).</summary>
    bool IsCustomerStored(string customerId);

    /// <summary>Inserts or replaces a customer by id.</summary>
    void Upsert(Customer customer);

    /// <summary>Inserts or replaces a rate by (date, from, to).</summary>
    void Upsert(FxRate rate);

    /// <summary>Inserts or replaces a line by id.</summary>
    void Upsert(RevenueLine line);

    /// <summary>
    /// Replaces every stored cost of <paramref name="month"/> with <paramref name="costs"/>: a month present
    /// in costs.csv is the whole truth about that month, so importing the same file twice changes nothing.
    /// </summary>
    void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs);

    /// <summary>Makes the whole import durable at once.</summary>
    void Commit();
}
