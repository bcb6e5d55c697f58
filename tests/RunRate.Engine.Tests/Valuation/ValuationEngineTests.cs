using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using RunRate.Engine.Valuation;
using Shouldly;

namespace RunRate.Engine.Tests.Valuation;

public sealed class ValuationEngineTests
{
    /// <summary>
    /// The spec's example as a ledger: a year ago one customer at ARR 10,000,000 ÷ 3 (a three-year contract of
    /// 10,000,000); today it pays 3,500,000 a year (NRR 1.05) and a new customer 1,500,000: ARR 5,000,000, growth 0.5.
    /// </summary>
    private static RevenueLedger SpecExample() => new LedgerBuilder()
        .Customer("A", segment: "ent")
        .Customer("B", segment: "smb")
        .Subscription("A", "2024-01-01", "2025-06-01", 10_000_000m, interval: 36)
        .Subscription("A", "2025-06-01", null, 3_500_000m, interval: 12)
        .Subscription("B", "2025-03-01", null, 1_500_000m, interval: 12)
        .Build();

    private static ValuationReport Value(RevenueLedger ledger, string month = "2025-12", LedgerFilter? filter = null, int steps = 2) =>
        ValuationEngine.Compute(ledger, new ValuationRequest(CurrencyCode.Usd, T.Month(month), filter, Steps: steps));

    [Fact]
    public void The_specs_example_values_at_26_250_000()
    {
        var report = Value(SpecExample());

        report.Arr.ShouldBe(T.X(5_000_000m));
        report.Growth.ShouldBe(T.X(0.5m));
        report.Nrr.ShouldBe(T.X(1.05m));
        report.Valuation.ShouldBe(T.X(26_250_000m));
    }

    [Fact]
    public void The_sensitivity_grid_steps_growth_by_10_points_and_nrr_by_5_around_the_actual_values()
    {
        var report = Value(SpecExample());

        report.GrowthValues.ShouldBe([T.X(0.3m), T.X(0.4m), T.X(0.5m), T.X(0.6m), T.X(0.7m)]);
        report.NrrValues.ShouldBe([T.X(0.95m), T.X(1m), T.X(1.05m), T.X(1.1m), T.X(1.15m)]);
        report.Sensitivity.Count.ShouldBe(5);
        report.Sensitivity.ShouldAllBe(row => row.Count == 5);
        report.Sensitivity[0][0].ShouldBe(T.X(14_250_000m)); // 10 × 5,000,000 × 0.3 × 0.95
        report.Sensitivity[0][4].ShouldBe(T.X(17_250_000m)); // × 0.3 × 1.15
        report.Sensitivity[1][3].ShouldBe(T.X(22_000_000m)); // × 0.4 × 1.10
        report.Sensitivity[2][2].ShouldBe(T.X(26_250_000m)); // the actual valuation
        report.Sensitivity[4][0].ShouldBe(T.X(33_250_000m)); // × 0.7 × 0.95
        report.Sensitivity[4][4].ShouldBe(T.X(40_250_000m)); // × 0.7 × 1.15
    }

    [Fact]
    public void Custom_steps_change_the_grid_and_zero_steps_leave_the_actual_cell_only()
    {
        var wide = ValuationEngine.Compute(SpecExample(), new ValuationRequest(CurrencyCode.Usd, T.Month("2025-12"), GrowthStepPoints: 25m, NrrStepPoints: 2.5m, Steps: 1));
        wide.GrowthValues.ShouldBe([T.X(0.25m), T.X(0.5m), T.X(0.75m)]);
        wide.NrrValues.ShouldBe([T.X(1.025m), T.X(1.05m), T.X(1.075m)]);

        var single = Value(SpecExample(), steps: 0);
        single.Sensitivity.ShouldHaveSingleItem().ShouldHaveSingleItem().ShouldBe(T.X(26_250_000m));
    }

    [Fact]
    public void History_is_the_twelve_months_up_to_the_month_as_the_monthly_report_computes_them()
    {
        var ledger = SpecExample();
        var report = Value(ledger);
        var bridge = RevenueEngine.Compute(ledger, T.Request("2025-01", "2025-12"));

        report.History.Select(h => h.Month.ToString()).ShouldBe(bridge.Months.Select(m => m.Month.ToString()));
        report.History.Select(h => (h.Arr, h.Growth, h.Nrr, h.Valuation)).ShouldBe(bridge.Months.Select(m => (m.Arr, m.GrowthYoy, m.Nrr, m.Valuation)));
        report.History[^1].Valuation.ShouldBe(report.Valuation);
    }

    [Fact]
    public void Without_a_year_ago_base_there_is_no_valuation_no_grid_and_a_statement_saying_why()
    {
        var report = Value(SpecExample(), month: "2024-10");

        report.Arr.ShouldBe(T.X(10_000_000m) / 3);
        report.Growth.ShouldBeNull();
        report.Nrr.ShouldBeNull();
        report.Valuation.ShouldBeNull();
        report.GrowthValues.ShouldBeEmpty();
        report.NrrValues.ShouldBeEmpty();
        report.Sensitivity.ShouldBeEmpty();
        report.Limits.Count.ShouldBe(2);
        report.Limits[1].ShouldStartWith("There is no year-ago base: no recurring revenue at the end of 2023-10");
    }

    [Fact]
    public void The_general_statement_always_comes_first_and_a_small_base_is_named()
    {
        var report = Value(SpecExample());

        report.Limits[0].ShouldContain("rule of thumb");
        report.Limits[0].ShouldContain("not a valuation");
        report.Limits.Count.ShouldBe(2);
        report.Limits[1].ShouldStartWith("Only 1 customer(s) were active at the end of 2024-12");
    }

    [Fact]
    public void Shrinking_revenue_is_stated_as_the_rule_not_applying()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", "2025-06-01", 100m)
            .Subscription("A", "2025-06-01", null, 80m)
            .Build();

        var report = Value(ledger);

        report.Growth.ShouldBe(T.X(-0.2m));
        report.Valuation.ShouldBe(T.X(-1536m)); // 10 × 960 × −0.2 × 0.8, as the rule computes it
        report.Limits.ShouldContain(l => l.StartsWith("Growth is -20.0 %, zero or negative", StringComparison.Ordinal));
        report.Limits.ShouldContain(l => l.StartsWith("NRR is 80.0 %, below 100 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Very_high_growth_and_a_filter_are_stated()
    {
        var builder = new LedgerBuilder();
        for (var i = 0; i < 12; i++)
        {
            builder.Customer($"C{i}", segment: "smb").Subscription($"C{i}", i < 10 ? "2024-06-01" : "2025-06-01", null, i < 10 ? 100m : 1000m);
        }

        var report = Value(builder.Build(), filter: LedgerFilter.All.Where("segment", "smb"));

        report.Growth.ShouldBe(T.X(2m)); // 3000 ÷ 1000 − 1
        report.Limits.ShouldContain(l => l.StartsWith("Growth is 200.0 %, above 100 % a year", StringComparison.Ordinal));
        report.Limits.ShouldContain(l => l.StartsWith("This values a part of the ledger", StringComparison.Ordinal));
        report.Limits.ShouldNotContain(l => l.StartsWith("Only ", StringComparison.Ordinal)); // ten customers a year ago
        report.Limits.ShouldNotContain(l => l.StartsWith("NRR is", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 5, 2)]
    [InlineData(-10, 5, 2)]
    [InlineData(10, 101, 2)]
    [InlineData(10, 5, -1)]
    [InlineData(10, 5, 11)]
    public void Bad_grid_parameters_are_refused(int growthStep, int nrrStep, int steps) =>
        Should.Throw<ArgumentException>(() => new ValuationRequest(CurrencyCode.Usd, T.Month("2025-12"), null, growthStep, nrrStep, steps));
}
