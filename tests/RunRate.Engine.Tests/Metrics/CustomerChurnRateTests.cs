using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class CustomerChurnRateTests
{
    [Fact]
    public void Customer_who_joins_and_leaves_in_the_same_month_is_not_in_customer_churn_rate()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2023-12-01", null, 100m)
            .Subscription("B", "2024-03-05", "2024-03-20", 40m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.NewCustomers.ShouldBe(1);
        march.ChurnedCustomers.ShouldBe(1);
        march.OpeningCustomers.ShouldBe(1);
        march.CustomerChurnRate.ShouldBe(X(0m));
    }

    [Fact]
    public void Customer_churn_rate_is_opening_customers_that_churned_over_opening_customers()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2023-12-01", null, 100m)
            .Subscription("B", "2023-12-01", "2024-03-10", 100m)
            .Subscription("C", "2023-12-01", null, 100m)
            .Subscription("D", "2024-03-05", "2024-03-20", 40m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.ChurnedCustomers.ShouldBe(2);
        march.CustomerChurnRate.ShouldBe(X(1, 3));
    }

    [Fact]
    public void Opening_customer_that_churns_and_returns_within_the_month_counts_once()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2023-12-01", null, 100m)
            .Subscription("C", "2023-12-01", "2024-03-05", 100m)
            .Subscription("C", "2024-03-20", "2024-03-25", 100m)
            .Subscription("C", "2024-03-28", null, 100m)
            .Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.ChurnedCustomers.ShouldBe(2);
        march.ReactivatedCustomers.ShouldBe(2);
        march.CustomerChurnRate.ShouldBe(X(1, 2));
    }

    [Fact]
    public void Customer_churn_rate_is_null_without_customers_at_opening()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2024-03-05", "2024-03-20", 40m).Build();

        var march = Report(ledger, "2024-03", "2024-03").In("2024-03");

        march.ChurnedCustomers.ShouldBe(1);
        march.CustomerChurnRate.ShouldBeNull();
        march.GrossMrrChurnRate.ShouldBeNull();
        march.NetMrrChurnRate.ShouldBeNull();
    }
}
