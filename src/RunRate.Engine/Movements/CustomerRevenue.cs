using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Movements;

/// <summary>One day's change of one customer's MRR (spec section 3).</summary>
/// <param name="Date">The day of the change.</param>
/// <param name="Type">How it is classified.</param>
/// <param name="Amount">Signed change (churn and contraction are negative).</param>
/// <param name="MrrAfter">The customer's MRR from that day on.</param>
public sealed record Movement(DateOnly Date, MovementType Type, Exact Amount, Exact MrrAfter);

/// <summary>Where a customer stands on a given day.</summary>
public enum CustomerStatus
{
    /// <summary>MRR &gt; 0 on the day.</summary>
    Active,

    /// <summary>Was active before the day, MRR 0 on it.</summary>
    Churned,

    /// <summary>Not yet active, but a paid line starts later (contracted future revenue).</summary>
    Future,

    /// <summary>Never active: only free or one-time lines, or no lines.</summary>
    NeverActive,
}

/// <summary>A customer's revenue position on one day and its whole movement history.</summary>
public sealed record CustomerStanding(
    Customer Customer,
    CustomerStatus Status,
    Exact Mrr,
    Exact SubscriptionMrr,
    Exact AddonMrr,
    DateOnly? Since,
    IReadOnlyList<Movement> Movements)
{
    /// <summary>12 × MRR.</summary>
    public Exact Arr => Mrr * 12;

    /// <summary>The last movement on or before the day of the standing, if any.</summary>
    public Movement? LastMovement { get; init; }
}

/// <summary>Per-customer view of the ledger: the same movement rules as the bridge, one customer at a time.</summary>
public static class CustomerRevenue
{
    /// <summary>Every customer in scope with its standing on <paramref name="asOf"/> (a day; use a month's last day for its closing).</summary>
    public static IReadOnlyList<CustomerStanding> Analyze(RevenueLedger ledger, CurrencyCode currency, DateOnly asOf, LedgerFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var book = RecurringBook.Build(ledger, currency, filter ?? LedgerFilter.All);
        var result = new CustomerStanding[book.Customers.Count];
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = Walk(book, c, asOf);
        }

        return result;
    }

    /// <summary>One customer's standing, or null when the ledger has no such customer.</summary>
    public static CustomerStanding? Analyze(RevenueLedger ledger, CurrencyCode currency, DateOnly asOf, CustomerId customer)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.CustomersById.ContainsKey(customer)
            ? Analyze(ledger, currency, asOf, LedgerFilter.All.Where("customer_id", customer.Value)).Single()
            : null;
    }

    private static CustomerStanding Walk(RecurringBook book, int c, DateOnly asOf)
    {
        var movements = new List<Movement>();
        BigInteger mrr = 0, subscription = 0, addon = 0;
        BigInteger atMrr = 0, atSubscription = 0, atAddon = 0;
        var everActive = false;
        var activeBefore = false;
        DateOnly? since = null;
        Movement? last = null;
        var asOfDay = asOf.DayNumber;
        var i = book.CustomerStart[c];
        var end = book.CustomerStart[c + 1];
        while (i < end)
        {
            var day = book.Day[i];
            var before = mrr;
            for (; i < end && book.Day[i] == day; i++)
            {
                mrr += book.Delta[i];
                if (book.IsAddon[i])
                {
                    addon += book.Delta[i];
                }
                else
                {
                    subscription += book.Delta[i];
                }
            }

            if (day <= asOfDay)
            {
                (atMrr, atSubscription, atAddon) = (mrr, subscription, addon);
            }

            var type = MovementRules.Classify(before, mrr, everActive);
            if (type is null)
            {
                continue;
            }

            var date = DateOnly.FromDayNumber(day);
            var movement = new Movement(date, type.Value, book.ToExact(mrr - before), book.ToExact(mrr));
            movements.Add(movement);
            everActive |= mrr > 0;
            if (day <= asOfDay)
            {
                since ??= type == MovementType.New ? date : since;
                last = movement;
                activeBefore = everActive;
            }
        }

        var status = atMrr > 0 ? CustomerStatus.Active
            : activeBefore ? CustomerStatus.Churned
            : everActive ? CustomerStatus.Future
            : CustomerStatus.NeverActive;
        return new CustomerStanding(book.Customers[c], status, book.ToExact(atMrr), book.ToExact(atSubscription), book.ToExact(atAddon), since, movements)
        {
            LastMovement = last,
        };
    }
}
