using System.Diagnostics;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Demo;
using Shouldly;
using Xunit.Abstractions;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>The demo ledger (500 customers, four segments, its CRM) forecast 12 months ahead with the backtest.</summary>
public sealed class ForecastTimingTests(ITestOutputHelper output)
{
    [Fact]
    public void Demo_ledger_forecast_with_backtest_takes_well_under_a_second()
    {
        var demo = DemoLedgerGenerator.Generate(new DemoOptions());
        var ledger = demo.ToRevenueLedger();
        var crm = DemoCrm.Generate(demo);
        var request = new ForecastRequest(CurrencyCode.Usd, YearMonth.Of(demo.AsOf), 12);

        var first = ForecastEngine.Forecast(ledger, crm, request); // warm-up (JIT)
        var timer = Stopwatch.StartNew();
        const int Runs = 5;
        for (var i = 0; i < Runs; i++)
        {
            ForecastEngine.Forecast(ledger, crm, request);
        }

        var perRun = timer.Elapsed / Runs;
        output.WriteLine($"{ledger.Customers.Count} customers, {ledger.Lines.Count} lines, {first.Rates.Count} segments, {crm.Deals.Length} deals: {perRun.TotalMilliseconds:0} ms per forecast");
        first.Backtest.ShouldNotBeNull().Points.Count.ShouldBe(21);
        first.Months.ShouldAllBe(m => m.Pipeline.Sign >= 0 && m.Low <= m.Total && m.Total <= m.High);
        perRun.ShouldBeLessThan(TimeSpan.FromSeconds(1)); // typically a small fraction of it; the bound leaves room for a busy machine
    }
}
