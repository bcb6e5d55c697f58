using RunRate.Capture.Billing;
using Shouldly;
using static RunRate.Capture.Tests.Billing.StripePayloads;

namespace RunRate.Capture.Tests.Billing;

public sealed class StripeEventParserTests
{
    [Fact]
    public void A_subscription_event_is_read_into_the_adapter_types()
    {
        var json = Event("evt_1", "customer.subscription.created", Day1, Subscription(
            Item("si_1", Price(5000, nickname: null, product: """{"id":"prod_P","object":"product","name":"Pro plan"}"""), quantity: 3),
            metadata: """{"runrate_customer_id":"C042","customer_name":"Acme"}"""));

        var evt = StripeEventParser.Parse(Bytes(json));

        evt.Id.ShouldBe("evt_1");
        evt.Created.ShouldBe(Day1);
        var sub = evt.Subscription.ShouldNotBeNull();
        sub.Customer.ShouldBe("cus_9");
        sub.Metadata["runrate_customer_id"].ShouldBe("C042");
        sub.CancelAt.ShouldBeNull();
        var item = sub.Items.ShouldHaveSingleItem();
        item.Quantity.ShouldBe(3);
        item.Path.ShouldBe("data.object.items.data[0]");
        item.Price.Product.ShouldBe("Pro plan");
        item.Price.UnitAmount.ShouldBe(5000);
        item.Price.UnitAmountDecimal.ShouldBe(5000m);
        item.Price.Interval.ShouldBe("month");
        sub.PreviousItemIds.ShouldBeNull();
    }

    [Fact]
    public void Previous_items_come_from_previous_attributes()
    {
        var json = Event("evt_2", "customer.subscription.updated", Day1, Subscription(Item("si_2", Price(100))),
            """{"items":{"object":"list","data":[{"id":"si_1","object":"subscription_item"}]}}""");

        StripeEventParser.Parse(Bytes(json)).Subscription!.PreviousItemIds.ShouldBe(["si_1"]);
    }

    [Fact]
    public void A_legacy_plan_is_read_when_an_item_has_no_price()
    {
        var json = Event("evt_3", "customer.subscription.created", Day1, Subscription("""
            {"id":"si_9","object":"subscription_item","created":1768478400,"quantity":2,
             "plan":{"id":"gold","object":"plan","amount":2000,"amount_decimal":"2000","currency":"eur","interval":"year","interval_count":1,"nickname":"Gold","product":"prod_G"}}
            """));

        var price = StripeEventParser.Parse(Bytes(json)).Subscription!.Items[0].Price;

        (price.Nickname, price.Currency, price.UnitAmount, price.Interval, price.IntervalCount).ShouldBe(("Gold", "eur", 2000L, "year", 1L));
    }

    [Fact]
    public void An_event_type_RunRate_ignores_needs_only_the_envelope()
    {
        var evt = StripeEventParser.Parse(Bytes("""{"id":"evt_4","object":"event","type":"charge.refunded","created":1768478400,"data":{"object":{"weird":true}}}"""));

        (evt.Type, evt.Subscription, evt.Invoice).ShouldBe(("charge.refunded", null, null));
    }

    [Fact]
    public void Invoice_metadata_is_the_subscription_details_overridden_by_the_invoice_own()
    {
        var json = Event("evt_5", "invoice.paid", Day1, Invoice("in_1", "cus_9", 5000, 5000, paidAt: Day1,
            metadata: """{"note":"x"}""", subscriptionMetadata: """{"runrate_customer_id":"C042","note":"y"}"""));

        var invoice = StripeEventParser.Parse(Bytes(json)).Invoice.ShouldNotBeNull();

        invoice.Metadata.ShouldBe(new Dictionary<string, string> { ["runrate_customer_id"] = "C042", ["note"] = "x" }, ignoreOrder: true);
        (invoice.AmountPaid, invoice.PaidAt, invoice.CustomerName).ShouldBe((5000L, (DateTimeOffset?)Day1, "Acme Inc"));
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("""{"object":"event","type":"invoice.paid","created":1}""", "id")]
    [InlineData("""{"id":"evt_1","object":"customer","type":"invoice.paid","created":1}""", "object")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":"yesterday"}""", "created")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":1}""", "data")]
    [InlineData("""{"id":"evt_1","type":"customer.subscription.created","created":1,"data":{"object":{"id":"sub_1","customer":"cus_1","items":{"data":[{"id":"si_1","price":{"currency":7,"recurring":{"interval":"month"}}}]}}}}""", "data.object.items.data[0].price.currency")]
    [InlineData("""{"id":"evt_1","type":"customer.subscription.created","created":1,"data":{"object":{"id":"sub_1","customer":"cus_1","items":{"data":[{"id":"si_1","price":{"currency":"usd"}}]}}}}""", "data.object.items.data[0].price.recurring")]
    [InlineData("""{"id":"evt_1","type":"customer.subscription.created","created":1,"data":{"object":{"id":"sub_1","customer":"cus_1","items":{"data":[{"id":"si_1","quantity":1.5,"price":{"currency":"usd","recurring":{"interval":"month"}}}]}}}}""", "data.object.items.data[0].quantity")]
    [InlineData("""{"id":"evt_1","type":"customer.subscription.created","created":1,"data":{"object":{"id":"sub_1","customer":"cus_1","items":{"data":[{"id":"si_1","price":{"currency":"usd","unit_amount_decimal":"1,5","recurring":{"interval":"month"}}}]}}}}""", "data.object.items.data[0].price.unit_amount_decimal")]
    [InlineData("""{"id":"evt_1","type":"invoice.payment_failed","created":1,"data":{"object":{"id":"in_1","object":"invoice","currency":"usd"}}}""", "data.object.customer")]
    public void A_body_that_is_not_a_readable_Stripe_event_names_the_field(string body, string path)
    {
        var error = Should.Throw<StripeEventFormatException>(() => StripeEventParser.Parse(Bytes(body)));

        error.Path.ShouldBe(path);
    }
}
