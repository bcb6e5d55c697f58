using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Demo;

namespace RunRate.Ingest.Tests.Demo;

/// <summary>The default demo ledger, generated once for all tests that only read it.</summary>
public sealed class DemoLedgerFixture
{
    public DemoLedgerFixture()
    {
        Demo = DemoLedgerGenerator.Generate(new DemoOptions());
        Lines = [.. Demo.Lines];
        Ledger = new RevenueLedger(Demo.Customers, Lines, new FxTable(Demo.Fx));
    }

    public DemoLedger Demo { get; }

    public IReadOnlyList<RevenueLine> Lines { get; }

    public RevenueLedger Ledger { get; }

    public DateOnly AsOf => Demo.AsOf;

    /// <summary>The bridge over the 36 months ending with the as-of month.</summary>
    public BridgeReport LastThreeYears(CurrencyCode currency)
    {
        var to = YearMonth.Of(AsOf);
        return RevenueEngine.Compute(Ledger, new ReportRequest(currency, to.AddMonths(-35), to));
    }
}
