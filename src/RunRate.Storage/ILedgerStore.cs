using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;

namespace RunRate.Storage;

/// <summary>
/// The product's store of record. Reports read an immutable snapshot (<see cref="Load"/>); writes go
/// through transactions (<see cref="ILedgerImportTarget.Begin"/>), never partially.
/// </summary>
public interface ILedgerStore : ILedgerImportTarget, IDisposable
{
    /// <summary>The CRM records kept next to the ledger.</summary>
    Crm.ICrmStore Crm { get; }

    /// <summary>The saved forecast scenarios (what-if rules), kept next to the ledger.</summary>
    Forecast.IScenarioStore Scenarios { get; }

    /// <summary>The workspace's append-only audit log.</summary>
    Audit.IAuditLog Audit { get; }

    /// <summary>Where the store lives, for messages.</summary>
    string Location { get; }

    /// <summary>A consistent snapshot of the whole ledger.</summary>
    RevenueLedger Load();

    /// <summary>Past imports, newest first.</summary>
    IReadOnlyList<ImportRecord> Imports();

    /// <summary>
    /// The ledger's revision: a number that grows with every committed write (import or single-row
    /// write, from any process) and never changes otherwise. Cheap enough to poll.
    /// </summary>
    long Revision();

    /// <summary>A snapshot of the whole ledger with the revision it was read at (one read transaction).</summary>
    LedgerSnapshot LoadSnapshot();

    /// <summary>
    /// Reads the whole ledger in one read transaction without building a snapshot: every exchange rate goes to
    /// <paramref name="onFx"/>, then every customer to <paramref name="onCustomer"/>, then every line to
    /// <paramref name="onLine"/> (any order within a kind), one row at a time, so memory stays O(1) per row and a
    /// caller such as the columnar engine model builds its own representation. Returns the revision read in that
    /// transaction. The callbacks must not use this store (the read transaction is open while they run).
    /// </summary>
    long StreamLedger(Action<FxRate> onFx, Action<Customer> onCustomer, Action<RevenueLine> onLine);

    /// <summary>One stored customer, or null.</summary>
    Customer? FindCustomer(CustomerId id);

    /// <summary>One stored line, or null.</summary>
    RevenueLine? FindLine(LineId id);

    /// <summary>
    /// Stores one customer in its own transaction: <see cref="WriteMode.Create"/> only when the id is
    /// new (else <see cref="WriteOutcome.AlreadyExists"/>), <see cref="WriteMode.Replace"/> only when it is
    /// stored (else <see cref="WriteOutcome.NotFound"/>). The caller validates first (<c>CustomerRules</c>).
    /// With <paramref name="expected"/>, the stored row must have that <see cref="RowVersion"/> (checked in the same
    /// transaction), else <see cref="WriteOutcome.PreconditionFailed"/>; without it the last writer wins.
    /// </summary>
    WriteOutcome SaveCustomer(Customer customer, WriteMode mode, ExpectedVersion? expected = null);

    /// <summary>
    /// Deletes a customer; <see cref="WriteOutcome.HasLines"/> (nothing deleted) while any line refers to it,
    /// <see cref="WriteOutcome.InUse"/> while contacts, deals or activities do; with <paramref name="expected"/>,
    /// <see cref="WriteOutcome.PreconditionFailed"/> when the stored customer has another version.
    /// </summary>
    WriteOutcome DeleteCustomer(CustomerId id, ExpectedVersion? expected = null);

    /// <summary>
    /// Stores one line in its own transaction, with the modes and the <paramref name="expected"/> version of
    /// <see cref="SaveCustomer"/>; <see cref="WriteOutcome.UnknownCustomer"/> when its customer is not stored. The caller
    /// validates first (<c>LineRules</c>).
    /// </summary>
    WriteOutcome SaveLine(RevenueLine line, WriteMode mode, ExpectedVersion? expected = null);

    /// <summary>Deletes a line; with <paramref name="expected"/>, only when the stored line has that version.</summary>
    WriteOutcome DeleteLine(LineId id, ExpectedVersion? expected = null);

    /// <summary>
    /// Ends a recurring line on <paramref name="end"/> (its first day without service);
    /// <see cref="WriteOutcome.Invalid"/> (nothing written) for a one-time line or an end not after its start;
    /// with <paramref name="expected"/>, only when the stored line has that version.
    /// </summary>
    WriteOutcome EndLine(LineId id, DateOnly end, ExpectedVersion? expected = null);
}

/// <summary>A ledger snapshot and the revision it was read at.</summary>
public sealed record LedgerSnapshot(RevenueLedger Ledger, long Revision);

/// <summary>Whether a single-row write may create or must replace.</summary>
public enum WriteMode
{
    /// <summary>Only when the id is not stored yet.</summary>
    Create,

    /// <summary>Only when the id is stored.</summary>
    Replace,
}

/// <summary>What a single-row write did; anything but <see cref="Done"/> wrote nothing.</summary>
public enum WriteOutcome
{
    /// <summary>Written and committed (the revision grew).</summary>
    Done,

    /// <summary>No row with that id.</summary>
    NotFound,

    /// <summary>A create found the id already stored.</summary>
    AlreadyExists,

    /// <summary>A customer cannot be deleted while lines refer to it.</summary>
    HasLines,

    /// <summary>A line refers to a customer that is not stored.</summary>
    UnknownCustomer,

    /// <summary>The change breaks a ledger rule (for example an end before the start).</summary>
    Invalid,

    /// <summary>Other records refer to the row (a customer with contacts or deals, a stage holding deals).</summary>
    InUse,

    /// <summary>A unique value (such as a contact's e-mail) belongs to another row.</summary>
    Conflict,

    /// <summary>The stored row is not the version the write expected (<see cref="ExpectedVersion"/>): it changed meanwhile.</summary>
    PreconditionFailed,
}

/// <summary>One row of the import history.</summary>
public sealed record ImportRecord(long Id, DateTimeOffset At, string Mode, int Customers, long Lines, int FxRates);
