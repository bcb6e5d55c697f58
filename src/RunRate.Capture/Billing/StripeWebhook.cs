using RunRate.Storage.Crm;

namespace RunRate.Capture.Billing;

/// <summary>What processing one delivery did.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="Type">The event type.</param>
/// <param name="Applied">True when this delivery changed the store; false for a replay of an event processed before and for event types RunRate ignores.</param>
/// <param name="Summary">What the event changed (now or when first processed), e.g. <c>created line si_1 (Pro, 3 × 50.00 USD / 1 month) for cus_9</c>.</param>
public sealed record StripeWebhookResult(string EventId, string Type, bool Applied, string Summary);

/// <summary>
/// The Stripe billing adapter's entry point: reads an event whose signature the caller has checked
/// (<see cref="StripeSignature"/>) and applies it to the store exactly once, in one transaction with
/// the record of its id, so Stripe's retries and replays change the ledger once. Subscription events
/// become ledger lines, invoice events payments; any other type is recorded as ignored, because
/// Stripe keeps retrying anything that is not answered 2xx.
/// </summary>
public static class StripeWebhook
{
    /// <summary>
    /// Processes one event. Throws <see cref="StripeEventFormatException"/> when the body is not a
    /// Stripe event (nothing is recorded) and <see cref="BillingEventRejectedException"/> when the
    /// event cannot be represented in the ledger (nothing is written nor recorded, so it can be
    /// resent once fixed).
    /// </summary>
    public static StripeWebhookResult Process(ReadOnlyMemory<byte> body, ICrmStore crm, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var evt = StripeEventParser.Parse(body);
        var handled = StripeEventParser.IsSubscription(evt.Type) || StripeEventParser.IsInvoice(evt.Type);
        var outcome = crm.ApplyBillingEvent(evt.Id, evt.Type, receivedAt, writer =>
        {
            var summary = evt.Subscription is not null ? new SubscriptionMapper(writer, evt).Apply()
                : evt.Invoice is not null ? InvoiceMapper.Apply(writer, evt)
                : "ignored: " + evt.Type;
            BillingTimeline.Log(writer, evt, summary);
            return summary;
        });
        return new StripeWebhookResult(evt.Id, evt.Type, outcome.Applied && handled, outcome.Summary);
    }
}
