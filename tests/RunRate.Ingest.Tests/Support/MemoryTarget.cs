using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Backup;

namespace RunRate.Ingest.Tests.Support;

/// <summary>An in-memory import target that records what was committed, to test ingest without a database.</summary>
internal sealed class MemoryTarget : ILedgerImportTarget
{
    public Dictionary<string, Customer> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RevenueLine> Lines { get; } = new(StringComparer.Ordinal);

    public List<FxRate> Rates { get; } = [];

    public List<CostEntry> Costs { get; } = [];

    public int Commits { get; private set; }

    /// <summary>The CRM a committed restore wrote (<see cref="ICrmRestoreSession"/>), or null.</summary>
    public CrmBackup? Crm { get; private set; }

    public ILedgerImportSession Begin(bool replace) => new Session(this, replace);

    private sealed class Session(MemoryTarget target, bool replace) : ILedgerImportSession, ICrmRestoreSession
    {
        private CrmBackup? _crm;

        private readonly List<Customer> _customers = [];
        private readonly List<RevenueLine> _lines = [];
        private readonly List<FxRate> _rates = [];
        private readonly Dictionary<YearMonth, IReadOnlyList<CostEntry>> _costMonths = [];

        public bool IsCustomerStored(string customerId) => target.Customers.ContainsKey(customerId);

        public void Upsert(Customer customer) => _customers.Add(customer);

        public void Upsert(FxRate rate) => _rates.Add(rate);

        public void Upsert(RevenueLine line) => _lines.Add(line);

        public void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs) => _costMonths[month] = costs;

        public void RestoreCrm(CrmBackup backup) => _crm = backup;

        public void Commit()
        {
            if (replace)
            {
                target.Customers.Clear();
                target.Lines.Clear();
                target.Rates.Clear();
                target.Costs.Clear();
            }

            foreach (var (month, costs) in _costMonths)
            {
                target.Costs.RemoveAll(c => c.Month == month);
                target.Costs.AddRange(costs);
            }

            _customers.ForEach(c => target.Customers[c.Id.Value] = c);
            _lines.ForEach(l => target.Lines[l.Id.Value] = l);
            target.Rates.AddRange(_rates);
            target.Crm = _crm ?? target.Crm;
            target.Commits++;
        }

        public void Dispose()
        {
        }
    }
}
