using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// Measures a segment's trailing rates from its bridge over the window, and applies the scenario
/// rules to them. Pooled sums (not an average of monthly ratios), so a month with a small base does
/// not weigh as much as a month with a large one.
/// </summary>
internal static class TrendWindow
{
    /// <summary>The central, least and most favourable rates of the window, after <paramref name="rules"/>.</summary>
    public static SegmentRates Measure(string segment, Exact mrr, IReadOnlyList<MonthFigures> window, ScenarioRules rules)
    {
        var w = window.Count;
        var opening = Sum(window, m => m.OpeningMrr);
        var central = new TrendRates(
            Sum(window, m => m.New) / w,
            Sum(window, m => m.Reactivation) / w,
            Share(Sum(window, m => m.Expansion), opening),
            Share(-Sum(window, m => m.Contraction), opening),
            Share(-Sum(window, m => m.Churn), opening));

        // Single months' rates; a month without opening MRR has no rates. The pooled rate is kept in
        // the range, so that low ≤ central ≤ high holds even when such a month moved MRR.
        var based = window.Where(m => m.OpeningMrr.Sign > 0).ToList();
        Exact[] Rates(Func<MonthFigures, Exact> amount, Exact pooled) => [pooled, .. based.Select(m => amount(m) / m.OpeningMrr)];
        var expansion = Rates(m => m.Expansion, central.ExpansionRate);
        var contraction = Rates(m => -m.Contraction, central.ContractionRate);
        var churn = Rates(m => -m.Churn, central.ChurnRate);
        var low = new TrendRates(
            window.Select(m => m.New).Aggregate(Exact.Min),
            window.Select(m => m.Reactivation).Aggregate(Exact.Min),
            expansion.Aggregate(Exact.Min),
            contraction.Aggregate(Max),
            churn.Aggregate(Max));
        var high = new TrendRates(
            window.Select(m => m.New).Aggregate(Max),
            window.Select(m => m.Reactivation).Aggregate(Max),
            expansion.Aggregate(Max),
            contraction.Aggregate(Exact.Min),
            churn.Aggregate(Exact.Min));

        var c = Apply(central, rules);
        return new SegmentRates(segment, c.NewPerMonth, c.ReactivationPerMonth, c.ExpansionRate, c.ContractionRate, c.ChurnRate,
            Apply(low, rules), Apply(high, rules), mrr);
    }

    /// <summary>
    /// The scenario's effect on rates: churn points added (churn floored at 0), new and reactivation
    /// scaled by the new-business percent, expansion by the expansion percent.
    /// </summary>
    public static TrendRates Apply(TrendRates rates, ScenarioRules rules)
    {
        var newFactor = Factor(rules.NewPercent);
        var churn = rules.ChurnPoints is { } points ? Max(Exact.Zero, rates.ChurnRate + (Exact.FromDecimal(points) / 100)) : rates.ChurnRate;
        return new TrendRates(
            rates.NewPerMonth * newFactor,
            rates.ReactivationPerMonth * newFactor,
            rates.ExpansionRate * Factor(rules.ExpansionPercent),
            rates.ContractionRate,
            churn);
    }

    /// <summary>1 + p ÷ 100, or 1 when the rule is not set.</summary>
    public static Exact Factor(decimal? percent) => percent is { } p ? Exact.One + (Exact.FromDecimal(p) / 100) : Exact.One;

    public static Exact Max(Exact a, Exact b) => a.CompareTo(b) >= 0 ? a : b;

    private static Exact Share(Exact amount, Exact opening) => Exact.Ratio(amount, opening) ?? Exact.Zero;

    private static Exact Sum(IReadOnlyList<MonthFigures> months, Func<MonthFigures, Exact> value)
    {
        var sum = Exact.Zero;
        foreach (var m in months)
        {
            sum += value(m);
        }

        return sum;
    }
}
