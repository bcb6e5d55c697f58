using RunRate.Engine.Economics;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Economics;

/// <summary>
/// Every figure of the worked example, against the hand computation (docs/unit-economics.md):
/// window 2025-01..2025-03 (3 months), reporting in USD.
/// </summary>
public sealed class UnitEconomicsWorkedExampleTests
{
    private readonly EconomicsMonth _march = WorkedExample.Report(WorkedExample.Ledger()).Months.ShouldHaveSingleItem();

    [Fact]
    public void The_months_own_amounts_are_revenue_costs_and_new_business_of_march()
    {
        // Closing MRR A 100 + C 150 + D 300 + E 50 = 600, plus E's one-time fee 500.
        _march.Revenue.ShouldBe(T.X(1100m));
        _march.Cogs.ShouldBe(T.X(90m)); // 60 EUR × 1.5
        _march.SalesSpend.ShouldBe(T.X(300m));
        _march.MarketingSpend.ShouldBe(T.X(100m));
        _march.OtherSpend.ShouldBe(T.X(0m)); // the month has costs, none of them other
        _march.NewCustomers.ShouldBe(1);
        _march.NewMrr.ShouldBe(T.X(50m));
        _march.Arpa.ShouldBe(T.X(150m)); // 600 ÷ 4 customers
    }

    [Fact]
    public void Gross_margin_is_pooled_revenue_less_cogs_over_revenue()
    {
        // Revenue 450 + 550 + 1100 = 2100; cogs 150 + 180 + 90 = 420; (2100 − 420) ÷ 2100 = 0.8.
        _march.GrossMargin.ShouldBe(Figure.Of(T.X(0.8m)));
    }

    [Fact]
    public void Customer_churn_is_churned_from_opening_over_opening_customers_pooled()
    {
        // Opening customers Jan 2 (A, B), Feb 3 (A, B, C), Mar 3 (A, C, D); B churned in Feb: 1 ÷ 8.
        _march.CustomerChurnRate.ShouldBe(Figure.Of(T.X(0.125m)));
    }

    [Fact]
    public void Cac_is_sales_and_marketing_over_new_customers()
    {
        // Spend 700 + 700 + 400 = 1800 (tagged and untagged); new customers C, D, E = 3.
        _march.Cac.ShouldBe(Figure.Of(T.X(600m)));
    }

    [Fact]
    public void Ltv_is_arpa_times_gross_margin_over_churn()
    {
        // 150 × 0.8 ÷ 0.125 = 960.
        _march.Ltv.ShouldBe(Figure.Of(T.X(960m)));
        _march.LtvToCac.ShouldBe(Figure.Of(T.X(1.6m))); // 960 ÷ 600
    }

    [Fact]
    public void Payback_is_spend_over_new_mrr_times_gross_margin()
    {
        // New MRR 150 + 300 + 50 = 500; 1800 ÷ (500 × 0.8) = 4.5 months.
        _march.PaybackMonths.ShouldBe(Figure.Of(T.X(4.5m)));
    }

    [Fact]
    public void Channels_match_spend_to_customers_ignoring_case_and_untagged_spend_counts_only_in_the_total()
    {
        var channels = WorkedExample.Report(WorkedExample.Ledger()).Channels;

        channels.Select(c => c.Channel).ShouldBe(["inbound", "outbound", ChannelEconomics.Untagged]);
        var inbound = channels[0];
        inbound.Spend.ShouldBe(T.X(400m));
        inbound.MarketingSpend.ShouldBe(T.X(400m));
        inbound.NewCustomers.ShouldBe(1);
        inbound.NewMrr.ShouldBe(T.X(150m));
        inbound.Cac.ShouldBe(Figure.Of(T.X(400m)));
        var outbound = channels[1];
        outbound.SalesSpend.ShouldBe(T.X(1000m)); // "outbound" and "Outbound" are one channel
        outbound.Cac.ShouldBe(Figure.Of(T.X(1000m)));
        var untagged = channels[2];
        untagged.Spend.ShouldBe(T.X(400m));
        untagged.NewCustomers.ShouldBe(1); // E has no channel
        untagged.Cac.Value.ShouldBeNull();
        untagged.Cac.Missing.ShouldNotBeNull().ShouldContain("only in the total");
        channels.Aggregate(T.X(0m), (sum, c) => sum + c.Spend).ShouldBe(T.X(1800m));
    }

    [Fact]
    public void A_window_reaching_before_the_first_costs_has_no_cost_figures_and_says_which_months_lack_them()
    {
        var report = WorkedExample.Report(WorkedExample.Ledger(), from: "2025-01", to: "2025-03");

        var january = report.Months[0];
        january.Cogs.ShouldBe(T.X(150m));
        january.OtherSpend.ShouldBe(T.X(1000m));
        january.GrossMargin.Value.ShouldBeNull();
        january.GrossMargin.Missing.ShouldBe("costs.csv has no rows for 2024-11..2024-12; the window 2024-11..2025-01 needs every month");
        january.Cac.Missing.ShouldBe(january.GrossMargin.Missing);
        january.CustomerChurnRate.Value.ShouldBe(T.X(0m)); // revenue figures do not need costs
        report.Months[2].ShouldBe(_march);
    }
}
