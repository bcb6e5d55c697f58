using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Demo;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>
/// The demo ledger (500 customers, its segments and CRM) forecast 12 months ahead with the backtest:
/// the shape a dashboard user sees first. Timings live in the benchmark (docs/performance.md), not here.
/// </summary>
public sealed class ForecastDemoTests
{
    [Fact]
    public void Demo_ledger_forecast_has_every_backtest_point_an_ordered_band_and_a_weighted_pipeline()
    {
        var demo = DemoLedgerGenerator.Generate(new DemoOptions());
        var ledger = demo.ToRevenueLedger();
        var crm = DemoCrm.Generate(demo);
        var request = new ForecastRequest(CurrencyCode.Usd, YearMonth.Of(demo.AsOf), 12);

        var report = ForecastEngine.Forecast(ledger, crm, request);

        report.Backtest.ShouldNotBeNull().Points.Count.ShouldBe(3 + 6 + 12);
        report.Months.Count.ShouldBe(12);
        report.Months.ShouldAllBe(m => m.Pipeline.Sign >= 0 && m.Low <= m.Total && m.Total <= m.High);
        report.Months.ShouldContain(m => m.Pipeline.Sign > 0);
        report.Rates.Count.ShouldBeGreaterThan(1);
        ForecastEngine.Forecast(ledger, crm, request).Months.ShouldBe(report.Months);
    }
}
