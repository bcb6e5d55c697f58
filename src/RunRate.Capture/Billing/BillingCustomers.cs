using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;

namespace RunRate.Capture.Billing;

/// <summary>
/// Which ledger customer a Stripe object belongs to: <c>metadata.runrate_customer_id</c> when the
/// business links its Stripe customers to existing ledger ids, else the Stripe customer id itself.
/// An unknown customer is created (named by <c>metadata.customer_name</c>, else the given name, else
/// its id), so that a new signup shows up without a manual step.
/// </summary>
internal static class BillingCustomers
{
    public const string CustomerIdKey = "runrate_customer_id";
    public const string CustomerNameKey = "customer_name";

    public static CustomerId Resolve(IReadOnlyDictionary<string, string> metadata, string stripeCustomer) =>
        new(metadata.TryGetValue(CustomerIdKey, out var id) && id.Trim().Length > 0 ? id.Trim() : stripeCustomer);

    /// <summary>Creates the customer when it is not stored; returns a note for the summary, or null.</summary>
    public static string? Ensure(ILedgerWriter writer, CustomerId id, IReadOnlyDictionary<string, string> metadata, string? fallbackName = null)
    {
        if (writer.FindCustomer(id) is not null)
        {
            return null;
        }

        var name = metadata.TryGetValue(CustomerNameKey, out var given) && given.Trim().Length > 0 ? given.Trim() : fallbackName ?? id.Value;
        writer.Upsert(new Customer(id, name));
        return $"created customer {id} ({name})";
    }
}
