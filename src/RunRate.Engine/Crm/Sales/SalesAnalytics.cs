using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Sales;

/// <summary>Computes <see cref="SalesReport"/> from the ledger (for exchange rates and landed ARR) and the CRM snapshot.</summary>
public static class SalesAnalytics
{
    /// <summary>Label for deals or customers without a channel or owner.</summary>
    public const string None = "(none)";

    /// <summary>The sales report of <paramref name="request"/>'s period.</summary>
    public static SalesReport Compute(RevenueLedger ledger, CrmData crm, SalesRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(request);
        var values = new DealValues(ledger.Fx, crm.Pipeline, request.Currency, request.AsOf);
        var deals = crm.Deals;
        var closed = deals.Where(d => d.ClosedOn(crm.Pipeline) is { } on && request.Covers(on)).ToList();
        var won = closed.Where(d => values.Outcome(d) == StageOutcome.Won).ToList();

        var stages = crm.Pipeline.Stages.Select(stage =>
        {
            var inStage = (stage.Outcome == StageOutcome.Open ? (IEnumerable<Deal>)deals : closed)
                .Where(d => string.Equals(d.Stage, stage.Key, StringComparison.Ordinal)).ToList();
            return new StageFigures(stage, inStage.Count, Sum(inStage, values.Arr), Sum(inStage, values.Weighted));
        }).ToList();
        var openDeals = deals.Where(d => values.Outcome(d) == StageOutcome.Open).ToList();
        var landed = Landed(ledger, request);

        return new SalesReport(
            request,
            stages,
            new PipelineTotals(openDeals.Count, Sum(openDeals, values.Arr), Sum(openDeals, values.Weighted)),
            Conversion(deals.Where(d => request.Covers(d.Created)).ToList(), values),
            Rate(closed, values),
            [.. closed.GroupBy(d => d.Channel ?? None, StringComparer.Ordinal).Select(g => new GroupWinRate(g.Key, Rate([.. g], values))).OrderByDescending(g => g.Figures.WonArr).ThenBy(g => g.Group, StringComparer.Ordinal)],
            [.. closed.GroupBy(d => d.Owner ?? None, StringComparer.Ordinal).Select(g => new GroupWinRate(g.Key, Rate([.. g], values))).OrderByDescending(g => g.Figures.WonArr).ThenBy(g => g.Group, StringComparer.Ordinal)],
            Cycle(won, crm.Pipeline),
            NewArr(landed, won, values, c => c.Channel, d => d.Channel),
            NewArr(landed, won, values, c => c.Owner, d => d.Owner),
            Targets(ledger, crm, request));
    }

    private static Exact Sum(IEnumerable<Deal> deals, Func<Deal, Exact> value) => deals.Aggregate(Exact.Zero, (sum, d) => sum + value(d));

    private static WinRate Rate(IReadOnlyList<Deal> closed, DealValues values)
    {
        var won = closed.Where(d => values.Outcome(d) == StageOutcome.Won).ToList();
        return new WinRate(won.Count, closed.Count - won.Count, Sum(won, values.Arr));
    }

    private static List<StageConversion> Conversion(IReadOnlyList<Deal> cohort, DealValues values)
    {
        var open = values.Pipeline.OpenStages.ToList();
        var furthest = cohort.Select(values.Furthest).ToList();
        var result = new List<StageConversion>();
        for (var i = 0; i < open.Count; i++)
        {
            var next = i + 1 < open.Count ? open[i + 1].Key : values.Pipeline.Won.Key;
            result.Add(new StageConversion(open[i].Key, next, furthest.Count(f => f >= i), furthest.Count(f => f >= i + 1)));
        }

        return result;
    }

    private static SalesCycle Cycle(IReadOnlyList<Deal> won, Pipeline pipeline)
    {
        if (won.Count == 0)
        {
            return new SalesCycle(0, null, null);
        }

        var days = won.Select(d => (long)(d.ClosedOn(pipeline)!.Value.DayNumber - d.Created.DayNumber)).Order().ToList();
        var middle = days.Count / 2;
        Exact median = days.Count % 2 == 1 ? days[middle] : new Exact(days[middle - 1] + days[middle], 2);
        return new SalesCycle(won.Count, new Exact(days.Sum(), days.Count), median);
    }

    /// <summary>Each customer with the new-business MRR it brought in the period (customers without any left out).</summary>
    private static List<(Customer Customer, Exact Mrr)> Landed(RevenueLedger ledger, SalesRequest request) =>
        [.. CustomerRevenue.Analyze(ledger, request.Currency, request.To.LastDay)
            .Select(s => (s.Customer, Mrr: s.Movements.Where(m => m.Type == MovementType.New && request.Covers(m.Date)).Aggregate(Exact.Zero, (sum, m) => sum + m.Amount)))
            .Where(c => !c.Mrr.IsZero)];

    private static List<NewArrGroup> NewArr(
        List<(Customer Customer, Exact Mrr)> landedByCustomer,
        IReadOnlyList<Deal> won,
        DealValues values,
        Func<Customer, string?> customerGroup,
        Func<Deal, string?> dealGroup)
    {
        var landed = new Dictionary<string, (int Customers, Exact Mrr)>(StringComparer.Ordinal);
        foreach (var (customer, mrr) in landedByCustomer)
        {
            var key = customerGroup(customer) ?? None;
            var (customers, total) = landed.GetValueOrDefault(key);
            landed[key] = (customers + 1, total + mrr);
        }

        var booked = won.Where(d => d.Kind == DealKind.NewBusiness).GroupBy(d => dealGroup(d) ?? None, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Deals: g.Count(), Arr: Sum(g, values.Arr)), StringComparer.Ordinal);
        return [.. landed.Keys.Union(booked.Keys)
            .Select(key =>
            {
                var (customers, mrr) = landed.GetValueOrDefault(key);
                var (deals, arr) = booked.GetValueOrDefault(key);
                return new NewArrGroup(key, customers, mrr * 12, deals, arr);
            })
            .OrderByDescending(g => g.Arr).ThenByDescending(g => g.BookedArr).ThenBy(g => g.Group, StringComparer.Ordinal)];
    }

    private static List<TargetAttainment> Targets(RevenueLedger ledger, CrmData crm, SalesRequest request)
    {
        var result = new List<TargetAttainment>();
        foreach (var target in crm.Targets.Where(t => t.End >= request.From && t.Start <= request.To).OrderBy(t => t.Start).ThenBy(t => t.Owner, StringComparer.Ordinal))
        {
            var values = new DealValues(ledger.Fx, crm.Pipeline, target.Currency, request.AsOf);
            var won = crm.Deals.Where(d =>
                d.Kind != DealKind.Renewal &&
                string.Equals(d.Owner, target.Owner, StringComparison.Ordinal) &&
                values.Outcome(d) == StageOutcome.Won &&
                target.Contains(d.ClosedOn(crm.Pipeline)!.Value));
            result.Add(new TargetAttainment(target, Sum(won, values.Arr)));
        }

        return result;
    }
}
