using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>The unit-economics report: one entry per month, and acquisition cost by channel.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="HasCosts">True when the ledger has any costs at all (costs.csv was imported).</param>
/// <param name="Months">One entry per month from From to To.</param>
/// <param name="Channels">
/// Acquisition spend, new customers and CAC per acquisition channel over the window ending at To, ordered
/// by name with <see cref="ChannelEconomics.Untagged"/> last; empty when that window lacks costs (the
/// month's <see cref="EconomicsMonth.Cac"/> says why).
/// </param>
public sealed record EconomicsReport(EconomicsRequest Request, bool HasCosts, IReadOnlyList<EconomicsMonth> Months, IReadOnlyList<ChannelEconomics> Channels)
{
    /// <summary>Reporting currency.</summary>
    public CurrencyCode Currency => Request.Currency;
}

/// <summary>
/// One month. The money amounts (revenue, costs, new MRR) are the month's own; the figures (gross margin,
/// churn, CAC, LTV, LTV:CAC, payback) are pooled over the window of months ending with it.
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="Revenue">Closing MRR plus one-time revenue of the month.</param>
/// <param name="Cogs">Cost of goods sold in the month; null when costs.csv has no row for the month.</param>
/// <param name="SalesSpend">Sales spend in the month (every channel and untagged); null as <paramref name="Cogs"/>.</param>
/// <param name="MarketingSpend">Marketing spend in the month; null as <paramref name="Cogs"/>.</param>
/// <param name="OtherSpend">Other costs in the month (shown, in no figure); null as <paramref name="Cogs"/>.</param>
/// <param name="NewCustomers">New customers (new movements) in the month.</param>
/// <param name="NewMrr">New-business MRR (the month's new movements).</param>
/// <param name="Arpa">Closing MRR ÷ customers at the end of the month; null without customers.</param>
/// <param name="GrossMargin">(revenue − cogs) ÷ revenue over the window.</param>
/// <param name="CustomerChurnRate">Customers lost from the opening base ÷ opening customers, pooled over the window (a monthly rate).</param>
/// <param name="Cac">(sales + marketing) ÷ new customers over the window.</param>
/// <param name="Ltv">ARPA × gross margin ÷ customer churn rate.</param>
/// <param name="LtvToCac">LTV ÷ CAC.</param>
/// <param name="PaybackMonths">(sales + marketing) ÷ (new MRR × gross margin) over the window: months of gross profit to earn back acquisition spend.</param>
public sealed record EconomicsMonth(
    YearMonth Month,
    Exact Revenue,
    Exact? Cogs,
    Exact? SalesSpend,
    Exact? MarketingSpend,
    Exact? OtherSpend,
    long NewCustomers,
    Exact NewMrr,
    Exact? Arpa,
    Figure GrossMargin,
    Figure CustomerChurnRate,
    Figure Cac,
    Figure Ltv,
    Figure LtvToCac,
    Figure PaybackMonths);

/// <summary>Acquisition by channel over the window ending at the report's last month.</summary>
/// <param name="Channel">The channel as customers spell it (costs match it ignoring case), or <see cref="Untagged"/>.</param>
/// <param name="Spend">Sales + marketing spend tagged with the channel.</param>
/// <param name="NewCustomers">New customers whose channel is this one (for <see cref="Untagged"/>: customers without a channel).</param>
/// <param name="Cac">Spend ÷ new customers; missing for untagged spend, which is shared by every channel and only counts in the total.</param>
/// <param name="NewMrr">New-business MRR of those customers.</param>
/// <param name="SalesSpend">The sales part of <paramref name="Spend"/>.</param>
/// <param name="MarketingSpend">The marketing part of <paramref name="Spend"/>.</param>
public sealed record ChannelEconomics(string Channel, Exact Spend, long NewCustomers, Figure Cac, Exact NewMrr, Exact SalesSpend, Exact MarketingSpend)
{
    /// <summary>The name of the row for spend without a channel (and customers without one).</summary>
    public const string Untagged = "(untagged)";
}
