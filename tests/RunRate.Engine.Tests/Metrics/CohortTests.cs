using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class CohortTests
{
    private static readonly Engine.Ledger.RevenueLedger Ledger = new LedgerBuilder()
        .Subscription("A", "2023-11-05", null, 10m)          // new before the range
        .Subscription("B", "2024-02-01", null, 100m)
        .Subscription("C", "2024-02-20", "2024-04-01", 50m)
        .Subscription("C", "2024-05-01", null, 80m)          // reactivates: stays in February's cohort
        .Subscription("D", "2024-04-10", "2024-05-15", 30m)
        .Subscription("E", "2024-08-01", null, 70m)          // new after the range
        .Build();

    [Fact]
    public void Cohorts_are_the_range_months_that_acquired_customers_and_run_to_the_end_of_the_range()
    {
        var report = Report(Ledger, "2024-01", "2024-06");

        report.Cohorts.Select(c => c.Cohort).ShouldBe([Month("2024-02"), Month("2024-04")]);
        var february = report.Cohorts[0];
        february.Customers.ShouldBe(2);
        february.Mrr.ShouldBe(new[] { X(150m), X(150m), X(100m), X(180m), X(180m) });
        february.RevenueRetention.ShouldBe(new Exact?[] { 1, 1, X(2, 3), X(6, 5), X(6, 5) });
        february.LogoRetention.ShouldBe(new Exact?[] { 1, 1, X(1, 2), 1, 1 });

        var april = report.Cohorts[1];
        april.Customers.ShouldBe(1);
        april.Mrr.ShouldBe(new[] { X(30m), 0, 0 });
        april.LogoRetention.ShouldBe(new Exact?[] { 1, 0, 0 });
        ReportAssert.MatchesReference(report, ReferenceModel.Compute(Ledger, report.Request));
    }

    [Fact]
    public void A_report_starting_later_leaves_earlier_cohorts_out()
    {
        var report = Report(Ledger, "2024-03", "2024-06");

        report.Cohorts.Select(c => c.Cohort).ShouldBe([Month("2024-04")]);
    }
}
