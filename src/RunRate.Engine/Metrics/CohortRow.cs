using RunRate.Engine.Primitives;

namespace RunRate.Engine.Metrics;

/// <summary>
/// One acquisition cohort (spec section 5): the customers whose <c>new</c> movement fell in
/// <see cref="Cohort"/>, followed month by month from age 0.
/// </summary>
/// <param name="Cohort">The cohort month.</param>
/// <param name="Customers">Cohort size.</param>
/// <param name="Mrr">Σ closing MRR of the cohort at each age.</param>
/// <param name="RevenueRetention">Mrr[k] ÷ Mrr[0]; null when Mrr[0] is 0.</param>
/// <param name="LogoRetention">Active cohort customers at each age ÷ cohort size.</param>
public sealed record CohortRow(
    YearMonth Cohort,
    long Customers,
    IReadOnlyList<Exact> Mrr,
    IReadOnlyList<Exact?> RevenueRetention,
    IReadOnlyList<Exact?> LogoRetention);
