using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class ChurnToZeroTests
{
    // 300/7 + 33.33/7 + 18.51/7 has no finite decimal expansion: a decimal sum would keep a residue.
    private static LedgerBuilder SevenMonthLines() => new LedgerBuilder()
        .Subscription("X", "2024-01-10", "2024-05-01", 100m, interval: 7, quantity: 3)
        .Addon("X", "2024-02-15", "2024-05-01", 33.33m, interval: 7)
        .Subscription("X", "2024-01-10", "2024-04-20", 12.34m, interval: 7, quantity: 1.5m)
        .Subscription("Y", "2023-06-01", null, 50m);

    [Fact]
    public void Customer_whose_interval_7_lines_all_ended_returns_to_exactly_zero_mrr_and_is_not_active()
    {
        var ledger = SevenMonthLines().Build();
        var report = Report(ledger, "2024-01", "2024-06");

        var may = report.In("2024-05");
        may.Churn.ShouldBe(-X(333.33m) / 7);
        may.ChurnedCustomers.ShouldBe(1);
        may.ClosingMrr.ShouldBe(X(50m));
        may.Customers.ShouldBe(1);
        may.Arpa.ShouldBe(X(50m));

        var xOnly = Report(ledger, "2024-01", "2024-06", Engine.Metrics.LedgerFilter.All.Where("customer_id", "X"));
        xOnly.In("2024-04").Contraction.ShouldBe(-X(18.51m) / 7);
        xOnly.In("2024-05").ClosingMrr.ShouldBe(Exact.Zero);
        xOnly.In("2024-05").ClosingMrr.IsZero.ShouldBeTrue();
        xOnly.In("2024-06").Customers.ShouldBe(0);
        xOnly.In("2024-06").Arpa.ShouldBeNull();
        xOnly.Cohorts.Single().LogoRetention.ShouldBe(new Exact?[] { 1, 1, 1, 1, 0, 0 });
        ReportAssert.MatchesReference(report, ReferenceModel.Compute(ledger, report.Request));
    }

    [Fact]
    public void Free_plan_is_never_a_customer()
    {
        var ledger = new LedgerBuilder().Subscription("F", "2024-01-01", null, 0m, quantity: 25).Build();

        var report = Report(ledger, "2024-01", "2024-03");

        report.Months.ShouldAllBe(m => m.Customers == 0 && m.NewCustomers == 0 && m.ClosingMrr == Exact.Zero);
        report.Cohorts.ShouldBeEmpty();
    }

    [Fact]
    public void Customer_moving_from_a_free_plan_to_a_paid_one_is_new_when_it_starts_paying()
    {
        var ledger = new LedgerBuilder()
            .Subscription("G", "2024-01-01", "2024-03-01", 0m)
            .Subscription("G", "2024-03-01", null, 20m)
            .Build();

        var report = Report(ledger, "2024-01", "2024-03");

        report.In("2024-01").NewCustomers.ShouldBe(0);
        report.In("2024-03").NewCustomers.ShouldBe(1);
        report.In("2024-03").New.ShouldBe(X(20m));
        report.Cohorts.Single().Cohort.ShouldBe(Month("2024-03"));
    }
}
