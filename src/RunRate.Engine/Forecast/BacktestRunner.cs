using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// Replays the method from 3, 6 and 12 months before the as-of month, with what was known then:
/// lines that had started by the origin's last day, without end dates after it (the ledger does not
/// record when a cancellation became known), rates from the window ending at the origin, no scenario
/// and no pipeline (deal history is not replayed). Each replayed month is compared with the actual
/// closing MRR.
/// </summary>
/// <remarks>
/// What was known at an origin needs no engine run of its own: up to the origin its bridge is the
/// ledger's (later starts and later ends change nothing before them), and after it nothing is
/// scheduled, so its contracted layer stays at the origin's closing MRR. The segments' bridges of
/// the forecast itself, started early enough, hold everything.
/// </remarks>
internal static class BacktestRunner
{
    /// <summary>How far back the replayed forecasts start.</summary>
    public static readonly int[] OriginsBack = [3, 6, 12];

    /// <summary>The longest horizon measured (and the history the segment bridges need for it).</summary>
    public const int MaxHorizon = 12;

    /// <param name="segments">Each segment's bridge, starting at least WindowMonths before the earliest origin.</param>
    /// <param name="request">The forecast request (as-of, window).</param>
    /// <param name="firstStart">The first day any line in scope starts; null when there is none.</param>
    /// <param name="actual">Actual closing MRR by month, covering the 12 months up to as-of.</param>
    public static Backtest Run(IReadOnlyList<SegmentBridge> segments, ForecastRequest request, DateOnly? firstStart, Func<YearMonth, Exact> actual)
    {
        var points = new List<BacktestPoint>();
        foreach (var back in OriginsBack)
        {
            var origin = request.AsOf.AddMonths(-back);
            if (firstStart is not { } first || origin < YearMonth.Of(first))
            {
                continue;
            }

            var forecast = Replay(segments, request.WindowMonths, origin, back);
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

    /// <summary>Contracted + trend for origin+1 .. origin+horizon as known at the origin, summed over segments.</summary>
    private static Exact[] Replay(IReadOnlyList<SegmentBridge> segments, int windowMonths, YearMonth origin, int horizon)
    {
        var totals = new Exact[horizon];
        Array.Fill(totals, Exact.Zero);
        foreach (var segment in segments)
        {
            var end = origin.MonthsSince(segment.Bridge.Request.From) + 1;
            var window = segment.Bridge.Months.Take(end).Skip(end - windowMonths).ToList();
            var start = window[^1].ClosingMrr;
            var rates = TrendWindow.Measure(segment.Segment, start, window, ScenarioRules.None);
            var path = TrendProjection.Project(start, Enumerable.Repeat(ScheduledMonth.Flat(start), horizon).ToList(), rates.Base);
            for (var t = 0; t < horizon; t++)
            {
                totals[t] += start + path.Trend[t];
            }
        }

        return totals;
    }

    private static Exact Abs(Exact value) => value.Sign < 0 ? -value : value;
}
