using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>
/// CAC per acquisition channel over one window: spend tagged with a channel against the new customers
/// whose channel it is (ignoring case). Untagged spend has no customers of its own; it is listed, and
/// counts in the total CAC only.
/// </summary>
internal static class ChannelBreakdown
{
    public static IReadOnlyList<ChannelEconomics> Compute(RevenueLedger ledger, EconomicsRequest request, CostBook costs, EconomicsWindow window)
    {
        if (!costs.HasCosts || window.Uncovered.Count > 0)
        {
            return []; // the month's CAC says what is missing
        }

        var spend = new Dictionary<string, ChannelSpend>(StringComparer.OrdinalIgnoreCase);
        var untagged = new ChannelSpend(ChannelEconomics.Untagged);
        var anyUntagged = false;
        for (var month = window.Start; month <= window.End; month = month.AddMonths(1))
        {
            var c = costs.Month(month)!;
            foreach (var (name, s) in c.Channels)
            {
                if (!spend.TryGetValue(name, out var total))
                {
                    spend[name] = total = new ChannelSpend(name);
                }

                total.Sales += s.Sales;
                total.Marketing += s.Marketing;
            }

            untagged.Sales += c.Untagged.Sales;
            untagged.Marketing += c.Untagged.Marketing;
            anyUntagged |= c.HasUntagged;
        }

        // Customers' spelling of a channel wins; costs only add channels no customer has.
        var names = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var customer in ledger.Customers)
        {
            if (!string.IsNullOrEmpty(customer.Channel))
            {
                names.TryAdd(customer.Channel, customer.Channel);
            }
        }

        foreach (var name in spend.Keys)
        {
            names.TryAdd(name, name);
        }

        var result = new List<ChannelEconomics>();
        foreach (var name in names.Values)
        {
            var (count, mrr) = NewBusiness(ledger, request, window, name);
            var s = spend.GetValueOrDefault(name);
            if (s is null && count == 0)
            {
                continue; // a channel with neither spend nor new customers in the window says nothing
            }

            var cac = s is null
                ? Figure.None($"no sales or marketing spend tagged '{name}' in {window.Label}")
                : count == 0 ? Figure.None($"no new customers from '{name}' in {window.Label}") : Figure.Of(s.Total / count);
            result.Add(new ChannelEconomics(name, s?.Total ?? Exact.Zero, count, cac, mrr, s?.Sales ?? Exact.Zero, s?.Marketing ?? Exact.Zero));
        }

        var (orphans, orphanMrr) = NewBusiness(ledger, request, window, "");
        if (anyUntagged || orphans > 0)
        {
            result.Add(new ChannelEconomics(
                ChannelEconomics.Untagged,
                untagged.Total,
                orphans,
                Figure.None("untagged spend is shared by every channel; it counts only in the total CAC"),
                orphanMrr,
                untagged.Sales,
                untagged.Marketing));
        }

        return result;
    }

    private static (long Count, Exact Mrr) NewBusiness(RevenueLedger ledger, EconomicsRequest request, EconomicsWindow window, string channel)
    {
        var filter = LedgerFilter.All.Where("channel", channel);
        if (!ledger.Customers.Any(filter.Matches))
        {
            return (0, Exact.Zero);
        }

        var bridge = RevenueEngine.Compute(ledger, new ReportRequest(request.Currency, window.Start, window.End, filter));
        return (bridge.Months.Sum(m => m.NewCustomers), bridge.Months.Aggregate(Exact.Zero, (sum, m) => sum + m.New));
    }
}
