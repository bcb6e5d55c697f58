using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// A forecast in layers, so every figure can be explained: what is already contracted, what the
/// trailing trend adds on top of it, and what the open pipeline may add; with a band, the rates
/// behind the trend and the method's own track record (backtest).
/// </summary>
/// <param name="Request">What was asked.</param>
/// <param name="History">The WindowMonths actual months up to AsOf (closing MRR), for charts.</param>
/// <param name="Months">One entry per forecast month, AsOf+1 .. AsOf+Months.</param>
/// <param name="Arr">ARR at the closing of AsOf.</param>
/// <param name="Carr">Contracted ARR: 12 × MRR once every change already signed (starts and known ends) has happened.</param>
/// <param name="Rates">The trailing rates the trend used, per segment, after the scenario rules.</param>
/// <param name="SkippedDeals">Open deals left out of the pipeline layer, each with its reason.</param>
/// <param name="Backtest">The method replayed from earlier months, when requested.</param>
public sealed record ForecastReport(
    ForecastRequest Request,
    IReadOnlyList<ActualMonth> History,
    IReadOnlyList<ForecastMonth> Months,
    Exact Arr,
    Exact Carr,
    IReadOnlyList<SegmentRates> Rates,
    IReadOnlyList<SkippedDeal> SkippedDeals,
    Backtest? Backtest);

/// <summary>An actual month before the forecast.</summary>
/// <param name="Month">The month.</param>
/// <param name="Mrr">Closing MRR.</param>
public sealed record ActualMonth(YearMonth Month, Exact Mrr)
{
    /// <summary>12 × MRR.</summary>
    public Exact Arr => Mrr * 12;
}

/// <summary>One forecast month, in MRR.</summary>
/// <param name="Month">The month.</param>
/// <param name="Contracted">Closing MRR of the ledger as recorded (future starts and known ends included): exact.</param>
/// <param name="Trend">What the trailing rates add on top of the contracted layer (may be negative), rounded to the cent.</param>
/// <param name="Pipeline">Probability-weighted MRR of open deals expected to have closed by then.</param>
/// <param name="Low">Contracted + trend at the least favourable single month's rates + pipeline.</param>
/// <param name="High">Contracted + trend at the most favourable single month's rates + pipeline.</param>
/// <param name="Movements">The trend layer's own movements in the month.</param>
public sealed record ForecastMonth(YearMonth Month, Exact Contracted, Exact Trend, Exact Pipeline, Exact Low, Exact High, TrendMovements Movements)
{
    /// <summary>The forecast MRR: contracted + trend + pipeline.</summary>
    public Exact Total => Contracted + Trend + Pipeline;

    /// <summary>12 × <see cref="Total"/>.</summary>
    public Exact Arr => Total * 12;
}

/// <summary>
/// The trend layer's movements in one month: what the trailing rates expect beyond what the
/// contracted layer already schedules. Signed like the bridge: <see cref="Decrease"/> (churn and
/// contraction together) is ≤ 0, the others ≥ 0.
/// </summary>
/// <param name="New">New-customer MRR added.</param>
/// <param name="Reactivation">Win-back MRR added.</param>
/// <param name="Expansion">Expansion MRR added.</param>
/// <param name="Decrease">Churn and contraction removed (≤ 0).</param>
public sealed record TrendMovements(Exact New, Exact Reactivation, Exact Expansion, Exact Decrease)
{
    /// <summary>No movement.</summary>
    public static TrendMovements None { get; } = new(Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero);

    /// <summary>The sum of two months' or segments' movements.</summary>
    public TrendMovements Plus(TrendMovements other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(New + other.New, Reactivation + other.Reactivation, Expansion + other.Expansion, Decrease + other.Decrease);
    }

    /// <summary>Every movement × <paramref name="factor"/>.</summary>
    public TrendMovements Times(Exact factor) => new(New * factor, Reactivation * factor, Expansion * factor, Decrease * factor);
}

/// <summary>
/// One set of monthly trend rates. Amounts are MRR per month; rates are fractions of the month's
/// opening MRR (0.02 = 2 % a month); churn and contraction are positive fractions.
/// </summary>
/// <param name="NewPerMonth">Expected new-customer MRR per month.</param>
/// <param name="ReactivationPerMonth">Expected win-back MRR per month.</param>
/// <param name="ExpansionRate">Expansion ÷ opening MRR.</param>
/// <param name="ContractionRate">−Contraction ÷ opening MRR.</param>
/// <param name="ChurnRate">−Churn ÷ opening MRR.</param>
public sealed record TrendRates(Exact NewPerMonth, Exact ReactivationPerMonth, Exact ExpansionRate, Exact ContractionRate, Exact ChurnRate)
{
    /// <summary>All zero (a segment with no history).</summary>
    public static TrendRates Zero { get; } = new(Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero);

    /// <summary>Churn + contraction, capped at 1: a month never loses more than its whole base.</summary>
    public Exact DecreaseRate => Exact.Min(ChurnRate + ContractionRate, Exact.One);
}

/// <summary>The trailing rates one segment's trend used (after the scenario rules), and its band's rates.</summary>
/// <param name="Segment">The segment value ("" for customers without one).</param>
/// <param name="NewPerMonth">Σ new ÷ window months.</param>
/// <param name="ReactivationPerMonth">Σ reactivation ÷ window months.</param>
/// <param name="ExpansionRate">Σ expansion ÷ Σ opening MRR.</param>
/// <param name="ContractionRate">−Σ contraction ÷ Σ opening MRR.</param>
/// <param name="ChurnRate">−Σ churn ÷ Σ opening MRR.</param>
/// <param name="Low">The least favourable single month's rates (the band's low edge).</param>
/// <param name="High">The most favourable single month's rates (the band's high edge).</param>
/// <param name="Mrr">The segment's closing MRR at the as-of month (the base the rates first apply to).</param>
public sealed record SegmentRates(
    string Segment,
    Exact NewPerMonth,
    Exact ReactivationPerMonth,
    Exact ExpansionRate,
    Exact ContractionRate,
    Exact ChurnRate,
    TrendRates Low,
    TrendRates High,
    Exact Mrr)
{
    /// <summary>The central rates as one set.</summary>
    public TrendRates Base => new(NewPerMonth, ReactivationPerMonth, ExpansionRate, ContractionRate, ChurnRate);
}

/// <summary>How the method did when replayed from earlier months.</summary>
/// <param name="Points">One per origin and month forecast from it.</param>
/// <param name="Mape">Mean absolute percentage error per horizon 1..12.</param>
public sealed record Backtest(IReadOnlyList<BacktestPoint> Points, IReadOnlyList<HorizonError> Mape);

/// <summary>One month forecast from an earlier origin, against what happened.</summary>
/// <param name="Origin">The as-of month of the replayed forecast.</param>
/// <param name="Horizon">Months after the origin.</param>
/// <param name="Month">Origin + horizon.</param>
/// <param name="Forecast">Contracted + trend as known at the origin.</param>
/// <param name="Actual">The actual closing MRR.</param>
/// <param name="AbsolutePercentError">|forecast − actual| ÷ actual; null when the actual is 0.</param>
public sealed record BacktestPoint(YearMonth Origin, int Horizon, YearMonth Month, Exact Forecast, Exact Actual, Exact? AbsolutePercentError);

/// <summary>The error of one horizon over the origins that reach it.</summary>
/// <param name="Horizon">Months ahead, 1..12.</param>
/// <param name="Mape">Mean of the points' errors; null without samples.</param>
/// <param name="Samples">Points with an error (an actual of 0 has none).</param>
public sealed record HorizonError(int Horizon, Exact? Mape, int Samples);

/// <summary>An open deal the pipeline layer does not count, and why (nothing is left out silently).</summary>
/// <param name="Id">The deal.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record SkippedDeal(DealId Id, string Reason);
