using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class MovementClassificationTests
{
    [Fact]
    public void Returning_customer_is_a_reactivation_not_new_and_stays_in_its_first_cohort()
    {
        var ledger = new LedgerBuilder()
            .Subscription("R", "2024-01-01", "2024-03-01", 100m)
            .Subscription("R", "2024-06-01", null, 120m)
            .Build();

        var report = Report(ledger, "2024-01", "2024-06");

        report.In("2024-01").NewCustomers.ShouldBe(1);
        report.In("2024-03").Churn.ShouldBe(X(-100m));
        var june = report.In("2024-06");
        june.Reactivation.ShouldBe(X(120m));
        june.ReactivatedCustomers.ShouldBe(1);
        june.New.ShouldBe(Exact.Zero);
        june.NewCustomers.ShouldBe(0);
        var cohort = report.Cohorts.Single();
        cohort.Cohort.ShouldBe(Month("2024-01"));
        cohort.Mrr.ShouldBe(new[] { X(100m), X(100m), 0, 0, 0, X(120m) });
        cohort.RevenueRetention.ShouldBe(new Exact?[] { 1, 1, 0, 0, 0, X(1.2m) });
        cohort.LogoRetention.ShouldBe(new Exact?[] { 1, 1, 0, 0, 0, 1 });
    }

    [Fact]
    public void Customer_active_long_before_the_report_window_comes_back_as_a_reactivation()
    {
        var ledger = new LedgerBuilder()
            .Subscription("R", "2020-01-01", "2020-06-01", 10m)
            .Subscription("R", "2024-02-01", null, 10m)
            .Build();

        var report = Report(ledger, "2024-01", "2024-03");

        report.In("2024-02").ReactivatedCustomers.ShouldBe(1);
        report.In("2024-02").NewCustomers.ShouldBe(0);
        report.Cohorts.ShouldBeEmpty();
    }

    [Fact]
    public void Same_day_upgrade_is_expansion_only()
    {
        var ledger = new LedgerBuilder()
            .Subscription("U", "2024-01-01", "2024-03-15", 100m)
            .Subscription("U", "2024-03-15", null, 150m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.Expansion.ShouldBe(X(50m));
        (march.New, march.Churn, march.Contraction, march.Reactivation).ShouldBe((Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero));
        (march.NewCustomers, march.ChurnedCustomers, march.ReactivatedCustomers).ShouldBe((0L, 0L, 0L));
    }

    [Fact]
    public void Same_day_downgrade_is_contraction_only()
    {
        var ledger = new LedgerBuilder()
            .Subscription("D", "2024-01-01", "2024-03-15", 100m)
            .Subscription("D", "2024-03-15", null, 60m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.Contraction.ShouldBe(X(-40m));
        (march.New, march.Churn, march.Expansion).ShouldBe((Exact.Zero, Exact.Zero, Exact.Zero));
        march.ChurnedCustomers.ShouldBe(0);
    }

    [Fact]
    public void Same_day_quantity_change_is_expansion_of_the_seat_difference()
    {
        var ledger = new LedgerBuilder()
            .Subscription("S", "2024-01-01", "2024-03-10", 9.99m, quantity: 10)
            .Subscription("S", "2024-03-10", null, 9.99m, quantity: 12)
            .Build();

        Report(ledger, "2024-03", "2024-03").In("2024-03").Expansion.ShouldBe(X(19.98m));
    }

    [Fact]
    public void Renewal_at_the_same_mrr_creates_no_movement()
    {
        var ledger = new LedgerBuilder()
            .Subscription("N", "2023-01-01", "2024-01-01", 1200m, interval: 12)
            .Subscription("N", "2024-01-01", null, 100m, interval: 1)
            .Build();

        var january = Report(ledger, "2024-01", "2024-01").In("2024-01");

        january.NetMovement.ShouldBe(Exact.Zero);
        (january.Expansion, january.Contraction, january.Churn, january.New).ShouldBe((Exact.Zero, Exact.Zero, Exact.Zero, Exact.Zero));
        january.ClosingMrr.ShouldBe(X(100m));
    }

    [Fact]
    public void One_time_charges_count_in_revenue_but_never_in_mrr_or_customers()
    {
        var ledger = new LedgerBuilder()
            .OneTime("O", "2024-02-20", 2500m)
            .OneTime("O", "2024-02-21", 0.5m)
            .Build();

        var report = Report(ledger, "2024-01", "2024-03");

        report.In("2024-02").OneTimeRevenue.ShouldBe(X(2500.5m));
        report.In("2024-01").OneTimeRevenue.ShouldBe(Exact.Zero);
        report.Months.ShouldAllBe(m => m.ClosingMrr == Exact.Zero && m.Customers == 0 && m.NewCustomers == 0);
        ReportAssert.MatchesReference(report, ReferenceModel.Compute(ledger, report.Request));
    }
}
