using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// The segments' bridges summed into the forecast's contracted and trend layers: each segment's
/// rates from its own window, its trend (central, low and high) on top of its own contracted layer,
/// then the totals. The whole scope's closing MRR is the sum of its segments' (MRR adds up customer
/// by customer), so the contracted layer is exactly the engine's closing MRR without another run.
/// </summary>
internal sealed class TrendLayers
{
    private readonly Exact[] _closing;
    private readonly YearMonth _from;

    /// <param name="segments">Each segment's bridge from <paramref name="from"/> to the horizon's end.</param>
    /// <param name="from">First month of the bridges: <paramref name="skip"/> months before the window.</param>
    /// <param name="skip">Months before the forecast's window (kept for the backtest).</param>
    /// <param name="request">The forecast request.</param>
    public TrendLayers(IReadOnlyList<SegmentBridge> segments, YearMonth from, int skip, ForecastRequest request)
    {
        _from = from;
        _closing = Zeros(request.LastMonth.MonthsSince(from) + 1);
        Trend = Zeros(request.Months);
        Low = Zeros(request.Months);
        High = Zeros(request.Months);
        Movements = [.. Enumerable.Repeat(TrendMovements.None, request.Months)];
        var rates = new List<SegmentRates>(segments.Count);
        var w = request.WindowMonths;
        foreach (var segment in segments)
        {
            var bridge = segment.Bridge.Months;
            for (var i = 0; i < _closing.Length; i++)
            {
                _closing[i] += bridge[i].ClosingMrr;
            }

            var window = bridge.Skip(skip).Take(w).ToList();
            var ahead = bridge.Skip(skip + w).Select(ScheduledMonth.Of).ToList();
            var start = window[^1].ClosingMrr;
            var segmentRates = TrendWindow.Measure(segment.Segment, start, window, request.EffectiveRules);
            rates.Add(segmentRates);
            var central = TrendProjection.Project(start, ahead, segmentRates.Base);
            var low = TrendProjection.Project(start, ahead, segmentRates.Low);
            var high = TrendProjection.Project(start, ahead, segmentRates.High);
            for (var t = 0; t < request.Months; t++)
            {
                Trend[t] += central.Trend[t];
                Low[t] += low.Trend[t];
                High[t] += high.Trend[t];
                Movements[t] = Movements[t].Plus(central.Movements[t]);
            }
        }

        Rates = rates;
    }

    /// <summary>The trend layer per forecast month.</summary>
    public Exact[] Trend { get; }

    /// <summary>The trend at the least favourable rates.</summary>
    public Exact[] Low { get; }

    /// <summary>The trend at the most favourable rates.</summary>
    public Exact[] High { get; }

    /// <summary>The trend's movements per forecast month.</summary>
    public TrendMovements[] Movements { get; }

    /// <summary>The rates used, per segment.</summary>
    public IReadOnlyList<SegmentRates> Rates { get; }

    /// <summary>The scope's closing MRR in a month of the bridges' range.</summary>
    public Exact Closing(YearMonth month) => _closing[month.MonthsSince(_from)];

    public static Exact[] Zeros(int count)
    {
        var values = new Exact[count];
        Array.Fill(values, Exact.Zero);
        return values;
    }
}
