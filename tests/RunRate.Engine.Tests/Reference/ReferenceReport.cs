using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Reference;

/// <summary>Every figure of spec section 4 for one month, as the reference model computes it.</summary>
internal sealed record ReferenceMonth(
    YearMonth Month,
    Exact OpeningMrr,
    Exact New,
    Exact Expansion,
    Exact Contraction,
    Exact Churn,
    Exact Reactivation,
    Exact ClosingMrr,
    Exact Arr,
    Exact SubscriptionArr,
    Exact AddonArr,
    long OpeningCustomers,
    long Customers,
    long NewCustomers,
    long ReactivatedCustomers,
    long ChurnedCustomers,
    Exact? CustomerChurnRate,
    Exact? GrossMrrChurnRate,
    Exact? NetMrrChurnRate,
    Exact? Arpa,
    Exact? QuickRatio,
    Exact? Nrr,
    Exact? Grr,
    Exact? GrowthYoy,
    Exact? Valuation,
    Exact OneTimeRevenue);

/// <summary>One cohort of spec section 5, as the reference model computes it.</summary>
internal sealed record ReferenceCohort(
    YearMonth Cohort,
    long Customers,
    IReadOnlyList<Exact> Mrr,
    IReadOnlyList<Exact?> RevenueRetention,
    IReadOnlyList<Exact?> LogoRetention);

/// <summary>The reference model's whole report.</summary>
internal sealed record ReferenceReport(IReadOnlyList<ReferenceMonth> Months, IReadOnlyList<ReferenceCohort> Cohorts);
