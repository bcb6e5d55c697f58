using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>The backtest on a ledger whose errors can be counted on one hand.</summary>
public sealed class ForecastBacktestTests
{
    /// <summary>
    /// A and B pay 100 a month from January 2024; B's contract ends on 1 May 2025. As of 2025-06 the
    /// origins are 2025-03, 2024-12 and 2024-06. None of them knew B's end (it lies after them), and
    /// the windows saw no movement, so every replayed forecast is a flat 200 while the actual MRR
    /// drops to 100 in May and June 2025: APE 1 there, 0 elsewhere.
    /// </summary>
    private static ForecastReport Run(YearMonth asOf) => ForecastEngine.Forecast(
        new LedgerBuilder().Subscription("A", "2024-01-01", null, 100m).Subscription("B", "2024-01-01", "2025-05-01", 100m).Build(),
        CrmData.Empty,
        new ForecastRequest(CurrencyCode.Usd, asOf, 1, WindowMonths: 3));

    [Fact]
    public void Backtest_replays_each_origin_with_what_was_known_then()
    {
        var backtest = Run(T.Month("2025-06")).Backtest.ShouldNotBeNull();

        backtest.Points.Select(p => (p.Origin.ToString(), p.Horizon)).ShouldBe(
            [.. Enumerable.Range(1, 3).Select(h => ("2025-03", h)), .. Enumerable.Range(1, 6).Select(h => ("2024-12", h)), .. Enumerable.Range(1, 12).Select(h => ("2024-06", h))]);
        backtest.Points.ShouldAllBe(p => p.Forecast == T.X(200m));
        backtest.Points.ShouldAllBe(p => p.Actual == (p.Month >= T.Month("2025-05") ? T.X(100m) : T.X(200m)));
        backtest.Points.ShouldAllBe(p => p.AbsolutePercentError == (p.Month >= T.Month("2025-05") ? Exact.One : Exact.Zero));
    }

    [Fact]
    public void Backtest_mape_is_the_mean_error_per_horizon_over_the_origins_that_reach_it()
    {
        // h2: May from 2025-03 (1), Feb from 2024-12 (0), Aug 2024 from 2024-06 (0) → 1/3; h3 the same with June.
        // h5, h6: May and June from 2024-12 (1) with Nov and Dec 2024 from 2024-06 (0) → 1/2.
        // h11, h12: May and June from 2024-06 only → 1.
        var mape = Run(T.Month("2025-06")).Backtest.ShouldNotBeNull().Mape;

        mape.Select(e => e.Samples).ShouldBe([3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
        mape.Select(e => e.Mape).ShouldBe(
            [Exact.Zero, T.X(1, 3), T.X(1, 3), Exact.Zero, T.X(1, 2), T.X(1, 2), Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero, Exact.One, Exact.One]);
    }

    [Fact]
    public void Backtest_leaves_out_origins_before_the_first_line_and_has_no_error_where_the_actual_is_zero()
    {
        // As of 2024-06 only the 2024-03 origin (after the January start) exists; as of 2024-03 the
        // 2023-12 origin is before any line. An actual of 0 gives no error (null), not an error of 0.
        Run(T.Month("2024-06")).Backtest.ShouldNotBeNull().Points.Select(p => p.Origin.ToString()).Distinct().ShouldBe(["2024-03"]);
        Run(T.Month("2024-03")).Backtest.ShouldNotBeNull().Points.ShouldBeEmpty();

        var churned = ForecastEngine.Forecast(
            new LedgerBuilder().Subscription("A", "2024-01-01", "2024-05-01", 100m).Build(),
            CrmData.Empty,
            new ForecastRequest(CurrencyCode.Usd, T.Month("2024-06"), 1, WindowMonths: 2)).Backtest.ShouldNotBeNull();
        churned.Points.Select(p => p.AbsolutePercentError).ShouldBe([Exact.Zero, null, null]);
        churned.Mape.Take(3).Select(e => (e.Mape, e.Samples)).ShouldBe([(Exact.Zero, 1), (null, 0), (null, 0)]);
    }

    [Theory]
    [InlineData("random-small", "2024-06", 6)]
    [InlineData("random-medium", "2024-06", 6)]
    [InlineData("random-medium", "2025-03", 4)]
    public void Backtest_points_are_the_forecast_made_at_the_origin_from_the_ledger_as_known_then(string sample, string asOf, int window)
    {
        var ledger = SampleLedgers.Load(sample);
        var request = new ForecastRequest(CurrencyCode.Usd, T.Month(asOf), 1, window, Rules: new ScenarioRules { ChurnPoints = 2m, PricePercent = 10m });
        var backtest = ForecastEngine.Forecast(ledger, ForecastFixtures.WithDeals(ForecastFixtures.OpenDeal("D", "C00001", "proposal", 1_000_000m, "2024-01-01")), request).Backtest.ShouldNotBeNull();

        foreach (var origin in backtest.Points.GroupBy(p => p.Origin))
        {
            // The literal definition: the lines started by the origin, without later end dates, forecast from there.
            var cutoff = origin.Key.LastDay;
            var known = new RevenueLedger(ledger.Customers, ledger.Lines.Where(l => l.Start <= cutoff).Select(l => l.End > cutoff ? l with { End = null } : l), ledger.Fx);
            var replay = ForecastEngine.Forecast(known, CrmData.Empty, new ForecastRequest(CurrencyCode.Usd, origin.Key, origin.Count(), window, Backtest: false));

            origin.Select(p => p.Forecast).ShouldBe(replay.Months.Select(m => m.Contracted + m.Trend), origin.Key.ToString());
        }
    }

    [Fact]
    public void Backtest_is_left_out_when_not_requested()
    {
        var report = ForecastEngine.Forecast(ForecastFixtures.WorkedLedger(), CrmData.Empty, ForecastFixtures.WorkedRequest() with { Backtest = false });

        report.Backtest.ShouldBeNull();
    }
}
