using RunRate.Capture.Billing;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;
using static RunRate.Capture.Tests.Billing.StripePayloads;

namespace RunRate.Capture.Tests.Billing;

public sealed class SubscriptionMappingTests : IDisposable
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly BillingLedger _ledger = new();

    private static string Pro3 => Item("si_1", Price(5000), quantity: 3);

    [Fact]
    public void A_new_subscription_creates_its_customer_and_one_line_per_item()
    {
        var items = Pro3 + "," + Item("si_2", Price(24000, interval: "year", nickname: "Support", metadata: """{"runrate_kind":"addon"}"""), quantity: null);

        var result = _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(items, metadata: """{"customer_name":"Acme"}""")));

        result.ShouldBe(new StripeWebhookResult("evt_1", "customer.subscription.created", true,
            "created customer cus_9 (Acme); created line si_1 (Pro, 3 × 50.00 USD / 1 month) for cus_9; created line si_2 (Support, 1 × 240.00 USD / 12 months) for cus_9"));
        _ledger.Lines().ShouldBe([
            "si_1 cus_9 subscription Pro 2026-01-15.. 50.00×3 USD /1",
            "si_2 cus_9 addon Support 2026-01-15.. 240.00×1 USD /12",
        ]);
        _ledger.Store.FindCustomer(new CustomerId("cus_9"))!.Name.ShouldBe("Acme");
    }

    [Fact]
    public void Runrate_customer_id_in_metadata_links_to_an_existing_customer_without_renaming_it()
    {
        _ledger.Store.SaveCustomer(new Customer(new CustomerId("C042"), "Acme Corporation"), Storage.WriteMode.Create);

        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3, metadata: """{"runrate_customer_id":"C042","customer_name":"acme"}""")))
            .Summary.ShouldBe("created line si_1 (Pro, 3 × 50.00 USD / 1 month) for C042");

        _ledger.Store.Load().Customers.ShouldHaveSingleItem().Name.ShouldBe("Acme Corporation");
    }

    [Fact]
    public void A_quantity_change_ends_the_current_version_on_the_event_day_and_a_second_change_that_day_replaces_the_new_one()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3)));

        _ledger.Apply(Event("evt_2", "customer.subscription.updated", March2, Subscription(Item("si_1", Price(5000), quantity: 5)), """{"items":{"data":[{"id":"si_1"}]}}"""))
            .Summary.ShouldBe("ended line si_1 on 2026-03-02; created line si_1@2026-03-02 (Pro, 5 × 50.00 USD / 1 month) for cus_9");
        _ledger.Apply(Event("evt_3", "customer.subscription.updated", March2.AddHours(2), Subscription(Item("si_1", Price(6000, nickname: "Pro+"), quantity: 5))))
            .Summary.ShouldBe("changed line si_1@2026-03-02 in place (Pro+, 5 × 60.00 USD / 1 month)");

        _ledger.Lines().ShouldBe([
            "si_1 cus_9 subscription Pro 2026-01-15..2026-03-02 50.00×3 USD /1",
            "si_1@2026-03-02 cus_9 subscription Pro+ 2026-03-02.. 60.00×5 USD /1",
        ]);
    }

    [Fact]
    public void An_update_older_than_the_current_version_changes_nothing()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3)));
        _ledger.Apply(Event("evt_3", "customer.subscription.updated", March2, Subscription(Item("si_1", Price(5000), quantity: 5))));
        var before = _ledger.Lines();

        _ledger.Apply(Event("evt_2", "customer.subscription.updated", March2.AddDays(-10), Subscription(Item("si_1", Price(5000), quantity: 4))))
            .Summary.ShouldBe("kept line si_1@2026-03-02: this event (2026-02-20) is older than its current version (2026-03-02)");

        _ledger.Lines().ShouldBe(before);
    }

    [Fact]
    public void An_item_removed_ends_on_the_change_day_and_an_item_added_starts_on_its_creation_day()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3)));

        var swapped = Subscription(Item("si_2", Price(9900, nickname: "Business"), created: March2, quantity: 3));
        _ledger.Apply(Event("evt_2", "customer.subscription.updated", March2, swapped, """{"items":{"object":"list","data":[{"id":"si_1","object":"subscription_item"}]}}"""))
            .Summary.ShouldBe("created line si_2 (Business, 3 × 99.00 USD / 1 month) for cus_9; ended line si_1 on 2026-03-02 (item removed from subscription sub_1)");

        _ledger.Lines().ShouldBe([
            "si_1 cus_9 subscription Pro 2026-01-15..2026-03-02 50.00×3 USD /1",
            "si_2 cus_9 subscription Business 2026-03-02.. 99.00×3 USD /1",
        ]);
    }

    [Fact]
    public void Cancel_at_sets_the_end_and_clearing_it_removes_the_end()
    {
        var endOfPeriod = new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero);
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3)));

        _ledger.Apply(Event("evt_2", "customer.subscription.updated", March2, Subscription(Pro3, cancelAt: endOfPeriod), """{"cancel_at":null,"cancel_at_period_end":false}"""))
            .Summary.ShouldBe("line si_1 ends on 2026-04-15");
        _ledger.Lines().ShouldBe(["si_1 cus_9 subscription Pro 2026-01-15..2026-04-15 50.00×3 USD /1"]);

        _ledger.Apply(Event("evt_3", "customer.subscription.updated", March2.AddDays(1), Subscription(Pro3), """{"cancel_at":1776254400,"cancel_at_period_end":true}"""))
            .Summary.ShouldBe("line si_1 no longer ends (cancellation withdrawn)");
        _ledger.Lines().ShouldBe(["si_1 cus_9 subscription Pro 2026-01-15.. 50.00×3 USD /1"]);
    }

    [Fact]
    public void A_deleted_subscription_ends_its_lines_on_ended_at()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3)));

        _ledger.Apply(Event("evt_2", "customer.subscription.deleted", March2.AddDays(1), Subscription(Pro3, status: "canceled", canceledAt: March2, endedAt: March2)))
            .Summary.ShouldBe("ended line si_1 on 2026-03-02 (subscription sub_1 cancelled)");

        _ledger.Lines().ShouldBe(["si_1 cus_9 subscription Pro 2026-01-15..2026-03-02 50.00×3 USD /1"]);
    }

    [Theory]
    [InlineData("usd", 5000, null, "50.00")]
    [InlineData("usd", 1234, "1234.5", "12.345")]
    [InlineData("jpy", 5000, null, "5000")]
    [InlineData("kwd", 12340, null, "12.340")]
    [InlineData("isk", 990000, null, "9900.00")]
    public void Amounts_are_minor_units_of_the_currency_and_the_decimal_form_wins(string currency, long unitAmount, string? unitAmountDecimal, string amount)
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Item("si_1", Price(unitAmount, currency, unitAmountDecimal: unitAmountDecimal)))));

        _ledger.Lines().ShouldBe([$"si_1 cus_9 subscription Pro 2026-01-15.. {amount}×1 {currency.ToUpperInvariant()} /1"]);
    }

    [Fact]
    public void Lines_of_one_item_are_not_confused_with_an_item_whose_id_extends_it()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Item("si_10", Price(100), quantity: 1), id: "sub_10")));
        _ledger.Apply(Event("evt_2", "customer.subscription.created", Day1, Subscription(Pro3)));

        _ledger.Apply(Event("evt_3", "customer.subscription.deleted", March2, Subscription(Pro3, status: "canceled", endedAt: March2)));

        _ledger.Lines().ShouldBe([
            "si_1 cus_9 subscription Pro 2026-01-15..2026-03-02 50.00×3 USD /1",
            "si_10 cus_9 subscription Pro 2026-01-15.. 1.00×1 USD /1",
        ]);
    }

    [Fact]
    public void An_incomplete_subscription_gets_its_lines_when_an_update_activates_it()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3, status: "incomplete"))).Summary.ShouldStartWith("skipped subscription sub_1: incomplete");
        _ledger.Lines().ShouldBeEmpty();

        _ledger.Apply(Event("evt_2", "customer.subscription.updated", Day1.AddMinutes(1), Subscription(Pro3), """{"status":"incomplete"}"""));

        _ledger.Lines().ShouldBe(["si_1 cus_9 subscription Pro 2026-01-15.. 50.00×3 USD /1"]);
    }

    [Theory]
    [InlineData("week", "interval_months")]
    [InlineData("day", "interval_months")]
    public void A_weekly_or_daily_price_is_refused_and_nothing_is_written_nor_recorded(string interval, string field)
    {
        var refused = Should.Throw<BillingEventRejectedException>(() =>
            _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3 + "," + Item("si_2", Price(700, interval: interval)), metadata: """{"customer_name":"Acme"}"""))));

        refused.Problems.ShouldHaveSingleItem().Field.ShouldBe(field);
        refused.Problems[0].Message.ShouldContain("data.object.items.data[1].price");
        _ledger.Store.Load().Customers.ShouldBeEmpty();
        _ledger.Store.Crm.BillingEvents(10).ShouldBeEmpty();

        // Fixed at the source, the same event id is applied when Stripe retries.
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3))).Applied.ShouldBeTrue();
    }

    [Fact]
    public void A_metered_or_tiered_price_is_refused()
    {
        Should.Throw<BillingEventRejectedException>(() => _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Item("si_1", Price(5, usageType: "metered"))))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("quantity");
        var tiered = Price(0).Replace("\"unit_amount\": 0", "\"unit_amount\": null", StringComparison.Ordinal).Replace("\"unit_amount_decimal\": \"0\"", "\"unit_amount_decimal\": null", StringComparison.Ordinal);
        Should.Throw<BillingEventRejectedException>(() => _ledger.Apply(Event("evt_2", "customer.subscription.created", Day1, Subscription(Item("si_1", tiered)))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("amount");
        _ledger.Lines().ShouldBeEmpty();
    }

    [Fact]
    public void A_cancellation_on_the_day_the_line_starts_is_refused_naming_end_date()
    {
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3)));

        var refused = Should.Throw<BillingEventRejectedException>(() =>
            _ledger.Apply(Event("evt_2", "customer.subscription.deleted", Day1.AddHours(1), Subscription(Pro3, status: "canceled", endedAt: Day1.AddHours(1)))));

        refused.Problems.ShouldHaveSingleItem().ShouldBe(new("end_date", "line si_1: must be after start_date (2026-01-15), found 2026-01-15"));
        _ledger.Lines().ShouldBe(["si_1 cus_9 subscription Pro 2026-01-15.. 50.00×3 USD /1"]);
    }

    [Fact]
    public void Other_event_types_are_recorded_as_ignored_and_a_replay_is_not_applied_again()
    {
        var json = """{"id":"evt_9","object":"event","type":"charge.refunded","created":1768478400,"data":{"object":{"id":"ch_1"}}}""";

        _ledger.Apply(json).ShouldBe(new StripeWebhookResult("evt_9", "charge.refunded", false, "ignored: charge.refunded"));
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3))).Applied.ShouldBeTrue();
        _ledger.Apply(Event("evt_1", "customer.subscription.created", Day1, Subscription(Pro3))).Applied.ShouldBeFalse();

        _ledger.Store.Crm.BillingEvents(10).Select(e => (e.EventId, e.Type)).ShouldBe([("evt_1", "customer.subscription.created"), ("evt_9", "charge.refunded")], ignoreOrder: true);
    }

    public void Dispose() => _ledger.Dispose();
}
