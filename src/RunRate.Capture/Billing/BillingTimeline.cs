using System.Security.Cryptography;
using System.Text;
using RunRate.Engine.Crm;
using RunRate.Storage.Crm;

namespace RunRate.Capture.Billing;

/// <summary>
/// Puts what a billing event did on its account's activity timeline (source <c>billing</c>), so the
/// account page shows a cancellation or a failed payment next to the calls and e-mails around it.
/// Idempotent by event id, like the event itself.
/// </summary>
internal static class BillingTimeline
{
    public static void Log(ILedgerWriter writer, StripeEvent evt, string summary)
    {
        var metadata = evt.Subscription?.Metadata ?? evt.Invoice?.Metadata;
        var stripeCustomer = evt.Subscription?.Customer ?? evt.Invoice?.Customer;
        if (metadata is null || stripeCustomer is null || summary.Contains("no ledger change", StringComparison.Ordinal) || summary.StartsWith("skipped", StringComparison.Ordinal))
        {
            return;
        }

        var account = BillingCustomers.Resolve(metadata, stripeCustomer);
        if (writer.FindCustomer(account) is null)
        {
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evt.Id)))[..16];
        var subject = evt.Type switch
        {
            StripeEventParser.InvoicePaid => "Invoice paid",
            StripeEventParser.InvoicePaymentFailed => "Payment failed",
            StripeEventParser.SubscriptionDeleted => "Subscription cancelled",
            StripeEventParser.SubscriptionCreated => "Subscription started",
            _ => "Subscription changed",
        };
        writer.Log(new Activity(new ActivityId("bl_" + hash), ActivityKind.Note, evt.Created, subject, summary, account, null, null, CaptureSources.Billing, "billing:" + evt.Id));
    }
}
