using RunRate.Engine.Economics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Economics;

/// <summary>A figure without its inputs has no value and says why: never a 0 that looks like a measurement.</summary>
public sealed class UnitEconomicsMissingTests
{
    [Fact]
    public void Without_costs_every_cost_figure_is_missing_with_a_reason_and_revenue_figures_stay()
    {
        var report = WorkedExample.Report(WorkedExample.WithoutCosts());
        var march = report.Months.ShouldHaveSingleItem();

        report.HasCosts.ShouldBeFalse();
        report.Channels.ShouldBeEmpty();
        march.Cogs.ShouldBeNull();
        march.SalesSpend.ShouldBeNull();
        march.MarketingSpend.ShouldBeNull();
        march.OtherSpend.ShouldBeNull();
        march.GrossMargin.ShouldBe(Figure.None("needs costs.csv (cogs)"));
        march.Cac.ShouldBe(Figure.None("needs costs.csv (sales, marketing)"));
        march.Ltv.ShouldBe(Figure.None("needs costs.csv (cogs)"));
        march.LtvToCac.ShouldBe(Figure.None("needs costs.csv (cogs)"));
        march.PaybackMonths.ShouldBe(Figure.None("needs costs.csv (sales, marketing)"));
        march.Revenue.ShouldBe(T.X(1100m));
        march.Arpa.ShouldBe(T.X(150m));
        march.CustomerChurnRate.ShouldBe(Figure.Of(T.X(0.125m)));
    }

    [Fact]
    public void Costs_without_cogs_leave_gross_margin_ltv_and_payback_missing_but_give_cac()
    {
        var march = WorkedExample.Report(WorkedExample.Ledger(WorkedExample.Costs.Where(c => c.Category != CostCategory.Cogs))).Months[0];

        march.GrossMargin.ShouldBe(Figure.None("needs costs.csv (cogs): none in 2025-01..2025-03"));
        march.Ltv.Missing.ShouldBe(march.GrossMargin.Missing);
        march.PaybackMonths.Missing.ShouldBe(march.GrossMargin.Missing);
        march.Cac.ShouldBe(Figure.Of(T.X(600m)));
        march.LtvToCac.Missing.ShouldBe(march.GrossMargin.Missing);
    }

    [Fact]
    public void No_churn_in_the_window_makes_ltv_unbounded_not_infinite_or_zero()
    {
        var march = WorkedExample.Report(WorkedExample.Ledger(), window: 1).Months[0];

        march.CustomerChurnRate.ShouldBe(Figure.Of(T.X(0m)));
        march.Ltv.ShouldBe(Figure.None("no customer churn in 2025-03: LTV unbounded"));
        march.LtvToCac.ShouldBe(march.Ltv);
        march.GrossMargin.ShouldBe(Figure.Of(T.X(1010m) / T.X(1100m))); // (1100 − 90) ÷ 1100 in one month
    }

    [Fact]
    public void Zero_acquisition_spend_makes_cac_zero_and_ltv_to_cac_unbounded()
    {
        var costs = WorkedExample.Costs.Select(c => c.Category is CostCategory.Sales or CostCategory.Marketing ? c with { Amount = 0m } : c);
        var march = WorkedExample.Report(WorkedExample.Ledger(costs)).Months[0];

        march.Cac.ShouldBe(Figure.Of(T.X(0m))); // recorded as zero: a measurement
        march.LtvToCac.ShouldBe(Figure.None("no acquisition spend in 2025-01..2025-03: LTV:CAC unbounded"));
        march.PaybackMonths.ShouldBe(Figure.Of(T.X(0m)));
    }

    [Fact]
    public void A_window_without_new_customers_has_no_cac_and_no_payback()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2024-01-01", null, 100m).Build();
        var costs = new[] { WorkedExample.Cost("2025-03", CostCategory.Cogs, 10m), WorkedExample.Cost("2025-03", CostCategory.Marketing, 50m) };
        var march = WorkedExample.Report(new(ledger.Customers, ledger.Lines, ledger.Fx, costs), window: 1).Months[0];

        march.Cac.ShouldBe(Figure.None("no new customers in 2025-03"));
        march.PaybackMonths.ShouldBe(Figure.None("no new MRR in 2025-03"));
        march.CustomerChurnRate.ShouldBe(Figure.Of(T.X(0m)));
        march.GrossMargin.ShouldBe(Figure.Of(T.X(0.9m)));
    }

    [Fact]
    public void An_empty_ledger_has_no_revenue_no_customers_and_says_so()
    {
        var costs = new[] { WorkedExample.Cost("2025-03", CostCategory.Cogs, 10m), WorkedExample.Cost("2025-03", CostCategory.Sales, 50m) };
        var march = WorkedExample.Report(new([], [], null, costs), window: 1).Months[0];

        march.Arpa.ShouldBeNull();
        march.GrossMargin.ShouldBe(Figure.None("no revenue in 2025-03"));
        march.CustomerChurnRate.ShouldBe(Figure.None("no customers at the start of any month in 2025-03"));
        march.Ltv.ShouldBe(Figure.None("no customers at the end of 2025-03"));
        march.PaybackMonths.ShouldBe(march.GrossMargin);
    }

    [Fact]
    public void A_cost_without_an_exchange_rate_is_an_error_naming_the_cost()
    {
        var costs = WorkedExample.Costs.Append(WorkedExample.Cost("2025-02", CostCategory.Marketing, 70m, "GBP", "inbound"));

        var error = Should.Throw<LedgerConversionException>(() => WorkedExample.Report(WorkedExample.Ledger(costs)));

        error.Problems.ShouldBe(["cost 2025-02 marketing 70 GBP (inbound): no GBP→USD exchange rate in fx.csv on or before 2025-02-01"]);
    }

    [Fact]
    public void Costs_convert_at_the_rate_in_force_on_the_first_day_of_their_month()
    {
        var builder = WorkedExample.Revenue().Rate("2025-03-02", "EUR", "USD", 2m);
        var ledger = builder.Build();
        var march = WorkedExample.Report(new(ledger.Customers, ledger.Lines, ledger.Fx, WorkedExample.Costs)).Months[0];

        march.Cogs.ShouldBe(T.X(90m)); // the 2 from 2025-03-02 is not yet in force on 2025-03-01

        var both = WorkedExample.Revenue().Rate("2024-12-01", "USD", "EUR", 0.5m).Build();
        var inEuros = UnitEconomics.Compute(new(both.Customers, both.Lines, both.Fx, WorkedExample.Costs), new EconomicsRequest(WorkedExample.Eur, T.Month("2025-03"), T.Month("2025-03"), 3));
        inEuros.Months[0].Cogs.ShouldBe(T.X(60m)); // already in the reporting currency: as entered
        inEuros.Months[0].SalesSpend.ShouldBe(T.X(150m)); // 300 USD × 0.5
        // Revenue 2100 USD = 1050 EUR; cogs 75 + 90 + 60 = 225 EUR: the EUR cost no longer counts 1.5 times.
        inEuros.Months[0].GrossMargin.ShouldBe(Figure.Of(T.X(825m) / T.X(1050m)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void A_window_outside_1_to_36_months_is_refused(int window) =>
        Should.Throw<ArgumentException>(() => new EconomicsRequest(CurrencyCode.Usd, T.Month("2025-01"), T.Month("2025-03"), window));

    [Fact]
    public void A_reversed_range_is_refused() =>
        Should.Throw<ArgumentException>(() => new EconomicsRequest(CurrencyCode.Usd, T.Month("2025-03"), T.Month("2025-01")));
}
