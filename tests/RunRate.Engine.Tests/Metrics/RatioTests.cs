using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class RatioTests
{
    [Fact]
    public void Quick_ratio_is_null_when_nothing_churned_or_contracted()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", "2024-03-10", 100m)
            .Subscription("A", "2024-03-10", null, 130m)
            .Subscription("B", "2024-03-02", null, 50m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        (march.New + march.Expansion).ShouldBe(X(80m));
        march.QuickRatio.ShouldBeNull();
        march.GrossMrrChurnRate.ShouldBe(Exact.Zero);
        march.NetMrrChurnRate.ShouldBe(X(-30, 100));
    }

    [Fact]
    public void Quick_ratio_and_mrr_churn_rates_follow_their_definitions()
    {
        // Opening: A 100, B 50. April: A upgrades to 130 (+30), B churns (-50), C joins (+40).
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", "2024-04-10", 100m)
            .Subscription("A", "2024-04-10", null, 130m)
            .Subscription("B", "2024-01-01", "2024-04-20", 50m)
            .Subscription("C", "2024-04-15", null, 40m)
            .Build();

        var april = Report(ledger, "2024-04", "2024-04").In("2024-04");

        april.QuickRatio.ShouldBe(X(7, 5));
        april.GrossMrrChurnRate.ShouldBe(X(1, 3));
        april.NetMrrChurnRate.ShouldBe(X(2, 15));
        april.Arpa.ShouldBe(X(85m));
    }

    [Fact]
    public void Nrr_grr_growth_and_valuation_are_null_without_a_year_ago_base()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2024-01-01", null, 100m).Build();

        var report = Report(ledger, "2024-01", "2025-01");

        report.Months.Take(12).ShouldAllBe(m => m.Nrr == null && m.Grr == null && m.GrowthYoy == null && m.Valuation == null);
        var january = report.In("2025-01");
        january.Nrr.ShouldBe(Exact.One);
        january.Grr.ShouldBe(Exact.One);
        january.GrowthYoy.ShouldBe(Exact.Zero);
        january.Valuation.ShouldBe(Exact.Zero);
    }

    [Fact]
    public void Grr_caps_each_customer_at_its_year_ago_mrr_while_nrr_does_not()
    {
        // A year ago A, B and C paid 100 each. Now A 150, B 50, C gone, and newcomer D pays 1000.
        var ledger = new LedgerBuilder()
            .Subscription("A", "2023-01-01", "2024-02-01", 100m)
            .Subscription("A", "2024-02-01", null, 150m)
            .Subscription("B", "2023-01-01", "2024-02-01", 100m)
            .Subscription("B", "2024-02-01", null, 50m)
            .Subscription("C", "2023-01-01", "2024-02-01", 100m)
            .Subscription("D", "2024-02-01", null, 1000m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.Nrr.ShouldBe(X(2, 3));
        march.Grr.ShouldBe(X(1, 2));
        march.GrowthYoy.ShouldBe(X(3m));
        march.Valuation.ShouldBe(10 * X(1200m * 12) * 3 * X(2, 3));
    }

    [Fact]
    public void Nrr_is_null_when_nobody_was_active_a_year_ago_even_if_customers_existed_before()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2022-01-01", "2023-01-01", 100m)
            .Subscription("B", "2024-01-01", null, 100m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.Nrr.ShouldBeNull();
        march.Grr.ShouldBeNull();
        march.GrowthYoy.ShouldBeNull();
        march.Valuation.ShouldBeNull();
        march.Arpa.ShouldBe(X(100m));
    }
}
