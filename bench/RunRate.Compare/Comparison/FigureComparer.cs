using System.Globalization;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.Comparison;

/// <summary>One figure of one month on which the engine and DuckDB disagree.</summary>
/// <param name="Month">The month (or null when the two sides do not even cover the same months).</param>
/// <param name="Figure">The figure's name as the contract spells it (section 4).</param>
/// <param name="Engine">The engine's value, exact.</param>
/// <param name="DuckDb">DuckDB's value, exact.</param>
internal sealed record Mismatch(YearMonth? Month, string Figure, string Engine, string DuckDb)
{
    public override string ToString() => Month is { } month
        ? $"{month} {Figure}: engine {Engine}, duckdb {DuckDb}"
        : $"{Figure}: engine {Engine}, duckdb {DuckDb}";
}

/// <summary>
/// Compares two bridges month by month and figure by figure, exactly (rationals compared as reduced
/// fractions, counts as integers, a missing ratio only equal to a missing ratio).
/// </summary>
internal static class FigureComparer
{
    /// <summary>Every figure of the contract's section 4, plus the opening customer count and one-time revenue.</summary>
    private static readonly (string Name, Func<MonthFigures, object?> Value)[] Figures =
    [
        ("opening_mrr", f => f.OpeningMrr),
        ("new", f => f.New),
        ("expansion", f => f.Expansion),
        ("contraction", f => f.Contraction),
        ("churn", f => f.Churn),
        ("reactivation", f => f.Reactivation),
        ("closing_mrr", f => f.ClosingMrr),
        ("arr", f => f.Arr),
        ("subscription_arr", f => f.SubscriptionArr),
        ("addon_arr", f => f.AddonArr),
        ("opening_customers", f => f.OpeningCustomers),
        ("customers", f => f.Customers),
        ("new_customers", f => f.NewCustomers),
        ("reactivated_customers", f => f.ReactivatedCustomers),
        ("churned_customers", f => f.ChurnedCustomers),
        ("customer_churn_rate", f => f.CustomerChurnRate),
        ("gross_mrr_churn_rate", f => f.GrossMrrChurnRate),
        ("net_mrr_churn_rate", f => f.NetMrrChurnRate),
        ("arpa", f => f.Arpa),
        ("quick_ratio", f => f.QuickRatio),
        ("nrr", f => f.Nrr),
        ("grr", f => f.Grr),
        ("growth_yoy", f => f.GrowthYoy),
        ("valuation", f => f.Valuation),
        ("one_time_revenue", f => f.OneTimeRevenue),
    ];

    /// <summary>The names of the compared figures, in order.</summary>
    public static IReadOnlyList<string> FigureNames { get; } = [.. Figures.Select(f => f.Name)];

    /// <summary>Every disagreement; empty when both bridges are identical.</summary>
    public static IReadOnlyList<Mismatch> Compare(IReadOnlyList<MonthFigures> engine, IReadOnlyList<MonthFigures> duckDb)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(duckDb);
        var mismatches = new List<Mismatch>();
        if (engine.Count != duckDb.Count)
        {
            mismatches.Add(new Mismatch(null, "months", engine.Count.ToString(CultureInfo.InvariantCulture), duckDb.Count.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < Math.Min(engine.Count, duckDb.Count); i++)
        {
            var (e, d) = (engine[i], duckDb[i]);
            if (e.Month != d.Month)
            {
                mismatches.Add(new Mismatch(e.Month, "month", e.Month.ToString(), d.Month.ToString()));
                continue;
            }

            foreach (var (name, value) in Figures)
            {
                var (left, right) = (value(e), value(d));
                if (!Equals(left, right))
                {
                    mismatches.Add(new Mismatch(e.Month, name, Show(left), Show(right)));
                }
            }
        }

        return mismatches;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        Exact exact => exact.Denominator.IsOne
            ? exact.Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{exact.Numerator}/{exact.Denominator}"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
