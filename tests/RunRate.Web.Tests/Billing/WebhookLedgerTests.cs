using System.Net;
using System.Text.Json;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Web.Tests.Support;
using static RunRate.Web.Tests.Billing.StripeEvents;

namespace RunRate.Web.Tests.Billing;

/// <summary>What Stripe events do to the ledger, read back through the API's reports.</summary>
public sealed class WebhookLedgerTests : IDisposable
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly StripeWebStore _web = new();

    [Fact]
    public async Task A_created_subscription_is_a_line_whose_MRR_is_quantity_times_unit_price_over_the_interval()
    {
        await _web.Accepted(Event("evt_c1", "customer.subscription.created", Day1, Subscription(
            Item("si_Mon", 4999, 3) + "," + Item("si_Ann", 119_988, 2, interval: "year", nickname: "Analytics"))));

        var monthly = await Get("/api/lines/si_Mon");
        (monthly.GetProperty("amount").GetDecimal(), monthly.GetProperty("quantity").GetDecimal(), monthly.GetProperty("interval_months").GetInt32()).ShouldBe((49.99m, 3m, 1));
        (monthly.GetProperty("start_date").GetString(), monthly.GetProperty("currency").GetString(), monthly.GetProperty("kind").GetString()).ShouldBe(("2026-01-15", "USD", "subscription"));
        var yearly = await Get("/api/lines/si_Ann");
        (yearly.GetProperty("amount").GetDecimal(), yearly.GetProperty("quantity").GetDecimal(), yearly.GetProperty("interval_months").GetInt32()).ShouldBe((1199.88m, 2m, 12));

        // 3 × 49.99 / 1 + 2 × 1,199.88 / 12 = 149.97 + 199.98 = 349.95, exactly.
        var month = (await Get("/api/mrr?from=2026-01&to=2026-01")).GetProperty("months")[0];
        month.GetProperty("closing_mrr").GetDecimal().ShouldBe(349.95m);
        month.GetProperty("new").GetDecimal().ShouldBe(349.95m);
    }

    [Fact]
    public async Task A_yen_price_has_no_minor_digits()
    {
        await _web.Accepted(Event("evt_y1", "customer.subscription.created", Day1, Subscription(Item("si_Yen", 5000, 2, currency: "jpy"))));

        var line = await Get("/api/lines/si_Yen");
        (line.GetProperty("amount").GetDecimal(), line.GetProperty("currency").GetString()).ShouldBe((5000m, "JPY"));
        (await Get("/api/mrr?from=2026-01&to=2026-01&currency=JPY")).GetProperty("months")[0].GetProperty("closing_mrr").GetDecimal().ShouldBe(10000m);
    }

    [Fact]
    public async Task A_quantity_update_is_an_expansion_of_exactly_the_difference_on_the_change_day()
    {
        await _web.Accepted(Event("evt_c1", "customer.subscription.created", Day1, Subscription(Item("si_RaP1", 5000, 3))));
        _web.Clock.SetUtcNow(March2);

        var answer = await _web.Accepted(Event("evt_u1", "customer.subscription.updated", March2, Subscription(Item("si_RaP1", 5000, 5)),
            """{"items":{"object":"list","data":[{"id":"si_RaP1","object":"subscription_item","quantity":3}]}}"""));

        answer.GetProperty("summary").GetString().ShouldBe("ended line si_RaP1 on 2026-03-02; created line si_RaP1@2026-03-02 (Pro, 5 × 50.00 USD / 1 month) for cus_Qx9");
        var customer = await Get("/api/customers/cus_Qx9?month=2026-03");
        customer.GetProperty("movements").EnumerateArray()
            .Select(m => (m.GetProperty("date").GetString(), m.GetProperty("type").GetString(), m.GetProperty("amount").GetDecimal(), m.GetProperty("mrr_after").GetDecimal()))
            .ShouldBe([("2026-01-15", "new", 150.00m, 150.00m), ("2026-03-02", "expansion", 100.00m, 250.00m)]);
        customer.GetProperty("mrr").GetDecimal().ShouldBe(250.00m);
    }

    [Fact]
    public async Task Cancel_at_period_end_gives_the_line_its_end_date_and_deletion_is_churn()
    {
        var periodEnd = new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero);
        await _web.Accepted(Event("evt_c1", "customer.subscription.created", Day1, Subscription(Item("si_RaP1", 5000, 3))));
        _web.Clock.SetUtcNow(March2);
        await _web.Accepted(Event("evt_u1", "customer.subscription.updated", March2, Subscription(Item("si_RaP1", 5000, 3), cancelAt: periodEnd, canceledAt: March2),
            """{"cancel_at":null,"cancel_at_period_end":false,"canceled_at":null}"""));

        (await Get("/api/lines/si_RaP1")).GetProperty("end_date").GetString().ShouldBe("2026-04-15");

        _web.Clock.SetUtcNow(periodEnd);
        var deleted = await _web.Accepted(Event("evt_d1", "customer.subscription.deleted", periodEnd,
            Subscription(Item("si_RaP1", 5000, 3), status: "canceled", cancelAt: periodEnd, canceledAt: March2, endedAt: periodEnd)));

        deleted.GetProperty("summary").GetString().ShouldBe("subscription sub_1QkLmN2eZvKYlo2C: no ledger change");
        var customer = await Get("/api/customers/cus_Qx9?month=2026-04");
        customer.GetProperty("status").GetString().ShouldBe("churned");
        customer.GetProperty("movements").EnumerateArray().Select(m => (m.GetProperty("date").GetString(), m.GetProperty("type").GetString(), m.GetProperty("amount").GetDecimal()))
            .ShouldBe([("2026-01-15", "new", 150.00m), ("2026-04-15", "churn", -150.00m)]);
        (await Get("/api/mrr?from=2026-04&to=2026-04")).GetProperty("months")[0].GetProperty("churn").GetDecimal().ShouldBe(-150.00m);
    }

    [Fact]
    public async Task An_immediate_cancellation_ends_the_line_on_the_day_it_ended()
    {
        await _web.Accepted(Event("evt_c1", "customer.subscription.created", Day1, Subscription(Item("si_RaP1", 5000, 3))));
        _web.Clock.SetUtcNow(March2);

        var deleted = await _web.Accepted(Event("evt_d1", "customer.subscription.deleted", March2,
            Subscription(Item("si_RaP1", 5000, 3), status: "canceled", canceledAt: March2, endedAt: March2)));

        deleted.GetProperty("summary").GetString().ShouldBe("ended line si_RaP1 on 2026-03-02 (subscription sub_1QkLmN2eZvKYlo2C cancelled)");
        (await Get("/api/lines/si_RaP1")).GetProperty("end_date").GetString().ShouldBe("2026-03-02");
        (await Get("/api/customers/cus_Qx9?month=2026-03")).GetProperty("movements")[1].GetProperty("type").GetString().ShouldBe("churn");
    }

    [Fact]
    public async Task Paid_and_failed_invoices_are_stored_as_payments()
    {
        await _web.Accepted(Event("evt_p1", "invoice.paid", Day1, Invoice("in_1QkPaid", 15000, 15000, paidAt: Day1)));
        await _web.Accepted(Event("evt_f1", "invoice.payment_failed", Day1, Invoice("in_1QkFail", 15000, 0, paidAt: null, attempts: 2)));

        using var store = _web.OpenStore(create: false);
        store.Crm.Load().Payments.OrderBy(p => p.Reference, StringComparer.Ordinal).ShouldBe([
            new Payment(new CustomerId("cus_Qx9"), new DateOnly(2026, 1, 15), false, new Money(150.00m, CurrencyCode.Usd), "in_1QkFail"),
            new Payment(new CustomerId("cus_Qx9"), new DateOnly(2026, 1, 15), true, new Money(150.00m, CurrencyCode.Usd), "in_1QkPaid"),
        ]);
        store.FindCustomer(new CustomerId("cus_Qx9"))!.Name.ShouldBe("Acme Analytics");
    }

    [Fact]
    public async Task Billing_events_appear_once_on_the_account_timeline_even_when_replayed()
    {
        var paid = Event("evt_p2", "invoice.paid", Day1, Invoice("in_1QkPaid", 15000, 15000, paidAt: Day1));
        await _web.Accepted(paid);
        await _web.Accepted(paid);
        await _web.Accepted(Event("evt_f2", "invoice.payment_failed", Day1, Invoice("in_1QkFail", 15000, 0, paidAt: null, attempts: 2)));

        using var store = _web.OpenStore(create: false);
        var timeline = store.Crm.Load().Activities.Where(a => a.AccountId.Value == "cus_Qx9").OrderBy(a => a.Subject, StringComparer.Ordinal).ToList();
        timeline.Select(a => (a.Subject, a.Source, a.ExternalId)).ShouldBe([("Invoice paid", "billing", "billing:evt_p2"), ("Payment failed", "billing", "billing:evt_f2")]);
        timeline[0].Body!.ShouldContain("in_1QkPaid");
    }

    [Fact]
    public async Task A_weekly_price_is_a_422_naming_the_field_and_nothing_is_written()
    {
        var before = await _web.StateAsync();

        using var response = await _web.Deliver(Event("evt_w1", "customer.subscription.created", Day1, Subscription(
            Item("si_RaP1", 5000, 3) + "," + Item("si_Week", 900, 1, interval: "week", nickname: "Weekly"))));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("interval_months")[0].GetString()!;
        message.ShouldStartWith("line si_Week: data.object.items.data[1].price bills every 1 week(s)");
        (await _web.StateAsync()).ShouldBe(before);
        (await Get("/api/webhooks/events")).GetProperty("events").GetArrayLength().ShouldBe(0);
    }

    private async Task<JsonElement> Get(string url)
    {
        using var response = await _web.Client.GetAsync(Http.Url(url));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public void Dispose() => _web.Dispose();
}
