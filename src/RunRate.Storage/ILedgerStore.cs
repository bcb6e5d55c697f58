using RunRate.Engine.Ledger;
using RunRate.Ingest;

namespace RunRate.Storage;

/// <summary>
/// The product's store of record. Reports read an immutable snapshot (<see cref="Load"/>); writes go
/// through transactions (<see cref="ILedgerImportTarget.Begin"/>), never partially.
/// </summary>
public interface ILedgerStore : ILedgerImportTarget, IDisposable
{
    /// <summary>Where the store lives, for messages.</summary>
    string Location { get; }

    /// <summary>A consistent snapshot of the whole ledger.</summary>
    RevenueLedger Load();

    /// <summary>Past imports, newest first.</summary>
    IReadOnlyList<ImportRecord> Imports();
}

/// <summary>One row of the import history.</summary>
public sealed record ImportRecord(long Id, DateTimeOffset At, string Mode, int Customers, long Lines, int FxRates);
