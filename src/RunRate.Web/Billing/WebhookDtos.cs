using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using RunRate.Storage.Crm;

namespace RunRate.Web.Billing;

/// <summary>
/// The envelope of a Stripe event, for the OpenAPI document only: the endpoint reads the raw bytes,
/// because the signature covers them exactly as sent.
/// </summary>
internal sealed record StripeEventBody(
    [property: Description("The event id (evt_…): each is processed once.")] string Id,
    [property: Description("\"event\".")] string Object,
    [property: Description("customer.subscription.created/updated/deleted, invoice.paid, invoice.payment_failed; other types are recorded as ignored.")] string Type,
    [property: Description("Unix seconds: the day a change takes effect.")] long Created,
    [property: Description("{\"object\": subscription or invoice, \"previous_attributes\": …}")] JsonElement Data);

/// <summary>The answer to a delivery.</summary>
internal sealed record WebhookAnswer(
    string EventId,
    [property: Description("True when this delivery changed the store; false for a replay of an event processed before and for ignored event types.")] bool Applied,
    [property: Description("What the event changed, now or when it was first processed.")] string Summary);

/// <summary>The body of <c>GET /api/webhooks/events</c>.</summary>
internal sealed record WebhookEventsResponse(IReadOnlyList<WebhookEventDto> Events);

/// <summary>One processed event.</summary>
internal sealed record WebhookEventDto(
    string EventId,
    string Type,
    [property: Description("When RunRate processed it, ISO-8601 UTC.")] string ReceivedAt,
    string Summary)
{
    public static WebhookEventDto From(BillingEventRecord record) => new(
        record.EventId,
        record.Type,
        record.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        record.Summary);
}
