using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;

namespace RunRate.Benchmarks.Import;

/// <summary>Accepts everything and stores nothing: isolates parsing and validation (as in bench/RunRate.Bench).</summary>
internal sealed class NullTarget : ILedgerImportTarget, ILedgerImportSession
{
    public ILedgerImportSession Begin(bool replace) => this;

    public bool IsCustomerStored(string customerId) => false;

    public void Upsert(Customer customer)
    {
    }

    public void Upsert(FxRate rate)
    {
    }

    public void Upsert(RevenueLine line)
    {
    }

    public void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs)
    {
    }

    public void Commit()
    {
    }

    public void Dispose()
    {
    }
}
