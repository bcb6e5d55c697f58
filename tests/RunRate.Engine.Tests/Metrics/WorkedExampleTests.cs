using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

/// <summary>Spec section 6, built from ledgers.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void Mrr_of_10_000_is_arr_of_120_000()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2024-01-01", null, 10_000m).Build();

        var month = Report(ledger, "2024-01", "2024-01").In("2024-01");

        month.ClosingMrr.ShouldBe(X(10_000m));
        month.Arr.ShouldBe(X(120_000m));
        month.SubscriptionArr.ShouldBe(X(120_000m));
    }

    [Fact]
    public void An_annual_contract_of_120_000_is_mrr_of_10_000()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2024-01-01", null, 120_000m, interval: 12).Build();

        Report(ledger, "2024-01", "2024-01").In("2024-01").ClosingMrr.ShouldBe(X(10_000m));
    }

    [Fact]
    public void Subscriptions_plus_maintenance_minus_cancellations_then_new_customers_make_11_3_million_arr()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", null, 9_800_000m, interval: 12)
            .Addon("A", "2024-01-01", null, 1_000_000m, interval: 12, product: "maintenance")
            .Subscription("B", "2024-01-01", "2024-03-01", 200_000m, interval: 12)
            .Subscription("C", "2024-04-01", null, 500_000m, interval: 12)
            .Build();

        var report = Report(ledger, "2024-02", "2024-04");

        var before = report.In("2024-02");
        before.SubscriptionArr.ShouldBe(X(10_000_000m));
        before.AddonArr.ShouldBe(X(1_000_000m));
        before.Arr.ShouldBe(X(11_000_000m));

        var cancelled = report.In("2024-03");
        cancelled.Arr.ShouldBe(X(10_800_000m));
        cancelled.Churn.ShouldBe(X(-200_000, 12));
        cancelled.ChurnedCustomers.ShouldBe(1);

        var grown = report.In("2024-04");
        grown.Arr.ShouldBe(X(11_300_000m));
        grown.New.ShouldBe(X(500_000, 12));
        grown.NewCustomers.ShouldBe(1);
        grown.SubscriptionArr.ShouldBe(X(10_300_000m));
        grown.AddonArr.ShouldBe(X(1_000_000m));
        ReportAssert.MatchesReference(report, ReferenceModel.Compute(ledger, report.Request));
    }

    [Fact]
    public void Arr_of_5_million_growing_50_percent_with_nrr_1_05_is_valued_at_26_25_million()
    {
        // A year ago: A alone at 10M per 36 months (ARR 3,333,333.33...). Now A also pays 0.5M per
        // 36 months of add-ons (NRR (10.5 / 36) ÷ (10 / 36) = 1.05) and B joined at 1.5M a year.
        var ledger = new LedgerBuilder()
            .Subscription("A", "2023-01-01", null, 10_000_000m, interval: 36)
            .Addon("A", "2024-02-01", null, 500_000m, interval: 36)
            .Subscription("B", "2024-03-01", null, 1_500_000m, interval: 12)
            .Build();

        var report = Report(ledger, "2024-06", "2024-06");
        var month = report.In("2024-06");

        month.Arr.ShouldBe(X(5_000_000m));
        month.GrowthYoy.ShouldBe(X(0.5m));
        month.Nrr.ShouldBe(X(1.05m));
        month.Grr.ShouldBe(X(1m));
        month.Valuation.ShouldBe(X(26_250_000m));
        ReportAssert.MatchesReference(report, ReferenceModel.Compute(ledger, report.Request));
    }
}
