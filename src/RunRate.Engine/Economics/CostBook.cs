using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>Acquisition spend (sales and marketing) of one channel, or of untagged spend.</summary>
internal sealed class ChannelSpend(string name)
{
    public string Name { get; } = name;

    public Exact Sales { get; set; }

    public Exact Marketing { get; set; }

    public Exact Total => Sales + Marketing;
}

/// <summary>One month's costs in the reporting currency.</summary>
internal sealed class MonthCosts
{
    public Exact Cogs { get; set; }

    public Exact Sales { get; set; }

    public Exact Marketing { get; set; }

    public Exact Other { get; set; }

    public bool HasCogs { get; set; }

    public bool HasAcquisition { get; set; }

    /// <summary>True when any sales or marketing row of the month has no channel.</summary>
    public bool HasUntagged { get; set; }

    /// <summary>Tagged acquisition spend by channel (ignoring case).</summary>
    public Dictionary<string, ChannelSpend> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ChannelSpend Untagged { get; } = new(ChannelEconomics.Untagged);

    public Exact Acquisition => Sales + Marketing;
}

/// <summary>
/// The ledger's costs of a range of months, converted into the reporting currency at the rate in force on
/// each month's first day (a month's costs are one figure, so they convert once, like a line at its start).
/// A month without any row is absent: its costs are unknown, not zero.
/// </summary>
internal sealed class CostBook
{
    private const int MaxProblems = 20;

    private readonly Dictionary<YearMonth, MonthCosts> _months;

    private CostBook(bool hasCosts, Dictionary<YearMonth, MonthCosts> months)
    {
        HasCosts = hasCosts;
        _months = months;
    }

    public bool HasCosts { get; }

    /// <summary>The month's costs, or null when costs.csv has no row for it.</summary>
    public MonthCosts? Month(YearMonth month) => _months.GetValueOrDefault(month);

    /// <exception cref="LedgerConversionException">Costs in the range have no exchange rate into the reporting currency.</exception>
    public static CostBook Build(RevenueLedger ledger, CurrencyCode currency, YearMonth first, YearMonth last)
    {
        var months = new Dictionary<YearMonth, MonthCosts>();
        var problems = new List<string>();
        foreach (var cost in ledger.Costs)
        {
            if (cost.Month < first || cost.Month > last)
            {
                continue;
            }

            if (ledger.Fx.RateOn(cost.Currency, currency, cost.Month.FirstDay) is not { } rate)
            {
                if (problems.Count < MaxProblems)
                {
                    problems.Add($"cost {cost.Month} {cost.Category.ToText()} {cost.Amount} {cost.Currency}{(cost.Channel is null ? "" : $" ({cost.Channel})")}: no {cost.Currency}→{currency} exchange rate in fx.csv on or before {cost.Month.FirstDay:yyyy-MM-dd}");
                }
                else if (problems.Count == MaxProblems)
                {
                    problems.Add("… more costs lack an exchange rate");
                }

                continue;
            }

            if (!months.TryGetValue(cost.Month, out var month))
            {
                months[cost.Month] = month = new MonthCosts();
            }

            Add(month, cost, Exact.FromDecimal(cost.Amount) * Exact.FromDecimal(rate));
        }

        if (problems.Count > 0)
        {
            throw new LedgerConversionException(problems);
        }

        return new CostBook(!ledger.Costs.IsEmpty, months);
    }

    private static void Add(MonthCosts month, CostEntry cost, Exact amount)
    {
        switch (cost.Category)
        {
            case CostCategory.Cogs:
                month.Cogs += amount;
                month.HasCogs = true;
                return;
            case CostCategory.Other:
                month.Other += amount;
                return;
        }

        month.HasAcquisition = true;
        var channel = month.Untagged;
        month.HasUntagged |= cost.Channel is null;
        if (cost.Channel is { } name && !month.Channels.TryGetValue(name, out channel))
        {
            month.Channels[name] = channel = new ChannelSpend(name);
        }

        if (cost.Category == CostCategory.Sales)
        {
            month.Sales += amount;
            channel.Sales += amount;
        }
        else
        {
            month.Marketing += amount;
            channel.Marketing += amount;
        }
    }
}
