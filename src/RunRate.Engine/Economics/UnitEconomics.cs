using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>
/// Unit economics: what a customer costs to win (CAC), what it is worth (LTV), how long it takes to earn
/// the spend back (payback), from the ledger's revenue and the costs of costs.csv. Pure and exact like the
/// revenue engine it builds on (<see cref="RevenueEngine.Compute"/> gives every revenue figure). A figure
/// whose inputs are not there is a <see cref="Figure"/> with the reason, never a 0.
/// </summary>
public static class UnitEconomics
{
    /// <summary>Computes every month of the request and the channel breakdown of the window ending at its last month.</summary>
    /// <exception cref="LedgerConversionException">A line or a cost in the range has no exchange rate into the reporting currency.</exception>
    public static EconomicsReport Compute(RevenueLedger ledger, EconomicsRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        var first = request.WindowStart(request.From);
        var bridge = RevenueEngine.Compute(ledger, new ReportRequest(request.Currency, first, request.To));
        var costs = CostBook.Build(ledger, request.Currency, first, request.To);
        var months = new List<EconomicsMonth>(request.To.MonthsSince(request.From) + 1);
        EconomicsWindow? last = null;
        for (var month = request.From; month <= request.To; month = month.AddMonths(1))
        {
            last = EconomicsWindow.Of(bridge, costs, request.WindowStart(month), month);
            months.Add(Month(bridge[month], costs, last));
        }

        return new EconomicsReport(request, costs.HasCosts, months, ChannelBreakdown.Compute(ledger, request, costs, last!));
    }

    private static EconomicsMonth Month(MonthFigures f, CostBook costs, EconomicsWindow w)
    {
        var own = costs.Month(f.Month);
        var grossMargin = GrossMargin(costs, w);
        var churn = w.OpeningCustomers == 0
            ? Figure.None($"no customers at the start of any month in {w.Label}")
            : Figure.Of(new Exact(w.ChurnedFromOpening, w.OpeningCustomers));
        var cac = Cac(costs, w);
        var ltv = Ltv(f, w, grossMargin, churn);
        return new EconomicsMonth(
            f.Month,
            f.ClosingMrr + f.OneTimeRevenue,
            own?.Cogs,
            own?.Sales,
            own?.Marketing,
            own?.Other,
            f.NewCustomers,
            f.New,
            f.Arpa,
            grossMargin,
            churn,
            cac,
            ltv,
            LtvToCac(w, ltv, cac),
            Payback(costs, w, grossMargin));
    }

    private static Figure GrossMargin(CostBook costs, EconomicsWindow w)
    {
        if (w.CostsMissing(costs, "cogs", w.AnyCogs) is { } missing)
        {
            return Figure.None(missing);
        }

        return w.Revenue.IsZero ? Figure.None($"no revenue in {w.Label}") : Figure.Of((w.Revenue - w.Cogs) / w.Revenue);
    }

    private static Figure Cac(CostBook costs, EconomicsWindow w)
    {
        if (w.CostsMissing(costs, "sales, marketing", w.AnyAcquisition) is { } missing)
        {
            return Figure.None(missing);
        }

        return w.NewCustomers == 0 ? Figure.None($"no new customers in {w.Label}") : Figure.Of(w.Acquisition / w.NewCustomers);
    }

    private static Figure Ltv(MonthFigures f, EconomicsWindow w, Figure grossMargin, Figure churn)
    {
        if (f.Arpa is not { } arpa)
        {
            return Figure.None($"no customers at the end of {f.Month}");
        }

        if (grossMargin.Value is not { } margin)
        {
            return grossMargin;
        }

        if (churn.Value is not { } rate)
        {
            return churn;
        }

        return rate.IsZero ? Figure.None($"no customer churn in {w.Label}: LTV unbounded") : Figure.Of(arpa * margin / rate);
    }

    private static Figure LtvToCac(EconomicsWindow w, Figure ltv, Figure cac)
    {
        if (ltv.Value is not { } value)
        {
            return ltv;
        }

        if (cac.Value is not { } cost)
        {
            return cac;
        }

        return cost.IsZero ? Figure.None($"no acquisition spend in {w.Label}: LTV:CAC unbounded") : Figure.Of(value / cost);
    }

    private static Figure Payback(CostBook costs, EconomicsWindow w, Figure grossMargin)
    {
        if (w.CostsMissing(costs, "sales, marketing", w.AnyAcquisition) is { } missing)
        {
            return Figure.None(missing);
        }

        if (grossMargin.Value is not { } margin)
        {
            return grossMargin;
        }

        if (w.NewMrr.IsZero)
        {
            return Figure.None($"no new MRR in {w.Label}");
        }

        return margin.Sign <= 0
            ? Figure.None($"gross margin is not positive in {w.Label}: acquisition spend is never paid back")
            : Figure.Of(w.Acquisition / (w.NewMrr * margin));
    }
}
