using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Forecast.ForecastFixtures;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>The pipeline layer on the worked example's ledger (as of 2025-03, three months).</summary>
public sealed class ForecastPipelineTests
{
    private static ForecastReport Run(CrmData crm, LedgerFilter? filter = null, RevenueLedger? ledger = null) =>
        ForecastEngine.Forecast(ledger ?? WorkedLedger(), crm, WorkedRequest() with { Filter = filter });

    [Fact]
    public void Open_deals_count_from_the_month_they_are_expected_to_close()
    {
        // 24,000 ARR at 25 % = 500 MRR from May; 6,000 at 10 % = 50 from June.
        var report = Run(WithDeals(OpenDeal("Q", "E", "qualified", 24_000m, "2025-05-31"), OpenDeal("L", "A", "lead", 6_000m, "2025-06-01")));

        report.Months.Select(m => m.Pipeline).ShouldBe([T.X(0m), T.X(500m), T.X(550m)]);
        report.SkippedDeals.ShouldBeEmpty();
    }

    [Fact]
    public void An_overdue_deal_counts_from_the_first_forecast_month()
    {
        var report = Run(WithDeals(OpenDeal("O", "E", "negotiation", 1_200m, "2024-11-15")));

        report.Months.Select(m => m.Pipeline).ShouldBe([T.X(75m), T.X(75m), T.X(75m)]);
    }

    [Fact]
    public void Won_and_lost_deals_are_not_pipeline()
    {
        var report = Run(WithDeals(OpenDeal("W", "E", "won", 120_000m, "2025-04-15"), OpenDeal("X", "E", "lost", 120_000m, "2025-04-15")));

        report.Months.ShouldAllBe(m => m.Pipeline.IsZero);
        report.SkippedDeals.ShouldBeEmpty();
    }

    [Fact]
    public void A_deal_without_an_exchange_rate_is_skipped_with_the_reason()
    {
        var ledger = new LedgerBuilder().Customer("E", segment: "ent").Subscription("E", "2024-06-01", null, 2000m)
            .Rate("2025-05-01", "EUR", "USD", 1.1m).Build();
        var report = Run(WithDeals(OpenDeal("EUR-early", "E", "proposal", 12_000m, "2025-04-20", "EUR"), OpenDeal("EUR-ok", "E", "proposal", 12_000m, "2025-05-02", "EUR")), ledger: ledger);

        // The second deal converts at the rate of its close day: 1,000 × 1.1 × 0.5 = 550 from May.
        report.Months.Select(m => m.Pipeline).ShouldBe([T.X(0m), T.X(550m), T.X(550m)]);
        var skipped = report.SkippedDeals.ShouldHaveSingleItem();
        skipped.Id.ShouldBe(new DealId("EUR-early"));
        skipped.Reason.ShouldContain("EUR→USD");
        skipped.Reason.ShouldContain("2025-04-20");
    }

    [Fact]
    public void Deals_after_the_horizon_or_in_an_unknown_stage_are_skipped_with_the_reason()
    {
        var report = Run(WithDeals(OpenDeal("Late", "E", "proposal", 12_000m, "2025-07-01"), OpenDeal("Odd", "E", "pilot", 12_000m, "2025-04-01")));

        report.Months.ShouldAllBe(m => m.Pipeline.IsZero);
        report.SkippedDeals.Select(s => s.Id.Value).ShouldBe(["Late", "Odd"]);
        report.SkippedDeals[0].Reason.ShouldContain("after the horizon (2025-06)");
        report.SkippedDeals[1].Reason.ShouldContain("'pilot'");
    }

    [Fact]
    public void The_filter_keeps_only_deals_of_accounts_in_scope()
    {
        var crm = WithDeals(OpenDeal("Ent", "E", "proposal", 12_000m, "2025-04-01"), OpenDeal("Smb", "A", "proposal", 2_400m, "2025-04-01"));

        Run(crm, LedgerFilter.All.Where("segment", "smb")).Months[0].Pipeline.ShouldBe(T.X(100m));
        Run(crm, LedgerFilter.All.Where("segment", "ent")).Months[0].Pipeline.ShouldBe(T.X(500m));
        Run(crm).Months[0].Pipeline.ShouldBe(T.X(600m));
    }

    [Fact]
    public void A_filter_that_cannot_be_checked_skips_the_deal_with_the_reason()
    {
        var crm = WithDeals(OpenDeal("Ghost", "Z", "proposal", 12_000m, "2025-04-01"));

        Run(crm).Months[0].Pipeline.ShouldBe(T.X(500m)); // no filter: every open deal counts
        var filtered = Run(crm, LedgerFilter.All.Where("segment", "ent"));
        filtered.Months[0].Pipeline.ShouldBe(Exact.Zero);
        filtered.SkippedDeals.ShouldHaveSingleItem().Reason.ShouldContain("not a ledger customer");
        var byProduct = Run(crm, LedgerFilter.All.Where("product", "core"));
        byProduct.SkippedDeals.ShouldHaveSingleItem().Reason.ShouldContain("product filter");
    }
}
