using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class ProductFilterTests
{
    private static readonly Engine.Ledger.RevenueLedger Ledger = new LedgerBuilder()
        .Customer("A", segment: "smb")
        .Customer("B", segment: "ent")
        .Subscription("A", "2024-01-01", null, 100m, product: "Pro")
        .Addon("A", "2024-02-01", null, 30m, product: "Support")
        .Subscription("B", "2024-01-01", null, 50m, product: "Core")
        .Addon("B", "2024-01-15", "2024-03-01", 20m, product: "support")
        .Build();

    [Fact]
    public void Product_filter_keeps_only_that_products_lines_with_their_own_movements()
    {
        var report = Report(Ledger, "2024-01", "2024-03", LedgerFilter.All.Where("product", "SUPPORT"));

        report.In("2024-01").ClosingMrr.ShouldBe(X(20m));
        var february = report.In("2024-02");
        february.New.ShouldBe(X(30m));
        february.NewCustomers.ShouldBe(1);
        february.Customers.ShouldBe(2);
        february.SubscriptionArr.ShouldBe(Exact.Zero);
        february.AddonArr.ShouldBe(X(600m));
        report.In("2024-03").Churn.ShouldBe(X(-20m));
        ReportAssert.MatchesReference(report, ReferenceModel.Compute(Ledger, report.Request));
    }

    [Fact]
    public void Several_products_are_alternatives()
    {
        var report = Report(Ledger, "2024-02", "2024-02", LedgerFilter.All.Where("product", "pro", "core"));

        report.In("2024-02").ClosingMrr.ShouldBe(X(150m));
        report.In("2024-02").AddonArr.ShouldBe(Exact.Zero);
    }

    [Fact]
    public void Product_and_segment_filters_combine()
    {
        var filter = LedgerFilter.All.Where("product", "support").Where("segment", "ent");

        Report(Ledger, "2024-02", "2024-02", filter).In("2024-02").ClosingMrr.ShouldBe(X(20m));
    }
}
