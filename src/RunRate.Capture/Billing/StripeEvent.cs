namespace RunRate.Capture.Billing;

/// <summary>
/// The parts of a Stripe event RunRate uses, read from the webhook's JSON by <see cref="StripeEventParser"/>.
/// These types stay in the adapter: the mapper turns them into ledger lines and payments, and the
/// engine never sees a Stripe shape.
/// </summary>
/// <param name="Id">The event id (<c>evt_…</c>), the key that makes processing idempotent.</param>
/// <param name="Type">The event type (<c>customer.subscription.updated</c>).</param>
/// <param name="Created">When Stripe created the event: the day a change takes effect.</param>
/// <param name="Subscription">The subscription, for <c>customer.subscription.*</c> events.</param>
/// <param name="Invoice">The invoice, for <c>invoice.*</c> events.</param>
internal sealed record StripeEvent(string Id, string Type, DateTimeOffset Created, StripeSubscription? Subscription, StripeInvoice? Invoice);

/// <summary>A subscription as the event's <c>data.object</c> carries it.</summary>
/// <param name="Id">The subscription id (<c>sub_…</c>).</param>
/// <param name="Customer">The Stripe customer id (<c>cus_…</c>).</param>
/// <param name="Status">Stripe's status (<c>active</c>, <c>trialing</c>, <c>canceled</c>, …).</param>
/// <param name="Metadata">The subscription's metadata (<c>runrate_customer_id</c>, <c>customer_name</c>).</param>
/// <param name="StartDate">When the subscription started.</param>
/// <param name="CancelAt">A scheduled cancellation.</param>
/// <param name="CanceledAt">When it was cancelled.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Items">Its items: one ledger line each.</param>
/// <param name="PreviousItemIds">The item ids before this change, when <c>data.previous_attributes.items</c> says so.</param>
internal sealed record StripeSubscription(
    string Id,
    string Customer,
    string Status,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset? StartDate,
    DateTimeOffset? CancelAt,
    DateTimeOffset? CanceledAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<StripeItem> Items,
    IReadOnlyList<string>? PreviousItemIds);

/// <summary>A subscription item (<c>si_…</c>).</summary>
/// <param name="Id">The item id: the ledger line's id.</param>
/// <param name="Path">Its JSON path, to name it in errors.</param>
/// <param name="Created">When the item was added.</param>
/// <param name="Quantity">Units, when given.</param>
/// <param name="Metadata">The item's metadata (<c>runrate_kind</c>).</param>
/// <param name="Price">Its price.</param>
internal sealed record StripeItem(string Id, string Path, DateTimeOffset? Created, long? Quantity, IReadOnlyDictionary<string, string> Metadata, StripePrice Price);

/// <summary>A recurring price (or a legacy plan, read the same way).</summary>
/// <param name="Path">Its JSON path.</param>
/// <param name="Nickname">Its nickname: the ledger's product when present.</param>
/// <param name="Product">The product's name when expanded, else its id.</param>
/// <param name="Currency">Lower-case ISO code as Stripe writes it.</param>
/// <param name="UnitAmount">The unit price in the currency's smallest unit.</param>
/// <param name="UnitAmountDecimal">The same with sub-unit precision, which wins when present.</param>
/// <param name="Interval"><c>month</c>, <c>year</c>, <c>week</c> or <c>day</c>.</param>
/// <param name="IntervalCount">Intervals per billing period.</param>
/// <param name="UsageType"><c>licensed</c> or <c>metered</c>.</param>
/// <param name="Metadata">The price's metadata (<c>runrate_kind</c>).</param>
internal sealed record StripePrice(
    string Path,
    string? Nickname,
    string? Product,
    string Currency,
    long? UnitAmount,
    decimal? UnitAmountDecimal,
    string Interval,
    long IntervalCount,
    string? UsageType,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>An invoice, for payments.</summary>
/// <param name="Id">The invoice id (<c>in_…</c>): the payment's reference.</param>
/// <param name="Customer">The Stripe customer id.</param>
/// <param name="CustomerName">The customer's name on the invoice.</param>
/// <param name="Currency">Lower-case ISO code.</param>
/// <param name="AmountPaid">Paid, in the smallest unit.</param>
/// <param name="AmountDue">Due, in the smallest unit.</param>
/// <param name="PaidAt">When it was paid.</param>
/// <param name="Metadata">The invoice's metadata merged over its subscription's (for <c>runrate_customer_id</c>).</param>
internal sealed record StripeInvoice(
    string Id,
    string Customer,
    string? CustomerName,
    string Currency,
    long AmountPaid,
    long AmountDue,
    DateTimeOffset? PaidAt,
    IReadOnlyDictionary<string, string> Metadata);
