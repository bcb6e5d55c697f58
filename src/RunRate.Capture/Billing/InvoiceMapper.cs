using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;

namespace RunRate.Capture.Billing;

/// <summary>
/// Turns <c>invoice.paid</c> and <c>invoice.payment_failed</c> into <see cref="Payment"/> records
/// (keyed by the event id, referencing the invoice), which the churn-risk signals read: a failed
/// payment not followed by a paid one is a warning sign. Invoices never change ledger lines; the
/// subscription events do that.
/// </summary>
internal static class InvoiceMapper
{
    public static string Apply(ILedgerWriter writer, StripeEvent evt)
    {
        var invoice = evt.Invoice ?? throw new ArgumentException("not an invoice event", nameof(evt));
        var paid = evt.Type == StripeEventParser.InvoicePaid;
        var code = invoice.Currency.ToUpperInvariant();
        if (!CurrencyCode.TryParse(code, out var currency))
        {
            throw new BillingEventRejectedException("currency", $"invoice {invoice.Id}: expected an ISO 4217 currency code, found '{invoice.Currency}'");
        }

        var customer = BillingCustomers.Resolve(invoice.Metadata, invoice.Customer);
        var created = BillingCustomers.Ensure(writer, customer, invoice.Metadata, invoice.CustomerName);
        var amount = StripeCurrencies.FromMinor(paid ? invoice.AmountPaid : invoice.AmountDue, code);
        var on = DateOnly.FromDateTime((paid ? invoice.PaidAt ?? evt.Created : evt.Created).UtcDateTime);
        writer.Record(evt.Id, new Payment(customer, on, paid, new Money(amount, currency), invoice.Id));
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"recorded {(paid ? "payment" : "failed payment")} of {amount} {code} for invoice {invoice.Id} by {customer} on {on:yyyy-MM-dd}");
        return created is null ? note : created + "; " + note;
    }
}
