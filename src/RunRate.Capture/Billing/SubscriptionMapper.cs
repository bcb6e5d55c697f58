using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;
using RunRate.Storage.Crm;

namespace RunRate.Capture.Billing;

/// <summary>
/// Turns one <c>customer.subscription.*</c> event into ledger lines (the rules are in docs/crm.md,
/// "Billing webhook"). Each subscription item is one line, id <c>si_…</c>; a change of its terms ends
/// the current version on the event's day and starts <c>si_…@YYYY-MM-DD</c>, so history stays as it
/// was and the bridge shows the change as expansion or contraction on that day. Every line written
/// goes through <see cref="LineRules"/>, exactly as an imported row would.
/// </summary>
internal sealed class SubscriptionMapper(ILedgerWriter writer, StripeEvent evt)
{
    private readonly StripeSubscription _subscription = evt.Subscription ?? throw new ArgumentException("not a subscription event", nameof(evt));
    private readonly DateOnly _changeDay = Day(evt.Created);
    private readonly List<string> _notes = [];

    public string Apply()
    {
        var sub = _subscription;
        var cancelled = evt.Type == StripeEventParser.SubscriptionDeleted || sub.Status is "canceled" or "incomplete_expired";
        if (!cancelled && sub.Status == "incomplete")
        {
            return $"skipped subscription {sub.Id}: incomplete (its first payment has not succeeded); its lines come with the update that activates it";
        }

        var end = cancelled ? Day(sub.EndedAt ?? sub.CanceledAt ?? evt.Created) : sub.CancelAt is { } at ? Day(at) : (DateOnly?)null;
        foreach (var item in sub.Items)
        {
            var versions = Versions(item.Id);
            if (versions.Count == 0)
            {
                if (!cancelled)
                {
                    Create(item, end);
                }

                continue;
            }

            var current = versions[^1];
            if (cancelled)
            {
                if (current.End is null || current.End > end)
                {
                    Save(current with { End = end }, $"ended line {current.Id} on {Text(end!.Value)} (subscription {sub.Id} cancelled)");
                }
            }
            else if (evt.Type == StripeEventParser.SubscriptionUpdated)
            {
                Update(item, current, end);
            }
        }

        if (!cancelled && sub.PreviousItemIds is { } previous)
        {
            foreach (var removed in previous.Except(sub.Items.Select(i => i.Id), StringComparer.Ordinal))
            {
                if (Versions(removed) is [.., var current] && (current.End is null || current.End > _changeDay))
                {
                    Save(current with { End = _changeDay }, $"ended line {current.Id} on {Text(_changeDay)} (item removed from subscription {sub.Id})");
                }
            }
        }

        return _notes.Count > 0 ? string.Join("; ", _notes) : $"subscription {sub.Id}: no ledger change";
    }

    private void Create(StripeItem item, DateOnly? end)
    {
        var customer = BillingCustomers.Resolve(_subscription.Metadata, _subscription.Customer);
        if (BillingCustomers.Ensure(writer, customer, _subscription.Metadata) is { } created)
        {
            _notes.Add(created);
        }

        var start = Day(item.Created ?? _subscription.StartDate ?? evt.Created);
        var line = Validate(Terms(item) with { LineId = item.Id, CustomerId = customer.Value, StartDate = Text(start), EndDate = end is { } e ? Text(e) : "" });
        writer.Upsert(line);
        _notes.Add($"created line {line.Id} ({Describe(line)}) for {customer}" + (end is { } ends ? $", ending {Text(ends)}" : ""));
    }

    private void Update(StripeItem item, RevenueLine current, DateOnly? end)
    {
        if (_changeDay < current.Start)
        {
            // Stripe does not promise order: an event older than the version it would change is late, not news.
            _notes.Add($"kept line {current.Id}: this event ({Text(_changeDay)}) is older than its current version ({Text(current.Start)})");
            return;
        }

        var proposed = Validate(Terms(item) with
        {
            LineId = current.Id.Value,
            CustomerId = current.CustomerId.Value,
            StartDate = Text(current.Start),
            EndDate = end is { } e ? Text(e) : "",
        });
        if (SameTerms(current, proposed))
        {
            if (current.End != end)
            {
                Save(current with { End = end }, end is { } ends ? $"line {current.Id} ends on {Text(ends)}" : $"line {current.Id} no longer ends (cancellation withdrawn)");
            }

            return;
        }

        if (_changeDay == current.Start)
        {
            Save(proposed, $"changed line {current.Id} in place ({Describe(proposed)})");
            return;
        }

        Save(current with { End = _changeDay }, $"ended line {current.Id} on {Text(_changeDay)}");
        var next = proposed with { Id = new LineId($"{item.Id}@{Text(_changeDay)}"), Start = _changeDay };
        Save(next, $"created line {next.Id} ({Describe(next)}) for {next.CustomerId}");
    }

    /// <summary>The item's versions, oldest first: <c>si_1</c> and <c>si_1@…</c>, not <c>si_10</c>.</summary>
    private List<RevenueLine> Versions(string itemId) =>
        [.. writer.LinesWithIdPrefix(itemId)
            .Where(l => l.Id.Value == itemId || l.Id.Value.StartsWith(itemId + "@", StringComparison.Ordinal))
            .OrderBy(l => l.Start)
            .ThenBy(l => l.Id.Value, StringComparer.Ordinal)];

    private void Save(RevenueLine line, string note)
    {
        writer.Upsert(Validate(Fields(line)));
        _notes.Add(note);
    }

    /// <summary>What the item sells, as lines.csv fields; id, customer and dates are filled in by the caller.</summary>
    private static LineFields Terms(StripeItem item)
    {
        var price = item.Price;
        var months = price.Interval switch
        {
            "month" => price.IntervalCount,
            "year" => 12 * price.IntervalCount,
            _ => throw new BillingEventRejectedException("interval_months", $"line {item.Id}: {price.Path} bills every {price.IntervalCount} {price.Interval}(s); the ledger counts whole months, so weekly and daily prices cannot be represented (nothing was recorded; change the price, then resend the event)"),
        };
        if (price.UsageType == "metered")
        {
            throw new BillingEventRejectedException("quantity", $"line {item.Id}: {price.Path} is metered (billed on usage), so its recurring revenue is unknown in advance and cannot be represented");
        }

        var currency = price.Currency.ToUpperInvariant();
        var minor = price.UnitAmountDecimal ?? price.UnitAmount
            ?? throw new BillingEventRejectedException("amount", $"line {item.Id}: {price.Path} has no unit_amount (tiered or custom pricing), so its unit price is unknown");
        var kind = IsAddon(price.Metadata) || IsAddon(item.Metadata) ? LineKind.Addon : LineKind.Subscription;
        return new LineFields(
            "",
            "",
            kind.ToLedgerText(),
            price.Nickname ?? price.Product ?? "",
            "",
            "",
            StripeCurrencies.FromMinor(minor, currency).ToString(CultureInfo.InvariantCulture),
            (item.Quantity ?? 1).ToString(CultureInfo.InvariantCulture),
            currency,
            months.ToString(CultureInfo.InvariantCulture));
    }

    private static bool IsAddon(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue("runrate_kind", out var kind) && string.Equals(kind.Trim(), "addon", StringComparison.OrdinalIgnoreCase);

    private RevenueLine Validate(LineFields fields)
    {
        var problems = new List<FieldProblem>();
        var line = LineRules.Validate(fields, id => writer.FindCustomer(new CustomerId(id)) is not null, problems);
        return line is not null && problems.Count == 0
            ? line
            : throw new BillingEventRejectedException([.. problems.Select(p => p with { Message = $"line {fields.LineId}: {p.Message}" })]);
    }

    private static LineFields Fields(RevenueLine line) => new(
        line.Id.Value,
        line.CustomerId.Value,
        line.Kind.ToLedgerText(),
        line.Product ?? "",
        Text(line.Start),
        line.End is { } end ? Text(end) : "",
        line.Amount.ToString(CultureInfo.InvariantCulture),
        line.Quantity.ToString(CultureInfo.InvariantCulture),
        line.Currency.Value,
        line.IntervalMonths?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static bool SameTerms(RevenueLine a, RevenueLine b) =>
        a.Kind == b.Kind && a.Product == b.Product && a.Amount == b.Amount && a.Quantity == b.Quantity && a.Currency == b.Currency && a.IntervalMonths == b.IntervalMonths;

    private static string Describe(RevenueLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line.Product ?? "no product"}, {line.Quantity} × {line.Amount} {line.Currency} / {line.IntervalMonths} month{(line.IntervalMonths == 1 ? "" : "s")}");

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
