using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Demo;

namespace RunRate.Benchmarks;

/// <summary>
/// The deterministic demo ledger every benchmark runs on (seed 42, as of 2026-10-31, the same ledger as
/// bench/RunRate.Bench and bench/compare), and the 60-month request the dashboard's bridge asks for.
/// </summary>
public static class BenchmarkLedger
{
    /// <summary>The as-of date of the demo ledger.</summary>
    public static readonly DateOnly AsOf = new(2026, 10, 31);

    /// <summary>The reporting currency of every benchmark.</summary>
    public static CurrencyCode Currency => CurrencyCode.Usd;

    /// <summary>The demo ledger of <paramref name="customers"/> customers (lines generated lazily).</summary>
    public static DemoLedger Demo(int customers) => DemoLedgerGenerator.Generate(new DemoOptions(customers, 42, AsOf));

    /// <summary>The loaded snapshot of the demo ledger, as a store's Load would return it (no costs: no benchmark reads them).</summary>
    public static RevenueLedger Snapshot(int customers)
    {
        var demo = Demo(customers);
        return new RevenueLedger(demo.Customers, demo.Lines, new FxTable(demo.Fx));
    }

    /// <summary>The full 60-month bridge up to the as-of month, whole ledger, in <see cref="Currency"/>.</summary>
    public static ReportRequest SixtyMonths()
    {
        var to = YearMonth.Of(AsOf);
        return new ReportRequest(Currency, to.AddMonths(-59), to);
    }
}
