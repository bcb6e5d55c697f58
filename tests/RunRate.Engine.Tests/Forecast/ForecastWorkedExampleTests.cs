using RunRate.Engine.Forecast;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>
/// The worked example of docs/forecast.md, every figure computed by hand (W = 3, as of 2025-03,
/// three forecast months).
///
/// smb bridge in the window:  Jan: opening 1,000, new +300 (C)          → 1,300
///                            Feb: opening 1,300, churn −400 (B)        →   900
///                            Mar: opening   900, new +300 (D), expansion +100 (A's add-on) → 1,300
/// Σ opening = 3,200 → newPerMonth = 600 ÷ 3 = 200, expansionRate = 100 ÷ 3,200 = 1/32,
/// churnRate = 400 ÷ 3,200 = 1/8, contraction and reactivation 0. ent: 2,000 flat, all rates 0.
///
/// Contracted (the ledger as recorded): Apr 3,300; May 3,000 (C's known end, −300); Jun 3,000.
///
/// smb trend (ent's is 0):
///  Apr: base 1,300 + 0: new 200, expansion 1,300 ÷ 32 = 40.625, decrease 1,300 ÷ 8 = 162.5
///       → 78.125 → 78.13
///  May: base 1,300 + 78.13 = 1,378.13: new 200, expansion 43.0665625; expected decrease
///       172.26625 is below the scheduled 300 (C) → adds 0 → 78.13 + 243.0665625 = 321.1965625 → 321.20
///  Jun: base 1,000 + 321.20 = 1,321.20: new 200, expansion 41.2875, decrease 165.15
///       → 321.20 + 76.1375 = 397.3375 → 397.34
/// Pipeline: E's proposal 12,000 ÷ 12 × 0.5 = 500 from May (the lost deal is ignored).
/// Band, smb single months: new 300 / 0 / 300, expansion 0 / 0 / 1/9, churn 0 / 4/13 / 0.
///  Low  (new 0, expansion 0, churn 4/13): Apr −400; May base 900, 276.92 expected is below 300 scheduled → −400;
///       Jun base 600 → −400 − 184.615… = −584.62
///  High (new 300, expansion 1/9, churn 0): Apr 300 + 144.44… = 444.44; May 444.44 + 300 + 193.826… = 938.27;
///       Jun 938.27 + 300 + 215.363… = 1,453.63
/// ARR at March 12 × 3,300 = 39,600; CARR = 12 × 3,000 (after C's end on 1 May) = 36,000.
/// </summary>
public sealed class ForecastWorkedExampleTests
{
    private readonly ForecastReport _report = ForecastFixtures.Worked();

    [Fact]
    public void Worked_example_layers_match_the_hand_computation()
    {
        var m = _report.Months;
        m.Select(x => x.Month.ToString()).ShouldBe(["2025-04", "2025-05", "2025-06"]);
        m.Select(x => x.Contracted).ShouldBe([T.X(3300m), T.X(3000m), T.X(3000m)]);
        m.Select(x => x.Trend).ShouldBe([T.X(78.13m), T.X(321.20m), T.X(397.34m)]);
        m.Select(x => x.Pipeline).ShouldBe([T.X(0m), T.X(500m), T.X(500m)]);
        m.Select(x => x.Total).ShouldBe([T.X(3378.13m), T.X(3821.20m), T.X(3897.34m)]);
        m.Select(x => x.Arr).ShouldBe([T.X(40537.56m), T.X(45854.40m), T.X(46768.08m)]);
    }

    [Fact]
    public void Worked_example_band_matches_the_hand_computation()
    {
        _report.Months.Select(x => x.Low).ShouldBe([T.X(2900m), T.X(3100m), T.X(2915.38m)]);
        _report.Months.Select(x => x.High).ShouldBe([T.X(3744.44m), T.X(4438.27m), T.X(4953.63m)]);
    }

    [Fact]
    public void Worked_example_trend_movements_are_exact()
    {
        var m = _report.Months;
        m[0].Movements.ShouldBe(new TrendMovements(T.X(200m), T.X(0m), T.X(40.625m), T.X(-162.5m)));
        m[1].Movements.ShouldBe(new TrendMovements(T.X(200m), T.X(0m), T.X(43.0665625m), T.X(0m)));
        m[2].Movements.ShouldBe(new TrendMovements(T.X(200m), T.X(0m), T.X(41.2875m), T.X(-165.15m)));
    }

    [Fact]
    public void Worked_example_rates_are_the_pooled_window_rates_per_segment()
    {
        _report.Rates.Select(r => r.Segment).ShouldBe(["ent", "smb"]);
        var ent = _report.Rates[0];
        ent.Mrr.ShouldBe(T.X(2000m));
        ent.Base.ShouldBe(TrendRates.Zero);
        var smb = _report.Rates[1];
        smb.Mrr.ShouldBe(T.X(1300m));
        smb.Base.ShouldBe(new TrendRates(T.X(200m), T.X(0m), T.X(1, 32), T.X(0m), T.X(1, 8)));
        smb.Low.ShouldBe(new TrendRates(T.X(0m), T.X(0m), T.X(0m), T.X(0m), T.X(4, 13)));
        smb.High.ShouldBe(new TrendRates(T.X(300m), T.X(0m), T.X(1, 9), T.X(0m), T.X(0m)));
    }

    [Fact]
    public void Worked_example_history_arr_and_carr()
    {
        _report.History.Select(h => (h.Month.ToString(), h.Mrr)).ShouldBe([("2025-01", T.X(3300m)), ("2025-02", T.X(2900m)), ("2025-03", T.X(3300m))]);
        _report.Arr.ShouldBe(T.X(39600m));
        _report.Carr.ShouldBe(T.X(36000m));
        _report.SkippedDeals.ShouldBeEmpty();
        _report.Backtest.ShouldBeNull();
    }
}
