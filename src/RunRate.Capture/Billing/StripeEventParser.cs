using System.Text.Json;

namespace RunRate.Capture.Billing;

/// <summary>
/// Reads a Stripe event (any API version since prices replaced plans, 2020) into
/// <see cref="StripeEvent"/>. Only the envelope is required of every event; the subscription or
/// invoice inside is read for the types RunRate maps, so an event type it ignores never fails on a
/// shape it does not know.
/// </summary>
internal static class StripeEventParser
{
    public const string SubscriptionCreated = "customer.subscription.created";
    public const string SubscriptionUpdated = "customer.subscription.updated";
    public const string SubscriptionDeleted = "customer.subscription.deleted";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentFailed = "invoice.payment_failed";

    public static bool IsSubscription(string type) => type is SubscriptionCreated or SubscriptionUpdated or SubscriptionDeleted;

    public static bool IsInvoice(string type) => type is InvoicePaid or InvoicePaymentFailed;

    /// <summary>Parses <paramref name="body"/>; a <see cref="StripeEventFormatException"/> names the field at fault.</summary>
    public static StripeEvent Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new StripeEventFormatException("body", "is not JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = new StripeJson(document.RootElement, "");
            if (root.Optional("object") is { } kind && kind.String() != "event")
            {
                throw new StripeEventFormatException("object", $"expected \"event\", found \"{kind.String()}\": this is not a Stripe event");
            }

            var id = root.Required("id").String();
            var type = root.Required("type").String();
            var created = root.Required("created").Timestamp();
            if (IsSubscription(type))
            {
                var data = root.Required("data");
                return new StripeEvent(id, type, created, Subscription(data.Required("object"), data.Optional("previous_attributes")), null);
            }

            if (IsInvoice(type))
            {
                return new StripeEvent(id, type, created, null, Invoice(root.Required("data").Required("object")));
            }

            return new StripeEvent(id, type, created, null, null);
        }
    }

    private static StripeSubscription Subscription(StripeJson node, StripeJson? previous)
    {
        if (node.Optional("object") is { } kind && kind.String() != "subscription")
        {
            throw new StripeEventFormatException(kind.Path, $"expected \"subscription\", found \"{kind.String()}\"");
        }

        var items = node.Required("items").Required("data").Items().Select(Item).ToList();
        List<string>? previousIds = null;
        if (previous?.Optional("items") is { } previousItems)
        {
            previousIds = [.. previousItems.Required("data").Items().Select(i => i.Required("id").String())];
        }

        return new StripeSubscription(
            node.Required("id").String(),
            node.Required("customer").Id(),
            node.Optional("status")?.String() ?? "active",
            StripeJson.Metadata(node.Optional("metadata")),
            node.Optional("start_date")?.Timestamp(),
            node.Optional("cancel_at")?.Timestamp(),
            node.Optional("canceled_at")?.Timestamp(),
            node.Optional("ended_at")?.Timestamp(),
            items,
            previousIds);
    }

    private static StripeItem Item(StripeJson node) => new(
        node.Required("id").String(),
        node.Path,
        node.Optional("created")?.Timestamp(),
        node.Optional("quantity")?.Integer(),
        StripeJson.Metadata(node.Optional("metadata")),
        node.Optional("price") is { } price ? Price(price) : Plan(node.Required("plan")));

    private static StripePrice Price(StripeJson node)
    {
        var recurring = node.Required("recurring");
        return new StripePrice(
            node.Path,
            node.Optional("nickname")?.String(),
            Product(node.Optional("product")),
            node.Required("currency").String(),
            node.Optional("unit_amount")?.Integer(),
            node.Optional("unit_amount_decimal")?.DecimalText(),
            recurring.Required("interval").String(),
            recurring.Optional("interval_count")?.Integer() ?? 1,
            recurring.Optional("usage_type")?.String(),
            StripeJson.Metadata(node.Optional("metadata")));
    }

    /// <summary>The legacy plan object, which older API versions send instead of a price.</summary>
    private static StripePrice Plan(StripeJson node) => new(
        node.Path,
        node.Optional("nickname")?.String(),
        Product(node.Optional("product")),
        node.Required("currency").String(),
        node.Optional("amount")?.Integer(),
        node.Optional("amount_decimal")?.DecimalText(),
        node.Required("interval").String(),
        node.Optional("interval_count")?.Integer() ?? 1,
        node.Optional("usage_type")?.String(),
        StripeJson.Metadata(node.Optional("metadata")));

    /// <summary>An expanded product gives its name; otherwise the product id is all there is.</summary>
    private static string? Product(StripeJson? node) => node switch
    {
        null => null,
        { Element.ValueKind: JsonValueKind.Object } expanded => expanded.Optional("name")?.String() ?? expanded.Required("id").String(),
        { } id => id.String(),
    };

    private static StripeInvoice Invoice(StripeJson node)
    {
        if (node.Optional("object") is { } kind && kind.String() != "invoice")
        {
            throw new StripeEventFormatException(kind.Path, $"expected \"invoice\", found \"{kind.String()}\"");
        }

        // The subscription's metadata is copied onto its invoices (subscription_details before API
        // version 2025-03-31, parent.subscription_details since); the invoice's own metadata wins.
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[]
        {
            node.Optional("parent")?.Optional("subscription_details")?.Optional("metadata"),
            node.Optional("subscription_details")?.Optional("metadata"),
            node.Optional("metadata"),
        })
        {
            foreach (var (key, value) in StripeJson.Metadata(source))
            {
                metadata[key] = value;
            }
        }

        return new StripeInvoice(
            node.Required("id").String(),
            node.Required("customer").Id(),
            node.Optional("customer_name")?.String(),
            node.Required("currency").String(),
            node.Optional("amount_paid")?.Integer() ?? 0,
            node.Optional("amount_due")?.Integer() ?? 0,
            node.Optional("status_transitions")?.Optional("paid_at")?.Timestamp(),
            metadata);
    }
}
