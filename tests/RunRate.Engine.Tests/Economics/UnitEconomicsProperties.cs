using FsCheck.Xunit;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Economics;

[Properties(MaxTest = 60, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class UnitEconomicsProperties
{
    private const int Window = 3;

    [Property]
    public void Every_figure_has_either_a_value_or_a_reason_and_never_a_value_without_costs(LedgerCase ledgerCase)
    {
        var report = UnitEconomics.Compute(ledgerCase.Ledger(), Request(ledgerCase));

        foreach (var month in report.Months)
        {
            foreach (var figure in Figures(month))
            {
                (figure.Value is null).ShouldBe(figure.Missing is not null);
            }

            month.GrossMargin.Value.ShouldBeNull();
            month.Cac.Value.ShouldBeNull();
            month.Ltv.Value.ShouldBeNull();
            month.LtvToCac.Value.ShouldBeNull();
            month.PaybackMonths.Value.ShouldBeNull();
        }
    }

    [Property]
    public void With_a_cost_every_month_the_figures_are_the_pooled_ratios(LedgerCase ledgerCase)
    {
        var plain = ledgerCase.Ledger();
        var request = Request(ledgerCase);
        var costs = new List<CostEntry>();
        for (var m = request.WindowStart(request.From); m <= request.To; m = m.AddMonths(1))
        {
            costs.Add(new CostEntry(m, CostCategory.Cogs, 10m, CurrencyCode.Usd, null));
            costs.Add(new CostEntry(m, CostCategory.Sales, 20m, CurrencyCode.Usd, "partner"));
        }

        var report = UnitEconomics.Compute(new RevenueLedger(plain.Customers, plain.Lines, plain.Fx, costs), request);
        var bridge = RevenueEngine.Compute(plain, new ReportRequest(CurrencyCode.Usd, request.WindowStart(request.From), request.To));

        foreach (var month in report.Months)
        {
            var window = bridge.Months.Where(f => f.Month >= request.WindowStart(month.Month) && f.Month <= month.Month).ToList();
            var revenue = window.Aggregate(Exact.Zero, (sum, f) => sum + f.ClosingMrr + f.OneTimeRevenue);
            var newCustomers = window.Sum(f => f.NewCustomers);
            month.GrossMargin.Value.ShouldBe(revenue.IsZero ? null : (revenue - (10 * Window)) / revenue);
            month.Cac.Value.ShouldBe(newCustomers == 0 ? null : (Exact)(20 * Window) / newCustomers);
            month.SalesSpend.ShouldBe((Exact)20);
            month.Cogs.ShouldBe((Exact)10);
            foreach (var figure in Figures(month))
            {
                (figure.Value is null).ShouldBe(figure.Missing is not null);
            }
        }
    }

    private static EconomicsRequest Request(LedgerCase c) => new(CurrencyCode.Usd, c.From, c.To, Window);

    private static Figure[] Figures(EconomicsMonth m) => [m.GrossMargin, m.CustomerChurnRate, m.Cac, m.Ltv, m.LtvToCac, m.PaybackMonths];
}
