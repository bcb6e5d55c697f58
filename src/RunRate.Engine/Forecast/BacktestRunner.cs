using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// Replays the method from 3, 6 and 12 months before the as-of month, with what was known then:
/// lines that had started by the origin's last day, without end dates after it (the ledger does not
/// record when a cancellation became known), rates from the window ending at the origin, no scenario
/// and no pipeline (deal history is not replayed). Each replayed month is compared with the actual
/// closing MRR.
/// </summary>
internal static class BacktestRunner
{
    /// <summary>How far back the replayed forecasts start.</summary>
    public static readonly int[] OriginsBack = [3, 6, 12];

    /// <summary>The longest horizon measured.</summary>
    public const int MaxHorizon = 12;

    /// <param name="plan">The segments in scope.</param>
    /// <param name="request">The forecast request (currency, as-of, window).</param>
    /// <param name="actual">Actual closing MRR by month, covering the 12 months up to as-of.</param>
    public static Backtest Run(SegmentPlan plan, ForecastRequest request, Func<YearMonth, Exact> actual)
    {
        var firstStart = plan.Lines.Select(l => (DateOnly?)l.Start).Min();
        var points = new List<BacktestPoint>();
        foreach (var back in OriginsBack)
        {
            var origin = request.AsOf.AddMonths(-back);
            if (firstStart is not { } first || origin < YearMonth.Of(first))
            {
                continue;
            }

            var forecast = Replay(plan, request, origin);
            for (var h = 1; h <= back; h++)
            {
                var month = origin.AddMonths(h);
                var a = actual(month);
                var f = forecast[h - 1];
                points.Add(new BacktestPoint(origin, h, month, f, a, Exact.Ratio(Abs(f - a), a)));
            }
        }

        var mape = new List<HorizonError>(MaxHorizon);
        for (var h = 1; h <= MaxHorizon; h++)
        {
            var errors = points.Where(p => p.Horizon == h && p.AbsolutePercentError is not null).Select(p => p.AbsolutePercentError!.Value).ToList();
            var sum = errors.Aggregate(Exact.Zero, (s, e) => s + e);
            mape.Add(new HorizonError(h, errors.Count == 0 ? null : sum / errors.Count, errors.Count));
        }

        return new Backtest(points, mape);
    }

    /// <summary>Contracted + trend for origin+1 .. as-of, summed over segments.</summary>
    private static Exact[] Replay(SegmentPlan plan, ForecastRequest request, YearMonth origin)
    {
        var cutoff = origin.LastDay;
        RevenueLine? Known(RevenueLine line) =>
            line.Start > cutoff ? null
            : line.End is { } end && end > cutoff ? line with { End = null }
            : line;

        var horizon = request.AsOf.MonthsSince(origin);
        var windowStart = origin.AddMonths(1 - request.WindowMonths);
        var totals = new Exact[horizon];
        Array.Fill(totals, Exact.Zero);
        foreach (var segment in plan.Bridges(request.Currency, windowStart, request.AsOf, Known))
        {
            var months = segment.Bridge.Months;
            var window = months.Take(request.WindowMonths).ToList();
            var ahead = months.Skip(request.WindowMonths).ToList();
            var rates = TrendWindow.Measure(segment.Segment, window[^1].ClosingMrr, window, ScenarioRules.None);
            var path = TrendProjection.Project(window[^1].ClosingMrr, ahead, rates.Base);
            for (var t = 0; t < horizon; t++)
            {
                totals[t] += ahead[t].ClosingMrr + path.Trend[t];
            }
        }

        return totals;
    }

    private static Exact Abs(Exact value) => value.Sign < 0 ? -value : value;
}
