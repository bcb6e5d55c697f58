using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;

namespace RunRate.Ingest.Demo;

/// <summary>
/// A generated demo ledger. Customers and rates are small and held in memory; lines are generated on
/// demand, customer by customer, so a ledger of a million customers can be written to disk or streamed
/// into storage without ever holding all its lines. Every enumeration of <see cref="Lines"/> yields the
/// same lines in the same order.
/// </summary>
public sealed class DemoLedger
{
    private readonly DemoCalendar _calendar;
    private readonly Lazy<IReadOnlyList<CostEntry>> _costs;

    internal DemoLedger(DemoOptions options, DemoCalendar calendar, IReadOnlyList<Customer> customers, IReadOnlyList<FxRate> fx)
    {
        Options = options;
        _calendar = calendar;
        Customers = customers;
        Fx = fx;
        _costs = new(() => DemoCosts.Generate(options, calendar, fx, Lines));
    }

    /// <summary>The options the ledger was generated from (enough to generate it again).</summary>
    public DemoOptions Options { get; }

    /// <summary>The demo's "today"; a few contracted lines start up to about two months after it.</summary>
    public DateOnly AsOf => _calendar.AsOf;

    /// <summary>Customers in id order, which is also sign-up order.</summary>
    public IReadOnlyList<Customer> Customers { get; }

    /// <summary>
    /// Revenue lines in id order, grouped by customer. Lazy and re-enumerable: each enumeration regenerates
    /// the lines from the seed, so nothing but the current customer's lines is in memory.
    /// </summary>
    public IEnumerable<RevenueLine> Lines => DemoLedgerGenerator.GenerateLines(Options, _calendar);

    /// <summary>Monthly exchange rates for every ordered pair of USD, EUR and GBP, covering every line.</summary>
    public IReadOnlyList<FxRate> Fx { get; }

    /// <summary>
    /// Monthly costs (costs.csv) from the first month of history to the as-of month: cost of goods sold,
    /// sales and marketing by acquisition channel (plus untagged brand spend) and other costs. Computed on
    /// first use from one pass over <see cref="Lines"/>, then kept.
    /// </summary>
    public IReadOnlyList<CostEntry> Costs => _costs.Value;

    /// <summary>
    /// The whole ledger as the engine's snapshot. This materialises every line: fine for demos of
    /// thousands of customers, not for millions (stream <see cref="Lines"/> instead).
    /// </summary>
    public RevenueLedger ToRevenueLedger() => new(Customers, Lines, new FxTable(Fx), Costs);
}
