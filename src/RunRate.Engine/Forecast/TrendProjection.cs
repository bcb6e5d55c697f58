using System.Numerics;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// One month of a segment's contracted layer: its closing MRR and the movements already scheduled
/// in it (starts and known ends in the ledger). Decrease is churn + contraction as a positive amount.
/// </summary>
internal readonly record struct ScheduledMonth(Exact Closing, Exact New, Exact Reactivation, Exact Expansion, Exact Decrease)
{
    public static ScheduledMonth Of(MonthFigures month) =>
        new(month.ClosingMrr, month.New, month.Reactivation, month.Expansion, -(month.Churn + month.Contraction));

    /// <summary>A month in which nothing is scheduled: the MRR stays at <paramref name="closing"/>.</summary>
    public static ScheduledMonth Flat(Exact closing) => new(closing, Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero);
}

/// <summary>One segment's trend layer month by month, and its movements.</summary>
/// <param name="Trend">The trend layer per forecast month (cents).</param>
/// <param name="Movements">The trend's own movements per forecast month (exact).</param>
internal sealed record TrendPath(Exact[] Trend, TrendMovements[] Movements);

/// <summary>
/// Rolls a segment's trend forward on top of its contracted layer. Each month the rates give the
/// movements expected on the base (contracted + trend of the month before); the contracted layer's
/// own movements that month (scheduled starts and ends) count towards them, so the trend only adds
/// what is expected beyond them and a known end is never counted twice.
/// </summary>
internal static class TrendProjection
{
    /// <param name="start">The segment's closing MRR at the origin (the contracted layer before the first month).</param>
    /// <param name="contracted">The segment's contracted layer for each forecast month.</param>
    /// <param name="rates">The rates to apply.</param>
    public static TrendPath Project(Exact start, IReadOnlyList<ScheduledMonth> contracted, TrendRates rates)
    {
        var trend = new Exact[contracted.Count];
        var movements = new TrendMovements[contracted.Count];
        var decreaseRate = rates.DecreaseRate;
        var previousContracted = start;
        var previousTrend = Exact.Zero;
        for (var t = 0; t < contracted.Count; t++)
        {
            var month = contracted[t];
            var baseMrr = previousContracted + previousTrend;
            var added = new TrendMovements(
                Beyond(rates.NewPerMonth, month.New),
                Beyond(rates.ReactivationPerMonth, month.Reactivation),
                Beyond(rates.ExpansionRate * baseMrr, month.Expansion),
                -Beyond(decreaseRate * baseMrr, month.Decrease));

            // The decrease cannot take contracted + trend below zero.
            var beforeDecrease = previousTrend + added.New + added.Reactivation + added.Expansion;
            var decrease = TrendWindow.Max(added.Decrease, -(beforeDecrease + month.Closing));
            movements[t] = added with { Decrease = decrease };

            var value = Cents.Round(beforeDecrease + decrease);
            trend[t] = TrendWindow.Max(value, -Cents.Floor(month.Closing));
            previousContracted = month.Closing;
            previousTrend = trend[t];
        }

        return new TrendPath(trend, movements);
    }

    /// <summary>What is expected beyond what is already scheduled, never negative.</summary>
    private static Exact Beyond(Exact expected, Exact scheduled) => TrendWindow.Max(Exact.Zero, expected - scheduled);
}

/// <summary>Cent rounding that keeps the trend's denominators small month after month (on integers, so any size rounds).</summary>
internal static class Cents
{
    private static readonly BigInteger Hundred = 100;

    /// <summary>Half away from zero, to the cent.</summary>
    public static Exact Round(Exact value)
    {
        var cents = BigInteger.DivRem(BigInteger.Abs(value.Numerator) * Hundred, value.Denominator, out var remainder);
        if (remainder * 2 >= value.Denominator)
        {
            cents += 1;
        }

        return new Exact(value.Sign < 0 ? -cents : cents, Hundred);
    }

    /// <summary>Down to the cent (towards −∞).</summary>
    public static Exact Floor(Exact value)
    {
        var rounded = Round(value);
        return rounded > value ? rounded - new Exact(1, Hundred) : rounded;
    }
}
