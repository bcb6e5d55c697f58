using RunRate.Engine.Crm;
using RunRate.Engine.Crm.Signals;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Crm;

public sealed class SignalEngineTests
{
    private static SignalOptions On(string day) => new(CurrencyCode.Parse("USD"), T.Day(day));

    private static IReadOnlyList<Signal> Signals(Engine.Ledger.RevenueLedger ledger, CrmData crm, string day, SignalKind kind) =>
        [.. SignalEngine.Compute(ledger, crm, On(day)).Where(s => s.Kind == kind)];

    [Fact]
    public void An_account_moves_into_churn_risk_when_a_payment_fails_and_out_when_a_later_one_succeeds()
    {
        var ledger = new LedgerBuilder().Subscription("X", "2025-09-01", null, 12000m, interval: 12).Build();
        var quiet = new CrmBuilder();
        Signals(ledger, quiet.Build(), "2026-04-15", SignalKind.ChurnRisk).ShouldBeEmpty();

        var failed = quiet.Payment("X", "2026-04-01", succeeded: false, "in_1");
        var risk = Signals(ledger, failed.Build(), "2026-04-15", SignalKind.ChurnRisk).ShouldHaveSingleItem();
        risk.Reasons.ShouldHaveSingleItem().ShouldBe(new SignalReason("failed_payment", "Payment failed on 2026-04-01 (invoice in_1) and no payment has succeeded since", 30));
        risk.ShouldSatisfyAllConditions(r => r.Score.ShouldBe(30), r => r.Level.ShouldBe("medium"), r => r.Arr.ShouldBe(T.X(12000m)));

        var paid = failed.Payment("X", "2026-04-05", succeeded: true, "in_1");
        Signals(ledger, paid.Build(), "2026-04-15", SignalKind.ChurnRisk).ShouldBeEmpty();
    }

    [Fact]
    public void A_renewal_inside_the_window_is_a_reason_with_its_day_and_arr()
    {
        var ledger = new LedgerBuilder().Subscription("X", "2025-09-01", null, 12000m, interval: 12, product: "Pro", id: "L1").Build();
        Signals(ledger, CrmData.Empty, "2026-05-01", SignalKind.ChurnRisk).ShouldBeEmpty();
        var reason = Signals(ledger, CrmData.Empty, "2026-07-01", SignalKind.ChurnRisk).Single().Reasons.Single();
        reason.ShouldBe(new SignalReason("renewal_due", "Renewal of Pro (line L1) (12,000.00 USD ARR) is due on 2026-09-01, in 62 days", 20));
    }

    [Fact]
    public void Lines_renewing_together_are_one_reason_weighted_by_how_close_the_renewal_is()
    {
        var ledger = new LedgerBuilder()
            .Subscription("X", "2025-12-10", null, 12000m, interval: 12, product: "Pro", id: "L1")
            .Addon("X", "2025-12-10", null, 1200m, interval: 12, product: "SSO", id: "L2")
            .Build();
        var reason = Signals(ledger, CrmData.Empty, "2026-11-23", SignalKind.ChurnRisk).Single().Reasons.ShouldHaveSingleItem();
        reason.ShouldBe(new SignalReason("renewal_due", "Renewal of Pro (line L1), SSO (line L2) (13,200.00 USD ARR) is due on 2026-12-10, in 17 days", 30));
    }

    [Fact]
    public void A_scheduled_end_without_a_successor_weighs_more_than_a_renewal()
    {
        var ledger = new LedgerBuilder().Subscription("X", "2025-01-01", "2026-05-01", 100m, product: "Basic", id: "L1").Build();
        var reason = Signals(ledger, CrmData.Empty, "2026-04-15", SignalKind.ChurnRisk).Single().Reasons.Single();
        reason.ShouldBe(new SignalReason("line_ending", "Basic (line L1) ends from 2026-05-01, in 16 days, with no renewal line (1,200.00 USD ARR)", 40));
    }

    [Fact]
    public void Contraction_history_and_silence_add_up_and_each_is_listed()
    {
        var ledger = new LedgerBuilder()
            .Subscription("Y", "2025-01-01", "2026-03-01", 100m, quantity: 10)
            .Subscription("Y", "2026-03-01", null, 100m, quantity: 6)
            .Subscription("Z", "2025-01-01", null, 50m)
            .Build();
        var crm = new CrmBuilder().Activity("Y", "2026-01-01").Activity("Z", "2026-04-10").Build();
        var risk = Signals(ledger, crm, "2026-04-15", SignalKind.ChurnRisk).ShouldHaveSingleItem();
        risk.Account.Id.Value.ShouldBe("Y");
        risk.Reasons.Select(r => r.Code).ShouldBe(["contraction", "no_activity"]);
        risk.Reasons[0].Text.ShouldBe("ARR contracted by 4,800.00 USD in the last 6 months (1 contraction, last on 2026-03-01)");
        risk.Reasons[1].Text.ShouldBe("No activity for 104 days (last on 2026-01-01; the threshold is 45)");
        risk.Score.ShouldBe(45);
    }

    [Fact]
    public void An_account_without_the_add_on_most_of_its_segment_has_is_a_cross_sell_candidate()
    {
        var builder = new LedgerBuilder();
        foreach (var id in new[] { "S1", "S2", "S3", "S4" })
        {
            builder.Customer(id, segment: "SMB").Subscription(id, "2025-01-01", null, 100m, product: "Team");
        }

        builder.Addon("S1", "2025-02-01", null, 20m, product: "Support").Addon("S2", "2025-02-01", null, 20m, product: "Support").Addon("S3", "2025-02-01", null, 20m, product: "Support");
        var signal = Signals(builder.Build(), CrmData.Empty, "2026-04-15", SignalKind.CrossSell).ShouldHaveSingleItem();
        signal.Account.Id.Value.ShouldBe("S4");
        signal.Reasons.ShouldHaveSingleItem().ShouldBe(new SignalReason("addon_gap", "100% of SMB accounts (3 of 3) have Support; this account does not", 60));
    }

    [Fact]
    public void Seat_growth_and_peers_on_a_higher_tier_make_an_upsell_candidate()
    {
        var builder = new LedgerBuilder();
        foreach (var id in new[] { "M1", "M2", "M3" })
        {
            builder.Customer(id, segment: "Mid").Subscription(id, "2025-01-01", null, 300m, quantity: 5, product: "Pro");
        }

        builder.Customer("M4", segment: "Mid")
            .Subscription("M4", "2025-06-01", "2026-02-01", 100m, quantity: 10, product: "Basic")
            .Subscription("M4", "2026-02-01", null, 100m, quantity: 14, product: "Basic");
        var signal = Signals(builder.Build(), CrmData.Empty, "2026-04-15", SignalKind.Upsell).ShouldHaveSingleItem();
        signal.Account.Id.Value.ShouldBe("M4");
        signal.Reasons.ShouldBe(
        [
            new SignalReason("seat_growth", "Seats on Basic grew from 10 to 14 since 2025-10-15 (+40%)", 30),
            new SignalReason("higher_tier_peers", "100% of Mid accounts (3 of 3) are on a higher tier than Basic (most of them on Pro); this account is on Basic", 35),
        ]);
        signal.Score.ShouldBe(65);
        signal.Level.ShouldBe("high");
    }

    [Fact]
    public void Every_signal_has_at_least_one_reason_and_its_score_is_their_capped_sum()
    {
        var builder = new LedgerBuilder();
        for (var i = 0; i < 40; i++)
        {
            var id = "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Customer(id, segment: i % 3 == 0 ? "SMB" : "Mid")
                .Subscription(id, "2025-0" + ((i % 9) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-01", i % 5 == 0 ? "2026-05-01" : null, 100m + i, interval: i % 2 == 0 ? 12 : 1, quantity: 1 + (i % 4), product: i % 4 == 0 ? "Pro" : "Basic");
            if (i % 3 == 1)
            {
                builder.Addon(id, "2025-10-01", null, 10m, product: "Support");
            }
        }

        var crm = new CrmBuilder().Activity("C1", "2026-01-02").Payment("C2", "2026-04-01", false, "in_9").Build();
        var signals = SignalEngine.Compute(builder.Build(), crm, On("2026-04-15"));
        signals.ShouldNotBeEmpty();
        signals.ShouldAllBe(s => s.Reasons.Count > 0 && s.Score == Math.Min(100, s.Reasons.Sum(r => r.Points)) && s.Score > 0);
    }
}
