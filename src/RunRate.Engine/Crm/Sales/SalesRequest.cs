using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Sales;

/// <summary>Which period and currency a sales report covers.</summary>
/// <param name="Currency">Reporting currency; deals in other currencies convert at the ledger's rate on their close day (open deals: on <paramref name="AsOf"/>).</param>
/// <param name="From">First month of the period (deals closed or created in it).</param>
/// <param name="To">Last month of the period.</param>
/// <param name="AsOf">Today, for open deals' conversion.</param>
public sealed record SalesRequest(CurrencyCode Currency, YearMonth From, YearMonth To, DateOnly AsOf)
{
    /// <summary>True when the day falls in the period.</summary>
    public bool Covers(DateOnly day) => day >= From.FirstDay && day <= To.LastDay;
}
