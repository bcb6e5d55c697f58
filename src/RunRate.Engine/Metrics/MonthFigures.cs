using RunRate.Engine.Primitives;

namespace RunRate.Engine.Metrics;

/// <summary>
/// Every figure of one month (spec section 4), exact. Money figures are in the reporting currency;
/// ratios are plain fractions and null where their base does not exist.
/// </summary>
public sealed record MonthFigures
{
    /// <summary>The month.</summary>
    public required YearMonth Month { get; init; }

    /// <summary>MRR on the last day of the previous month.</summary>
    public required Exact OpeningMrr { get; init; }

    /// <summary>Sum of new movements (≥ 0).</summary>
    public required Exact New { get; init; }

    /// <summary>Sum of expansion movements (≥ 0).</summary>
    public required Exact Expansion { get; init; }

    /// <summary>Sum of contraction movements (≤ 0).</summary>
    public required Exact Contraction { get; init; }

    /// <summary>Sum of churn movements (≤ 0).</summary>
    public required Exact Churn { get; init; }

    /// <summary>Sum of reactivation movements (≥ 0).</summary>
    public required Exact Reactivation { get; init; }

    /// <summary>MRR on the last day of the month.</summary>
    public required Exact ClosingMrr { get; init; }

    /// <summary>12 × closing MRR.</summary>
    public Exact Arr => ClosingMrr * 12;

    /// <summary>12 × closing MRR of subscription lines.</summary>
    public required Exact SubscriptionArr { get; init; }

    /// <summary>12 × closing MRR of add-on lines.</summary>
    public required Exact AddonArr { get; init; }

    /// <summary>Active customers at opening (the base of customer churn).</summary>
    public required long OpeningCustomers { get; init; }

    /// <summary>Active customers at closing.</summary>
    public required long Customers { get; init; }

    /// <summary>Count of new movements.</summary>
    public required long NewCustomers { get; init; }

    /// <summary>Count of reactivation movements.</summary>
    public required long ReactivatedCustomers { get; init; }

    /// <summary>Count of churn movements.</summary>
    public required long ChurnedCustomers { get; init; }

    /// <summary>Customers active at opening that churned in the month ÷ customers active at opening.</summary>
    public required Exact? CustomerChurnRate { get; init; }

    /// <summary>−(churn + contraction) ÷ opening MRR.</summary>
    public Exact? GrossMrrChurnRate => Exact.Ratio(-(Churn + Contraction), OpeningMrr);

    /// <summary>−(churn + contraction + expansion + reactivation) ÷ opening MRR.</summary>
    public Exact? NetMrrChurnRate => Exact.Ratio(-(Churn + Contraction + Expansion + Reactivation), OpeningMrr);

    /// <summary>Closing MRR ÷ customers.</summary>
    public Exact? Arpa => Customers == 0 ? null : ClosingMrr / Customers;

    /// <summary>(new + expansion + reactivation) ÷ −(churn + contraction).</summary>
    public Exact? QuickRatio => Exact.Ratio(New + Expansion + Reactivation, -(Churn + Contraction));

    /// <summary>Net revenue retention of the customers active twelve months earlier.</summary>
    public required Exact? Nrr { get; init; }

    /// <summary>Gross revenue retention: NRR with each customer capped at its year-ago MRR.</summary>
    public required Exact? Grr { get; init; }

    /// <summary>Closing MRR ÷ closing MRR twelve months earlier − 1.</summary>
    public required Exact? GrowthYoy { get; init; }

    /// <summary>10 × ARR × growth × NRR, the rule-of-thumb valuation; null when growth or NRR is.</summary>
    public Exact? Valuation => GrowthYoy is { } growth && Nrr is { } nrr ? 10 * Arr * growth * nrr : null;

    /// <summary>One-time charges dated in the month (an extension: total revenue, never MRR).</summary>
    public required Exact OneTimeRevenue { get; init; }

    /// <summary>Sum of all movements; equals closing − opening exactly.</summary>
    public Exact NetMovement => New + Expansion + Contraction + Churn + Reactivation;
}
