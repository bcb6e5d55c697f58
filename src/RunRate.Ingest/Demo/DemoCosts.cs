using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>
/// The demo business's monthly costs (costs.csv), so unit economics have figures: cost of goods sold at
/// 15–25 % of revenue (hosting in USD, a support team billed in EUR), sales and marketing spend that
/// follows the sign-ups of each acquisition channel (tagged with the channel), untagged brand marketing,
/// and R&amp;D and G&amp;A as "other". Derived from the same seed as everything else, so it is deterministic.
/// </summary>
internal static class DemoCosts
{
    /// <summary>What acquiring one customer costs, in USD, by segment (before the channel's factor).</summary>
    private static decimal SegmentCost(DemoSegment segment) => segment switch
    {
        DemoSegment.Smb => 4_000m,
        DemoSegment.MidMarket => 18_000m,
        _ => 80_000m,
    };

    /// <summary>A channel's cost factor and the share of its spend that is sales (the rest is marketing).</summary>
    private static (decimal Factor, decimal SalesShare) Channel(string channel) => channel switch
    {
        "self-serve" => (0.4m, 0m),
        "inbound" => (0.9m, 0.4m),
        "partner" => (0.8m, 0.7m),
        _ => (1.4m, 0.85m), // outbound
    };

    public static IReadOnlyList<CostEntry> Generate(DemoOptions options, DemoCalendar calendar, IReadOnlyList<FxRate> fx, IEnumerable<RevenueLine> lines)
    {
        var first = YearMonth.Of(calendar.WindowStart);
        var months = YearMonth.Of(calendar.AsOf).MonthsSince(first) + 1;
        var usd = UsdRates(fx);
        var revenue = MonthlyRevenue(first, months, lines, usd);
        var acquisition = Acquisition(options, calendar, first, months);
        var rng = new Random(DemoIds.Seed(options.Seed, 0, DemoIds.CostStream));
        var costs = new List<CostEntry>();
        for (var m = 0; m < months; m++)
        {
            var month = first.AddMonths(m);
            var sales = revenue[m];
            var eurPerUsd = 1m / usd.GetValueOrDefault((month, Eur), 1.1m);
            Add(costs, month, CostCategory.Cogs, 800m + (sales * Between(rng, 0.10m, 0.14m)), CurrencyCode.Usd, null, "Cloud hosting");
            Add(costs, month, CostCategory.Cogs, sales * Between(rng, 0.06m, 0.10m) * eurPerUsd, Eur, null, "Customer support team (Dublin)");
            foreach (var (channel, spend) in acquisition[m].OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var noisy = spend * Between(rng, 0.8m, 1.2m);
                var share = Channel(channel).SalesShare;
                Add(costs, month, CostCategory.Sales, noisy * share, CurrencyCode.Usd, channel, "Sales team and commissions");
                Add(costs, month, CostCategory.Marketing, noisy * (1m - share), CurrencyCode.Usd, channel, "Campaigns");
            }

            Add(costs, month, CostCategory.Marketing, 1_500m + (sales * Between(rng, 0.04m, 0.06m)), CurrencyCode.Usd, null, "Brand and content");
            Add(costs, month, CostCategory.Other, 25_000m + (sales * 0.30m), CurrencyCode.Usd, null, "Product and engineering");
            Add(costs, month, CostCategory.Other, 8_000m + (sales * 0.10m), CurrencyCode.Usd, null, "General and administrative");
        }

        return costs;
    }

    private static void Add(List<CostEntry> costs, YearMonth month, CostCategory category, decimal amount, CurrencyCode currency, string? channel, string description)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (rounded > 0m)
        {
            costs.Add(new CostEntry(month, category, rounded, currency, channel, description));
        }
    }

    private static decimal Between(Random rng, decimal low, decimal high) => low + ((high - low) * (decimal)rng.NextDouble());

    /// <summary>Rates into USD by (month, currency), from the demo's monthly rates dated the first of each month.</summary>
    private static Dictionary<(YearMonth, CurrencyCode), decimal> UsdRates(IReadOnlyList<FxRate> fx) =>
        fx.Where(r => r.To == CurrencyCode.Usd && r.Date.Day == 1).ToDictionary(r => (YearMonth.Of(r.Date), r.From), r => r.Rate);

    /// <summary>
    /// Approximate revenue in USD per month (MRR of the lines running in the month plus one-time fees), in one
    /// pass over the lines with a difference array: a plausible base for costs, not a reported figure.
    /// </summary>
    private static decimal[] MonthlyRevenue(YearMonth first, int months, IEnumerable<RevenueLine> lines, Dictionary<(YearMonth, CurrencyCode), decimal> usd)
    {
        var delta = new decimal[months + 1];
        var oneTime = new decimal[months];
        foreach (var line in lines)
        {
            var start = YearMonth.Of(line.Start);
            var rate = line.Currency == CurrencyCode.Usd ? 1m : usd.GetValueOrDefault((start, line.Currency), 1m);
            var value = line.Amount * line.Quantity * rate;
            if (line.IntervalMonths is not { } interval)
            {
                var at = start.MonthsSince(first);
                if (at >= 0 && at < months)
                {
                    oneTime[at] += value;
                }

                continue;
            }

            var from = Math.Clamp(start.MonthsSince(first), 0, months);
            var to = line.End is { } end ? Math.Clamp(YearMonth.Of(end.AddDays(-1)).MonthsSince(first) + 1, 0, months) : months;
            if (to > from)
            {
                delta[from] += value / interval;
                delta[to] -= value / interval;
            }
        }

        var revenue = new decimal[months];
        var mrr = 0m;
        for (var m = 0; m < months; m++)
        {
            mrr += delta[m];
            revenue[m] = mrr + oneTime[m];
        }

        return revenue;
    }

    /// <summary>Acquisition spend in USD per month and channel: each sign-up's cost, spent in its sign-up month.</summary>
    private static Dictionary<string, decimal>[] Acquisition(DemoOptions options, DemoCalendar calendar, YearMonth first, int months)
    {
        var spend = new Dictionary<string, decimal>[months];
        for (var m = 0; m < months; m++)
        {
            spend[m] = new Dictionary<string, decimal>(StringComparer.Ordinal);
        }

        for (var i = 0; i < options.Customers; i++)
        {
            var profile = DemoCustomers.Create(options.Seed, i, options.Customers, calendar);
            var m = YearMonth.Of(profile.Signup).MonthsSince(first);
            var channel = profile.Customer.Channel ?? "inbound";
            if (m >= 0 && m < months)
            {
                spend[m][channel] = spend[m].GetValueOrDefault(channel) + (SegmentCost(profile.Segment) * Channel(channel).Factor);
            }
        }

        return spend;
    }
}
