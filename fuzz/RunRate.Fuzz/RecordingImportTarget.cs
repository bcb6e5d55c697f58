using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;

namespace RunRate.Fuzz;

/// <summary>An import target that keeps no data, only counts what it was given and whether it was committed.</summary>
internal sealed class RecordingImportTarget(Func<string, bool> stored, bool commitRegardless = false) : ILedgerImportTarget, ILedgerImportSession
{
    public bool Committed { get; private set; }

    public int Customers { get; private set; }

    public long Lines { get; private set; }

    public ILedgerImportSession Begin(bool replace) => this;

    public bool IsCustomerStored(string customerId) => stored(customerId);

    public void Upsert(Customer customer) => Customers++;

    public void Upsert(FxRate rate)
    {
    }

    public void Upsert(RevenueLine line) => Lines++;

    public void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs)
    {
    }

    public void Commit() => Committed = true;

    /// <summary>Called after the import; a deliberately broken store (tests only) claims it committed anyway.</summary>
    public void Finish() => Committed |= commitRegardless;

    public void Dispose()
    {
    }
}
