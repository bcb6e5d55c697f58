using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>The contract's sample ledgers, forecast from a month in the middle of their data.</summary>
public sealed class ForecastSampleTests
{
    public static TheoryData<string, string> Samples => new()
    {
        { "seed-examples", "2025-06" },
        { "valuation", "2025-06" },
        { "random-small", "2024-06" },
        { "random-medium", "2024-06" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Forecast_contracted_layer_equals_the_engines_closing_mrr_in_every_month(string sample, string asOf)
    {
        var ledger = SampleLedgers.Load(sample);
        var report = ForecastEngine.Forecast(ledger, CrmData.Empty, new ForecastRequest(CurrencyCode.Usd, T.Month(asOf), 18));
        var bridge = RevenueEngine.Compute(ledger, new ReportRequest(CurrencyCode.Usd, T.Month(asOf).AddMonths(-5), T.Month(asOf).AddMonths(18)));

        report.Months.Count.ShouldBe(18);
        foreach (var month in report.Months)
        {
            month.Contracted.ShouldBe(bridge[month.Month].ClosingMrr, month.Month.ToString());
        }

        report.History.Select(h => h.Mrr).ShouldBe(bridge.Months.Take(6).Select(m => m.ClosingMrr));
        report.Arr.ShouldBe(bridge[T.Month(asOf)].Arr);
        report.Rates.Aggregate(Exact.Zero, (sum, r) => sum + r.Mrr).ShouldBe(report.Arr / 12); // the segments partition the ledger
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Forecast_carr_is_the_engines_arr_once_every_scheduled_change_has_happened(string sample, string asOf)
    {
        var ledger = SampleLedgers.Load(sample);
        var cutoff = T.Month(asOf).LastDay;
        var later = ledger.Lines.Where(l => l.Kind.IsRecurring()).SelectMany(l => new[] { l.Start, l.End }).OfType<DateOnly>().Where(d => d > cutoff).ToList();
        var report = ForecastEngine.Forecast(ledger, CrmData.Empty, new ForecastRequest(CurrencyCode.Usd, T.Month(asOf), 1, Backtest: false));

        if (later.Count == 0)
        {
            report.Carr.ShouldBe(report.Arr); // seed-examples: nothing scheduled after June 2025
            return;
        }

        var settled = YearMonth.Of(later.Max().AddDays(1));
        report.Carr.ShouldBe(RevenueEngine.Compute(ledger, new ReportRequest(CurrencyCode.Usd, settled, settled))[settled].Arr);
        report.Carr.ShouldNotBe(report.Arr);
    }

    [Theory]
    [InlineData("random-small", "2024-06")]
    [InlineData("random-medium", "2024-06")]
    public void Forecast_backtest_has_every_origin_and_a_mape_for_each_horizon(string sample, string asOf)
    {
        var ledger = SampleLedgers.Load(sample);
        var report = ForecastEngine.Forecast(ledger, CrmData.Empty, new ForecastRequest(CurrencyCode.Usd, T.Month(asOf), 12));
        var bridge = RevenueEngine.Compute(ledger, new ReportRequest(CurrencyCode.Usd, T.Month(asOf).AddMonths(-12), T.Month(asOf)));

        var backtest = report.Backtest.ShouldNotBeNull();
        backtest.Points.Select(p => p.Origin.ToString()).Distinct().ShouldBe(["2024-03", "2023-12", "2023-06"]);
        backtest.Points.Count.ShouldBe(3 + 6 + 12);
        foreach (var point in backtest.Points)
        {
            point.Month.ShouldBe(point.Origin.AddMonths(point.Horizon));
            point.Actual.ShouldBe(bridge[point.Month].ClosingMrr);
            point.AbsolutePercentError.ShouldNotBeNull();
        }

        backtest.Mape.Select(e => e.Horizon).ShouldBe(Enumerable.Range(1, 12));
        backtest.Mape.Select(e => e.Samples).ShouldBe([3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
        backtest.Mape.ShouldAllBe(e => e.Mape != null && e.Mape.Value.Sign >= 0);
    }

    [Fact]
    public void Forecast_backtest_skips_origins_before_the_ledgers_first_line()
    {
        // seed-examples starts in January 2024: from 2025-06 every origin exists, from 2024-09 only 2024-06 and 2024-03.
        var ledger = SampleLedgers.Load("seed-examples");
        var report = ForecastEngine.Forecast(ledger, CrmData.Empty, new ForecastRequest(CurrencyCode.Usd, T.Month("2024-09"), 3));

        report.Backtest.ShouldNotBeNull().Points.Select(p => p.Origin.ToString()).Distinct().ShouldBe(["2024-06", "2024-03"]);
        report.Backtest.Mape.Select(e => e.Samples).ShouldBe([2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
        report.Backtest.Mape.Skip(6).ShouldAllBe(e => e.Mape == null);
    }
}
