using System.Globalization;
using System.Text;

namespace RunRate.Capture.Tests.Billing;

/// <summary>Stripe event bodies shaped like real deliveries (API version 2024-06-20), with the fields RunRate ignores too.</summary>
internal static class StripePayloads
{
    public static readonly DateTimeOffset Day1 = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static string Event(string id, string type, DateTimeOffset created, string dataObject, string? previousAttributes = null) => $$"""
        {
          "id": "{{id}}",
          "object": "event",
          "api_version": "2024-06-20",
          "created": {{Unix(created)}},
          "data": {
            "object": {{dataObject}}{{(previousAttributes is null ? "" : ",\n    \"previous_attributes\": " + previousAttributes)}}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": "req_{{id}}", "idempotency_key": null },
          "type": "{{type}}"
        }
        """;

    public static string Subscription(string items, string id = "sub_1", string customer = "cus_9", string status = "active", DateTimeOffset? start = null,
        DateTimeOffset? cancelAt = null, DateTimeOffset? canceledAt = null, DateTimeOffset? endedAt = null, string metadata = "{}") => $$"""
        {
          "id": "{{id}}",
          "object": "subscription",
          "billing_cycle_anchor": {{Unix(start ?? Day1)}},
          "cancel_at": {{Ts(cancelAt)}},
          "cancel_at_period_end": {{(cancelAt is null ? "false" : "true")}},
          "canceled_at": {{Ts(canceledAt)}},
          "collection_method": "charge_automatically",
          "created": {{Unix(start ?? Day1)}},
          "currency": "usd",
          "current_period_end": {{Unix((start ?? Day1).AddMonths(1))}},
          "current_period_start": {{Unix(start ?? Day1)}},
          "customer": "{{customer}}",
          "discount": null,
          "ended_at": {{Ts(endedAt)}},
          "items": { "object": "list", "data": [{{items}}], "has_more": false, "total_count": 1, "url": "/v1/subscription_items?subscription={{id}}" },
          "latest_invoice": "in_1",
          "livemode": false,
          "metadata": {{metadata}},
          "start_date": {{Unix(start ?? Day1)}},
          "status": "{{status}}",
          "trial_end": null,
          "trial_start": null
        }
        """;

    public static string Item(string id, string price, DateTimeOffset? created = null, int? quantity = 1, string metadata = "{}", string subscription = "sub_1") => $$"""
        {
          "id": "{{id}}",
          "object": "subscription_item",
          "created": {{Unix(created ?? Day1)}},
          "metadata": {{metadata}},
          "price": {{price}},
          {{(quantity is null ? "" : $"\"quantity\": {quantity},")}}
          "subscription": "{{subscription}}",
          "tax_rates": []
        }
        """;

    public static string Price(long unitAmount, string currency = "usd", string interval = "month", int count = 1, string? nickname = "Pro",
        string product = "\"prod_P\"", string metadata = "{}", string? unitAmountDecimal = null, string usageType = "licensed") => $$"""
        {
          "id": "price_{{unitAmount}}_{{interval}}",
          "object": "price",
          "active": true,
          "billing_scheme": "per_unit",
          "created": 1700000000,
          "currency": "{{currency}}",
          "livemode": false,
          "lookup_key": null,
          "metadata": {{metadata}},
          "nickname": {{(nickname is null ? "null" : "\"" + nickname + "\"")}},
          "product": {{product}},
          "recurring": { "aggregate_usage": null, "interval": "{{interval}}", "interval_count": {{count}}, "trial_period_days": null, "usage_type": "{{usageType}}" },
          "tax_behavior": "unspecified",
          "tiers_mode": null,
          "type": "recurring",
          "unit_amount": {{unitAmount}},
          "unit_amount_decimal": "{{unitAmountDecimal ?? unitAmount.ToString(CultureInfo.InvariantCulture)}}"
        }
        """;

    public static string Invoice(string id, string customer, long amountDue, long amountPaid, string currency = "usd", DateTimeOffset? paidAt = null, string metadata = "{}", string subscriptionMetadata = "{}") => $$"""
        {
          "id": "{{id}}",
          "object": "invoice",
          "amount_due": {{amountDue}},
          "amount_paid": {{amountPaid}},
          "amount_remaining": {{amountDue - amountPaid}},
          "attempt_count": 1,
          "billing_reason": "subscription_cycle",
          "currency": "{{currency}}",
          "customer": "{{customer}}",
          "customer_email": "billing@acme.example",
          "customer_name": "Acme Inc",
          "metadata": {{metadata}},
          "paid": {{(amountPaid > 0 ? "true" : "false")}},
          "status": "{{(amountPaid > 0 ? "paid" : "open")}}",
          "status_transitions": { "finalized_at": {{Unix(Day1)}}, "paid_at": {{Ts(paidAt)}} },
          "subscription": "sub_1",
          "subscription_details": { "metadata": {{subscriptionMetadata}} },
          "total": {{amountDue}}
        }
        """;

    private static string Ts(DateTimeOffset? at) => at is { } t ? Unix(t).ToString(CultureInfo.InvariantCulture) : "null";
}
