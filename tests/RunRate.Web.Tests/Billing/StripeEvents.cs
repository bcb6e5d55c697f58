using System.Globalization;

namespace RunRate.Web.Tests.Billing;

/// <summary>
/// Stripe event bodies as Stripe sends them (API version 2024-06-20, every field of the objects,
/// including the legacy <c>plan</c> beside <c>price</c>), with the values a test varies as parameters.
/// </summary>
internal static class StripeEvents
{
    public static readonly DateTimeOffset Day1 = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static string Event(string id, string type, DateTimeOffset created, string dataObject, string? previousAttributes = null) => $$"""
        {
          "id": "{{id}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{created.ToUnixTimeSeconds()}},
          "data": {
            "object": {{dataObject}}{{(previousAttributes is null ? "" : ",\n    \"previous_attributes\": " + previousAttributes)}}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": "req_{{id[4..]}}", "idempotency_key": "{{id}}-key" },
          "type": "{{type}}"
        }
        """;

    /// <summary>A subscription of <paramref name="items"/> (see <see cref="Item"/>) for customer <c>cus_Qx9</c>.</summary>
    public static string Subscription(string items, string status = "active", DateTimeOffset? start = null, DateTimeOffset? cancelAt = null,
        DateTimeOffset? canceledAt = null, DateTimeOffset? endedAt = null, string metadata = """{"customer_name":"Acme Analytics"}""")
    {
        var begin = start ?? Day1;
        return $$"""
        {
          "id": "sub_1QkLmN2eZvKYlo2C",
          "object": "subscription",
          "application": null,
          "application_fee_percent": null,
          "automatic_tax": { "enabled": false, "liability": null },
          "billing_cycle_anchor": {{begin.ToUnixTimeSeconds()}},
          "billing_cycle_anchor_config": null,
          "billing_thresholds": null,
          "cancel_at": {{Ts(cancelAt)}},
          "cancel_at_period_end": {{(cancelAt is null ? "false" : "true")}},
          "canceled_at": {{Ts(canceledAt)}},
          "cancellation_details": { "comment": null, "feedback": null, "reason": {{(canceledAt is null ? "null" : "\"cancellation_requested\"")}} },
          "collection_method": "charge_automatically",
          "created": {{begin.ToUnixTimeSeconds()}},
          "currency": "usd",
          "current_period_end": {{begin.AddMonths(1).ToUnixTimeSeconds()}},
          "current_period_start": {{begin.ToUnixTimeSeconds()}},
          "customer": "cus_Qx9",
          "days_until_due": null,
          "default_payment_method": "pm_1QkLm12eZvKYlo2C",
          "default_source": null,
          "default_tax_rates": [],
          "description": null,
          "discount": null,
          "discounts": [],
          "ended_at": {{Ts(endedAt)}},
          "invoice_settings": { "account_tax_ids": null, "issuer": { "type": "self" } },
          "items": {
            "object": "list",
            "data": [{{items}}],
            "has_more": false,
            "total_count": 1,
            "url": "/v1/subscription_items?subscription=sub_1QkLmN2eZvKYlo2C"
          },
          "latest_invoice": "in_1QkLmP2eZvKYlo2C",
          "livemode": false,
          "metadata": {{metadata}},
          "next_pending_invoice_item_invoice": null,
          "on_behalf_of": null,
          "pause_collection": null,
          "payment_settings": { "payment_method_options": null, "payment_method_types": null, "save_default_payment_method": "off" },
          "pending_invoice_item_interval": null,
          "pending_setup_intent": null,
          "pending_update": null,
          "plan": null,
          "quantity": null,
          "schedule": null,
          "start_date": {{begin.ToUnixTimeSeconds()}},
          "status": "{{status}}",
          "test_clock": null,
          "transfer_data": null,
          "trial_end": null,
          "trial_settings": { "end_behavior": { "missing_payment_method": "create_invoice" } },
          "trial_start": null
        }
        """;
    }

    /// <summary>A subscription item with its price (and the legacy plan Stripe still sends beside it).</summary>
    public static string Item(string id, long unitAmount, int quantity, string currency = "usd", string interval = "month", int intervalCount = 1,
        string nickname = "Pro", DateTimeOffset? created = null) => $$"""
        {
          "id": "{{id}}",
          "object": "subscription_item",
          "billing_thresholds": null,
          "created": {{(created ?? Day1).ToUnixTimeSeconds()}},
          "discounts": [],
          "metadata": {},
          "plan": {
            "id": "price_{{nickname}}{{unitAmount}}",
            "object": "plan",
            "active": true,
            "aggregate_usage": null,
            "amount": {{unitAmount}},
            "amount_decimal": "{{unitAmount}}",
            "billing_scheme": "per_unit",
            "created": 1735689600,
            "currency": "{{currency}}",
            "interval": "{{interval}}",
            "interval_count": {{intervalCount}},
            "livemode": false,
            "metadata": {},
            "meter": null,
            "nickname": "{{nickname}}",
            "product": "prod_RrUnRate01",
            "tiers_mode": null,
            "transform_usage": null,
            "trial_period_days": null,
            "usage_type": "licensed"
          },
          "price": {
            "id": "price_{{nickname}}{{unitAmount}}",
            "object": "price",
            "active": true,
            "billing_scheme": "per_unit",
            "created": 1735689600,
            "currency": "{{currency}}",
            "custom_unit_amount": null,
            "livemode": false,
            "lookup_key": null,
            "metadata": {},
            "nickname": "{{nickname}}",
            "product": "prod_RrUnRate01",
            "recurring": {
              "aggregate_usage": null,
              "interval": "{{interval}}",
              "interval_count": {{intervalCount}},
              "meter": null,
              "trial_period_days": null,
              "usage_type": "licensed"
            },
            "tax_behavior": "exclusive",
            "tiers_mode": null,
            "transform_quantity": null,
            "type": "recurring",
            "unit_amount": {{unitAmount}},
            "unit_amount_decimal": "{{unitAmount}}"
          },
          "quantity": {{quantity}},
          "subscription": "sub_1QkLmN2eZvKYlo2C",
          "tax_rates": []
        }
        """;

    public static string Invoice(string id, long amountDue, long amountPaid, DateTimeOffset? paidAt, int attempts = 1) => $$"""
        {
          "id": "{{id}}",
          "object": "invoice",
          "account_country": "US",
          "account_name": "RunRate Test",
          "amount_due": {{amountDue}},
          "amount_paid": {{amountPaid}},
          "amount_remaining": {{amountDue - amountPaid}},
          "attempt_count": {{attempts}},
          "attempted": true,
          "billing_reason": "subscription_cycle",
          "collection_method": "charge_automatically",
          "created": {{Day1.ToUnixTimeSeconds()}},
          "currency": "usd",
          "customer": "cus_Qx9",
          "customer_email": "ap@acme-analytics.example",
          "customer_name": "Acme Analytics",
          "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1/test_{{id}}",
          "lines": { "object": "list", "data": [], "has_more": false, "total_count": 1, "url": "/v1/invoices/{{id}}/lines" },
          "livemode": false,
          "metadata": {},
          "next_payment_attempt": {{(amountPaid > 0 ? "null" : Day1.AddDays(3).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))}},
          "number": "RR-0001",
          "paid": {{(amountPaid > 0 ? "true" : "false")}},
          "period_end": {{Day1.ToUnixTimeSeconds()}},
          "period_start": {{Day1.AddMonths(-1).ToUnixTimeSeconds()}},
          "status": "{{(amountPaid > 0 ? "paid" : "open")}}",
          "status_transitions": { "finalized_at": {{Day1.ToUnixTimeSeconds()}}, "marked_uncollectible_at": null, "paid_at": {{Ts(paidAt)}}, "voided_at": null },
          "subscription": "sub_1QkLmN2eZvKYlo2C",
          "subscription_details": { "metadata": {"customer_name":"Acme Analytics"} },
          "subtotal": {{amountDue}},
          "tax": null,
          "total": {{amountDue}}
        }
        """;

    private static string Ts(DateTimeOffset? at) => at?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "null";
}
