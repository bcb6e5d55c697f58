using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

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
    /// <param name="contracted">The segment's bridge for each forecast month, as recorded.</param>
    /// <param name="rates">The rates to apply.</param>
    public static TrendPath Project(Exact start, IReadOnlyList<MonthFigures> contracted, TrendRates rates)
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
                -Beyond(decreaseRate * baseMrr, -(month.Churn + month.Contraction)));

            // The decrease cannot take contracted + trend below zero.
            var beforeDecrease = previousTrend + added.New + added.Reactivation + added.Expansion;
            var decrease = TrendWindow.Max(added.Decrease, -(beforeDecrease + month.ClosingMrr));
            movements[t] = added with { Decrease = decrease };

            var value = Cents.Round(beforeDecrease + decrease);
            trend[t] = TrendWindow.Max(value, -Cents.Floor(month.ClosingMrr));
            previousContracted = month.ClosingMrr;
            previousTrend = trend[t];
        }

        return new TrendPath(trend, movements);
    }

    /// <summary>What is expected beyond what is already scheduled, never negative.</summary>
    private static Exact Beyond(Exact expected, Exact scheduled) => TrendWindow.Max(Exact.Zero, expected - scheduled);
}

/// <summary>Cent rounding that keeps the trend's denominators small month after month.</summary>
internal static class Cents
{
    /// <summary>Half away from zero, to the cent.</summary>
    public static Exact Round(Exact value) => Exact.FromDecimal(value.Round(2));

    /// <summary>Down to the cent (towards −∞).</summary>
    public static Exact Floor(Exact value)
    {
        var rounded = Round(value);
        return rounded > value ? rounded - new Exact(1, 100) : rounded;
    }
}
