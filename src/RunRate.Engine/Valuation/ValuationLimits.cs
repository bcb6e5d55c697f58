using System.Globalization;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Valuation;

/// <summary>
/// What the 10 × ARR × growth × NRR rule does not say, in plain sentences: always the general statement,
/// then each condition of this ledger and month that makes the figure weaker or meaningless.
/// </summary>
internal static class ValuationLimits
{
    /// <summary>Always the first statement.</summary>
    public const string General =
        "10 × ARR × growth × NRR is a rule of thumb for comparing growth-stage subscription businesses, not a valuation: " +
        "it ignores profitability and cash burn, gross margin, market size, competition, interest rates and deal terms, " +
        "and it is not a price anyone has offered.";

    /// <summary>Growth above this (100 % a year) is "very high".</summary>
    public static readonly Exact VeryHighGrowth = 1;

    /// <summary>Fewer customers than this in the NRR base make growth and NRR fragile.</summary>
    public const long FewCustomers = 10;

    public static IReadOnlyList<string> For(ValuationRequest request, MonthFigures month, long yearAgoCustomers)
    {
        var limits = new List<string> { General };
        var part = request.EffectiveFilter.IsEmpty ? "" : " in this part of the ledger";
        if (month.GrowthYoy is not { } growth || month.Nrr is not { } nrr)
        {
            limits.Add(
                $"There is no year-ago base: no recurring revenue at the end of {request.Month.AddMonths(-12)}{part}, " +
                "so growth and NRR do not exist and the rule gives no figure and no sensitivity grid.");
        }
        else
        {
            if (growth.Sign <= 0)
            {
                limits.Add(
                    $"Growth is {Percent(growth)}, zero or negative: the rule then gives zero or a negative number, which says it does not apply, " +
                    "not that the business is worth nothing; businesses that do not grow are valued on profit, cash flow or assets.");
            }
            else if (growth > VeryHighGrowth)
            {
                limits.Add(
                    $"Growth is {Percent(growth)}, above 100 % a year: the rule grows in step with it, but growth this fast rarely lasts " +
                    "(it is often a small base), so buyers discount it and the figure overstates value.");
            }

            if (nrr < 1)
            {
                limits.Add(
                    $"NRR is {Percent(nrr)}, below 100 %: existing customers' revenue shrinks every year, so growth has to be bought again with new sales; " +
                    "buyers weigh this more heavily than the rule's single NRR factor does.");
            }

            if (yearAgoCustomers < FewCustomers)
            {
                limits.Add(
                    $"Only {yearAgoCustomers.ToString(CultureInfo.InvariantCulture)} customer(s) were active at the end of {request.Month.AddMonths(-12)}{part}: " +
                    "growth and NRR rest on a handful of accounts, so one contract moves the figure a lot.");
            }
        }

        if (!request.EffectiveFilter.IsEmpty)
        {
            limits.Add(
                "This values a part of the ledger (a filter is set): a segment, channel or product is not a business that can be sold on its own, " +
                "so use the figure only to compare parts.");
        }

        return limits;
    }

    /// <summary>A ratio as a percentage with one decimal, e.g. 52.3 %.</summary>
    internal static string Percent(Exact ratio) =>
        string.Create(CultureInfo.InvariantCulture, $"{(ratio * 100).Round(1):0.0} %");
}
