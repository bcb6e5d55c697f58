using RunRate.Engine.Crm;
using RunRate.Engine.Crm.Sales;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Crm;

/// <summary>
/// One hand-computed quarter (docs/crm.md, "Sales analytics" walks through the same figures):
/// five deals, two won, one lost, two open, one of them in EUR at 1.1.
/// </summary>
public sealed class SalesAnalyticsTests
{
    private static readonly SalesRequest Quarter = new(CurrencyCode.Parse("USD"), T.Month("2026-01"), T.Month("2026-03"), T.Day("2026-03-15"));

    private static SalesReport Report() => SalesAnalytics.Compute(Ledger(), Deals(), Quarter);

    private static Engine.Ledger.RevenueLedger Ledger() => new LedgerBuilder()
        .Customer("A", channel: "outbound", owner: "ana")
        .Customer("B", channel: "inbound", owner: "ana")
        .Customer("C", channel: "inbound", owner: "bo")
        .Customer("D", channel: "partner", owner: "bo")
        .Subscription("A", "2026-02-15", null, 1000m)
        .Subscription("C", "2025-06-01", null, 500m, currency: "EUR")
        .Subscription("D", "2026-03-10", null, 250m)
        .Rate("2025-01-01", "EUR", "USD", 1.1m)
        .Build();

    private static CrmData Deals() => new CrmBuilder()
        .Deal("D1", "A", DealKind.NewBusiness, 12000m, "USD", "ana", "outbound", "lead@2026-01-05", "qualified@2026-01-20", "proposal@2026-02-01", "won@2026-02-15")
        .Deal("D2", "B", DealKind.NewBusiness, 6000m, "USD", "ana", "inbound", "lead@2026-01-10", "qualified@2026-01-25", "lost@2026-02-20")
        .Deal("D3", "C", DealKind.Expansion, 10000m, "EUR", "bo", null, "proposal@2026-02-01")
        .Deal("D4", "A", DealKind.CrossSell, 2400m, "USD", "bo", "outbound", "lead@2026-02-10", "negotiation@2026-03-01")
        .Deal("D5", "D", DealKind.NewBusiness, 3000m, "USD", "bo", "partner", "lead@2026-01-15", "won@2026-03-10")
        .Target("ana", "2026-01", 3, 20000m)
        .Target("bo", "2026-03", 1, 2000m)
        .Target("bo", "2026-04", 1, 9000m)
        .Build();

    [Fact]
    public void Pipeline_by_stage_counts_open_deals_and_the_deals_closed_in_the_period_with_weighted_arr()
    {
        var stages = Report().Stages.ToDictionary(s => s.Stage.Key, StringComparer.Ordinal);
        stages["lead"].Deals.ShouldBe(0);
        stages["proposal"].ShouldSatisfyAllConditions(s => s.Deals.ShouldBe(1), s => s.Arr.ShouldBe(T.X(11000m)), s => s.WeightedArr.ShouldBe(T.X(5500m)));
        stages["negotiation"].ShouldSatisfyAllConditions(s => s.Deals.ShouldBe(1), s => s.Arr.ShouldBe(T.X(2400m)), s => s.WeightedArr.ShouldBe(T.X(1800m)));
        stages["won"].ShouldSatisfyAllConditions(s => s.Deals.ShouldBe(2), s => s.Arr.ShouldBe(T.X(15000m)), s => s.WeightedArr.ShouldBe(T.X(15000m)));
        stages["lost"].ShouldSatisfyAllConditions(s => s.Deals.ShouldBe(1), s => s.Arr.ShouldBe(T.X(6000m)), s => s.WeightedArr.ShouldBe(Exact.Zero));
        Report().Open.ShouldBe(new PipelineTotals(2, T.X(13400m), T.X(7300m)));
    }

    [Fact]
    public void Conversion_counts_a_deal_as_passing_every_stage_before_the_furthest_it_reached()
    {
        var conversion = Report().Conversion.Select(c => $"{c.From}>{c.To} {c.Advanced}/{c.Entered}");
        conversion.ShouldBe(["lead>qualified 5/5", "qualified>proposal 4/5", "proposal>negotiation 3/4", "negotiation>won 2/3"]);
        Report().Conversion[1].Rate.ShouldBe(T.X(4, 5));
    }

    [Fact]
    public void Win_rate_is_won_over_closed_overall_by_channel_and_by_owner()
    {
        var report = Report();
        report.WinRate.ShouldBe(new WinRate(2, 1, T.X(15000m)));
        report.WinRate.Rate.ShouldBe(T.X(2, 3));
        report.WinRateByChannel.Select(g => $"{g.Group} {g.Figures.Won}/{g.Figures.Won + g.Figures.Lost} {g.Figures.WonArr}")
            .ShouldBe(["outbound 1/1 12000", "partner 1/1 3000", "inbound 0/1 0"]);
        report.WinRateByOwner.Select(g => $"{g.Group} {g.Figures.Won}/{g.Figures.Won + g.Figures.Lost}").ShouldBe(["ana 1/2", "bo 1/1"]);
    }

    [Fact]
    public void Sales_cycle_is_the_mean_and_median_days_from_creation_to_won()
    {
        Report().Cycle.ShouldBe(new SalesCycle(2, T.X(95, 2), T.X(95, 2)));
    }

    [Fact]
    public void New_arr_by_channel_is_what_landed_in_the_ledger_next_to_what_was_booked()
    {
        var report = Report();
        report.NewArrByChannel.ShouldBe([new NewArrGroup("outbound", 1, T.X(12000m), 1, T.X(12000m)), new NewArrGroup("partner", 1, T.X(3000m), 1, T.X(3000m))]);
        report.NewArrByOwner.Select(g => $"{g.Group} {g.Arr}").ShouldBe(["ana 12000", "bo 3000"]);
    }

    [Fact]
    public void Targets_overlapping_the_period_show_what_their_owner_won_in_them()
    {
        var targets = Report().Targets;
        targets.Select(t => $"{t.Target.Owner} {t.Target.Period} {t.WonArr} {t.Attainment}").ShouldBe(["ana 2026-Q1 12000 3/5", "bo 2026-03 3000 3/2"]);
    }

    [Fact]
    public void A_deal_in_a_currency_without_a_rate_is_named_in_the_error()
    {
        var crm = new CrmBuilder().Deal("X1", "A", DealKind.NewBusiness, 100m, "GBP", null, null, "lead@2026-01-05").Build();
        var error = Should.Throw<Engine.Movements.LedgerConversionException>(() => SalesAnalytics.Compute(Ledger(), crm, Quarter));
        error.Message.ShouldContain("deal X1");
    }
}
